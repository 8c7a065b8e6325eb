/**
 * What `@salesforce/apex/Class.method` imports become in the preview. Each is a function that calls the
 * preview's backend and answers like the platform does: results go through JSON (as Apex results are
 * serialised), failures reject with the platform's error shape (`{ status, body: { message } }`), so the
 * component's own error handling runs. Cacheable methods are also wire adapters, like Apex methods in an org:
 * a wired value is read-only (frozen) and `refreshApex(value)` re-runs the call that produced it.
 */
import { CACHEABLE_METHODS } from './apexMethods';

/** Answers one Apex call; throws (or rejects) with an Error whose message is what the rep should read. */
export interface ApexBackend {
    invoke(method: string, params: Record<string, unknown>): unknown;
}

/** The error value LWC receives from a failed Apex call. */
export interface ApexErrorResponse {
    status: number;
    statusText: string;
    ok: false;
    body: { message: string; exceptionType: string; isUserDefinedException: boolean; stackTrace: string };
    headers: Record<string, string>;
}

export type ApexMethod = ((params?: Record<string, unknown>) => Promise<unknown>) & {
    adapter?: new (callback: (value: WiredValue) => void) => WireAdapter;
};

export interface WiredValue {
    data: unknown;
    error: unknown;
}

interface WireAdapter {
    connect(): void;
    disconnect(): void;
    update(config: Record<string, unknown>): void;
}

let backend: ApexBackend | null = null;

/** Installs the backend every Apex import calls (the page does this before mounting the panel). */
export function setApexBackend(next: ApexBackend | null): void {
    backend = next;
}

export function toApexError(error: unknown): ApexErrorResponse {
    const message = error instanceof Error ? error.message : String(error);
    return {
        status: 500,
        statusText: 'Server Error',
        ok: false,
        body: {
            message,
            exceptionType: 'System.AuraHandledException',
            isUserDefinedException: false,
            stackTrace: ''
        },
        headers: {}
    };
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    }
    return value;
}

/** Calls the backend asynchronously, as a server round trip is. */
export async function callApex(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    await Promise.resolve();
    if (!backend) throw toApexError(new Error('The preview has no Apex backend installed.'));
    try {
        // the parameters and the result cross a "network": neither side keeps references to the other's objects
        const result = await backend.invoke(method, JSON.parse(JSON.stringify(params)) as Record<string, unknown>);
        return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (error) {
        throw toApexError(error);
    }
}

/** Wired values still able to refresh, and how. */
const refreshers = new WeakMap<object, () => Promise<void>>();

/** `refreshApex` from `@salesforce/apex`: re-runs the wire that provisioned `wiredValue`. */
export function refreshApex(wiredValue: unknown): Promise<void> {
    const refresh = wiredValue && typeof wiredValue === 'object' ? refreshers.get(wiredValue) : undefined;
    return refresh ? refresh() : Promise.resolve();
}

function wireAdapterFor(method: string) {
    return class ApexWireAdapter implements WireAdapter {
        private config: Record<string, unknown> | null = null;
        private connected = false;
        private request = 0;

        constructor(private readonly callback: (value: WiredValue) => void) {}

        connect(): void {
            this.connected = true;
            if (this.config) void this.fetch();
        }

        disconnect(): void {
            this.connected = false;
        }

        update(config: Record<string, unknown>): void {
            const same = this.config && JSON.stringify(this.config) === JSON.stringify(config);
            this.config = { ...config };
            if (this.connected && !same) void this.fetch();
        }

        private async fetch(): Promise<void> {
            const config = this.config;
            // like the platform, a wire with an undefined reactive parameter does not call the server
            if (!config || Object.values(config).some((v) => v === undefined)) return;
            const request = ++this.request;
            let value: WiredValue;
            try {
                value = { data: deepFreeze(await callApex(method, config)), error: undefined };
            } catch (error) {
                value = { data: undefined, error: deepFreeze(error) };
            }
            // a newer request (the record changed) wins over a slower older one
            if (request !== this.request || !this.connected) return;
            refreshers.set(value, () => this.fetch());
            this.callback(value);
        }
    };
}

/** The default export of `@salesforce/apex/<method>`. */
export function apexMethod(method: string): ApexMethod {
    const call: ApexMethod = (params) => callApex(method, params ?? {});
    if (CACHEABLE_METHODS.has(method)) call.adapter = wireAdapterFor(method);
    return call;
}
