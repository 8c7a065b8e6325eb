/**
 * A rollup plugin that resolves the modules a Lightning Web Component imports from the platform, the way the
 * org would, but offline:
 * - `c/name` -> the deployed component source in force-app (the compiled `.js` next to the `.ts`);
 * - `@salesforce/label/c.Name` -> the custom label's real value (an unknown label fails the build);
 * - `@salesforce/apex/Class.method` -> the preview adapter (an unknown method fails the build);
 * - `@salesforce/apex`, `@salesforce/user/Id`, `@salesforce/client/formFactor`, `@salesforce/schema/...` and
 *   the `lightning/...` platform modules that lightning-base-components lacks -> the stand-ins in preview/stubs.
 * Imports made by lightning-base-components itself are left to @lwc/rollup-plugin, which knows that package's
 * own aliases. Any other `@salesforce/...` import from project code fails the build.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'rollup';

export interface PlatformModulesOptions {
    /** Custom label name -> value. */
    labels: Map<string, string>;
    /**
     * Folders that hold components of namespace `c`, one sub-folder per component. force-app's components are
     * served as compiled (`.js`, what is deployed); `ts: true` serves a folder's `.ts` (the preview's fixtures).
     */
    componentDirs: { dir: string; ts?: boolean }[];
    /** Folder of the stand-in modules (`lightning/<name>.ts`, `salesforce/<name>.ts`). */
    stubsDir: string;
    /** The module every `@salesforce/apex/Class.method` import is served from (exports `apexMethod`). */
    apexModule: string;
    /** `Class.method` names the adapter answers. */
    apexMethods: readonly string[];
}

const PREFIX = '\0crossway:';
const SALESFORCE_STUBS: Record<string, string> = {
    '@salesforce/apex': 'salesforce/apex.ts',
    '@salesforce/user/Id': 'salesforce/userId.ts',
    '@salesforce/client/formFactor': 'salesforce/formFactor.ts'
};

function isProjectImporter(importer: string | undefined): boolean {
    return !!importer && !importer.includes('/node_modules/');
}

/** The stand-ins found under stubsDir/lightning, by module name (`lightning/navigation`). */
function lightningStubs(stubsDir: string): Map<string, string> {
    const dir = join(stubsDir, 'lightning');
    const found = new Map<string, string>();
    if (!existsSync(dir)) return found;
    for (const file of readdirSync(dir)) {
        if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts')) {
            found.set(`lightning/${file.slice(0, -3)}`, join(dir, file));
        }
    }
    return found;
}

export default function platformModules(options: PlatformModulesOptions): Plugin {
    const stubs = lightningStubs(options.stubsDir);
    const apexMethods = new Set(options.apexMethods);
    return {
        name: 'crossway-platform-modules',
        resolveId(source, importer) {
            if (source.startsWith('@salesforce/label/c.')) return PREFIX + source;
            if (source.startsWith('@salesforce/apex/')) {
                const name = source.slice('@salesforce/apex/'.length);
                if (!apexMethods.has(name)) {
                    this.error(
                        `${source}: the preview adapter has no method ${name} (it answers ${[...apexMethods].join(', ')})`
                    );
                }
                return PREFIX + source;
            }
            if (source.startsWith('@salesforce/schema/')) return PREFIX + source;
            // lightning-base-components maps its own platform imports to its own stand-ins
            if (!isProjectImporter(importer)) return null;
            const stub = SALESFORCE_STUBS[source];
            if (stub) return join(options.stubsDir, stub);
            const lightning = stubs.get(source);
            if (lightning) return lightning;
            if (source.startsWith('@salesforce/')) {
                this.error(`${source}: no preview stand-in for this platform module (imported by ${importer})`);
            }
            const component = /^c\/([A-Za-z][A-Za-z0-9_]*)$/.exec(source);
            if (component) {
                const name = component[1];
                for (const { dir, ts } of options.componentDirs) {
                    const folder = join(dir, name);
                    if (!existsSync(folder)) continue;
                    const js = join(folder, `${name}.${ts ? 'ts' : 'js'}`);
                    if (existsSync(js)) return js;
                    this.error(
                        `${source}: ${name}/${name}.js is missing; run \`npm run build\` to compile the components`
                    );
                }
                this.error(`${source}: no component ${name} in force-app (imported by ${importer})`);
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) return null;
            const source = id.slice(PREFIX.length);
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                const value = options.labels.get(name);
                if (value === undefined) this.error(`${source}: no custom label named ${name} in force-app`);
                return `export default ${JSON.stringify(value)};`;
            }
            if (source.startsWith('@salesforce/apex/')) {
                const name = source.slice('@salesforce/apex/'.length);
                return (
                    `import { apexMethod } from ${JSON.stringify(options.apexModule)};\n` +
                    `export default apexMethod(${JSON.stringify(name)});`
                );
            }
            // @salesforce/schema/Object.Field: the same shape the platform gives
            const [objectApiName, ...rest] = source.slice('@salesforce/schema/'.length).split('.');
            const value = rest.length ? { objectApiName, fieldApiName: rest.join('.') } : { objectApiName };
            return `export default ${JSON.stringify(value)};`;
        }
    };
}
