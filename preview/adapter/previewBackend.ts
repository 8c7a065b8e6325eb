/**
 * Connects the `@salesforce/apex/CrossSellController.*` imports to the preview's org, with two switches the
 * page reads from its address so tests (and curious users) can see the panel's other states:
 * `?fail=getPanelData` (a comma list of method names, or `all`) makes those calls fail as a server error
 * would, and `?latency=800` delays every answer (the loading state).
 */
import type { ApexBackend } from './apexModules';
import type { PreviewOrg } from './previewOrg';

export interface BackendSwitches {
    /** Method names (without the class) that fail; `all` fails every method. */
    fail: ReadonlySet<string>;
    /** Milliseconds before each answer. */
    latencyMs: number;
}

/** Reads the switches from a query string (`?fail=getPanelData,logAttempt&latency=500`). */
export function switchesFromQuery(search: string): BackendSwitches {
    const params = new URLSearchParams(search);
    const fail = new Set(
        (params.get('fail') ?? '')
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
    );
    const latency = Number(params.get('latency') ?? 0);
    return { fail, latencyMs: Number.isFinite(latency) && latency > 0 ? Math.min(latency, 30_000) : 0 };
}

export class PreviewBackend implements ApexBackend {
    constructor(
        readonly org: PreviewOrg,
        readonly switches: BackendSwitches = { fail: new Set(), latencyMs: 0 }
    ) {}

    async invoke(method: string, params: Record<string, unknown>): Promise<unknown> {
        if (this.switches.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.switches.latencyMs));
        const [className, name] = method.split('.');
        if (this.switches.fail.has(name) || this.switches.fail.has('all')) {
            throw new Error(`${name} failed on purpose: the preview was opened with ?fail=${name}.`);
        }
        if (className !== 'CrossSellController') throw new Error(`No Apex class ${className} in the preview.`);
        switch (name) {
            case 'getPanelData': {
                performance.mark('preview:getPanelData-start');
                const data = this.org.getPanelData(params);
                performance.mark('preview:getPanelData-end');
                return data;
            }
            case 'logAttempt':
                return this.org.logAttempt(params);
            case 'updateAttempt':
                return this.org.updateAttempt(params);
            case 'dismissOffering':
                return this.org.dismissOffering(params);
            case 'logConnection':
                return this.org.logConnection(params);
            default:
                throw new Error(`No Apex method ${method} in the preview.`);
        }
    }
}
