/**
 * A fast early warning, run by `npm test`: every module the deployed components import, and every base component
 * their templates use, resolves in the preview. The full preview build (`npm run test:browser`) would fail on the
 * same thing, but takes much longer.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { PluginContext } from 'rollup';
import { APEX_METHODS } from '../adapter/apexMethods';
import { readLabels } from './labels';
import platformModules from './platformModules';
import { FORCE_APP_LWC, LABELS_DIR, PREVIEW_DIR, ROOT } from './rollupOptions';

const LBC = join(ROOT, 'node_modules', 'lightning-base-components', 'src', 'lightning');

/** Component sources (not tests, not compiled output). */
function sources(dir: string, extension: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) {
            if (entry !== '__tests__') found.push(...sources(full, extension));
        } else if (entry.endsWith(extension) && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) {
            found.push(full);
        }
    }
    return found;
}

/** The module specifiers a source file imports (type-only imports included: harmless). */
function importsOf(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1] ?? m[2]
    );
}

const kebabToCamel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A lightning-base-components module the open-source package really implements (not a platform re-export). */
function baseComponentProblem(name: string): string | null {
    const file = join(LBC, name, `${name}.js`);
    if (!existsSync(file)) return `lightning/${name} is not in lightning-base-components`;
    const forward = /from\s*['"](force\/[^'"]+)['"]/.exec(readFileSync(file, 'utf8'));
    return forward ? `lightning/${name} only re-exports the platform's ${forward[1]}` : null;
}

describe('what the components import resolves in the preview', () => {
    const plugin = platformModules({
        labels: readLabels(LABELS_DIR),
        // the component's TypeScript is enough here: whether it compiles is the type check's job
        componentDirs: [{ dir: FORCE_APP_LWC, ts: true }],
        stubsDir: join(PREVIEW_DIR, 'stubs'),
        apexModule: join(PREVIEW_DIR, 'adapter', 'apexModules.ts'),
        apexMethods: APEX_METHODS
    });
    const context = {
        error(message: string): never {
            throw new Error(message);
        }
    } as unknown as PluginContext;
    const resolveId = plugin.resolveId as (this: PluginContext, source: string, importer: string) => string | null;
    const load = plugin.load as (this: PluginContext, id: string) => string | null;
    const stubs = new Set(readdirSync(join(PREVIEW_DIR, 'stubs', 'lightning')).map((f) => f.replace(/\.ts$/, '')));

    it('module imports: components, labels, Apex methods, platform modules', () => {
        const problems: string[] = [];
        const files = sources(FORCE_APP_LWC, '.ts');
        const seen = files.flatMap(importsOf);
        assert.ok(
            seen.some((s) => s.startsWith('@salesforce/apex/')),
            'the scan finds the Apex imports'
        );
        assert.ok(
            seen.some((s) => s.startsWith('@salesforce/label/c.')),
            'the scan finds the label imports'
        );
        for (const file of files) {
            for (const specifier of importsOf(file)) {
                if (specifier.startsWith('.') || specifier === 'lwc') continue;
                const where = `${relative(ROOT, file)}: ${specifier}`;
                try {
                    if (specifier.startsWith('lightning/') && !stubs.has(specifier.slice('lightning/'.length))) {
                        const problem = baseComponentProblem(specifier.slice('lightning/'.length));
                        if (problem) problems.push(`${where}: ${problem}; add a stand-in in preview/stubs/lightning`);
                        continue;
                    }
                    const id = resolveId.call(context, specifier, file);
                    if (!id) problems.push(`${where}: nothing resolves it`);
                    else if (id.startsWith('\0')) load.call(context, id);
                } catch (error) {
                    problems.push(`${where}: ${(error as Error).message}`);
                }
            }
        }
        assert.deepEqual(problems, []);
    });

    it('base components in templates exist in lightning-base-components', () => {
        const problems: string[] = [];
        for (const file of sources(FORCE_APP_LWC, '.html')) {
            const tags = new Set(
                [...readFileSync(file, 'utf8').matchAll(/<(lightning|c)-([a-z0-9-]+)/g)].map((m) => m[0])
            );
            for (const tag of tags) {
                const [namespace, ...rest] = tag.slice(1).split('-');
                const name = kebabToCamel(rest.join('-'));
                const problem =
                    namespace === 'c'
                        ? existsSync(join(FORCE_APP_LWC, name))
                            ? null
                            : `no component ${name} in force-app`
                        : baseComponentProblem(name);
                if (problem) problems.push(`${relative(ROOT, file)}: <${tag.slice(1)}>: ${problem}`);
            }
        }
        assert.deepEqual(problems, []);
    });

    it('notices an unknown label, Apex method or component', () => {
        const importer = join(FORCE_APP_LWC, 'crossSellPanel', 'crossSellPanel.ts');
        const attempt = (specifier: string) => () => {
            const id = resolveId.call(context, specifier, importer);
            if (id?.startsWith('\0')) load.call(context, id);
        };
        assert.throws(attempt('@salesforce/label/c.Crossway_No_Such_Label'), /no custom label/);
        assert.throws(attempt('@salesforce/apex/CrossSellController.deleteAll'), /has no method/);
        assert.throws(attempt('c/noSuchComponent'), /no component noSuchComponent/);
        assert.throws(attempt('@salesforce/messageChannel/Foo__c'), /no preview stand-in/);
    });

    it('notices a base component the open-source package lacks or only forwards to the platform', () => {
        assert.match(baseComponentProblem('recordEditForm') ?? '', /not in lightning-base-components/);
        assert.match(baseComponentProblem('navigation') ?? '', /re-exports the platform's force\/navigation/);
        assert.equal(baseComponentProblem('button'), null);
    });
});
