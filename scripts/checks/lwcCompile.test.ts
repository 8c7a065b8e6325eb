/**
 * Compiles every Lightning Web Component the way it reaches the platform: each TypeScript source is transpiled
 * with the options of tsconfig.lwc.json (to the .js that is deployed), then that JavaScript and every template
 * go through @lwc/compiler, which rejects what the platform rejects (misused decorators, bad template syntax).
 * It also checks what the platform would only report on deploy: custom label imports that name no label,
 * `c/` imports of missing bundles and bundles without metadata at API version 65.0.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { transformSync } from '@lwc/compiler';

const ROOT = join(__dirname, '..', '..');
const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const LABELS_DIR = join(ROOT, 'force-app', 'main', 'default', 'labels');
const API_VERSION = '65.0';

/** Diagnostic levels of the LWC compiler: 0 fatal, 1 error, 2 warning, 3 log. */
const ERROR_LEVEL = 1;

function compilerOptions(): ts.CompilerOptions {
    const configPath = join(ROOT, 'tsconfig.lwc.json');
    const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    assert.equal(config.error, undefined, 'tsconfig.lwc.json must parse');
    return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

function bundles(): string[] {
    return readdirSync(LWC_DIR)
        .filter((name) => statSync(join(LWC_DIR, name)).isDirectory())
        .sort();
}

/** Source files of a bundle, tests excluded. */
function sources(bundle: string, extension: string): string[] {
    return readdirSync(join(LWC_DIR, bundle))
        .filter((file) => file.endsWith(extension) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
        .sort();
}

function labelNames(): Set<string> {
    const names = new Set<string>();
    if (!existsSync(LABELS_DIR)) return names;
    for (const file of readdirSync(LABELS_DIR).filter((name) => name.endsWith('.labels-meta.xml'))) {
        const xml = readFileSync(join(LABELS_DIR, file), 'utf8');
        for (const match of xml.matchAll(/<fullName>([^<]+)<\/fullName>/g)) names.add(match[1]);
    }
    return names;
}

const options = compilerOptions();
const allBundles = bundles();

describe('LWC compile as the platform would', () => {
    it('finds the component bundles', () => {
        assert.ok(allBundles.includes('crossSellPanel'), 'crossSellPanel exists');
        assert.ok(allBundles.length >= 5, `expected several bundles, found ${allBundles.join(', ')}`);
    });

    for (const bundle of allBundles) {
        describe(bundle, () => {
            it('has metadata at API version 65.0', () => {
                const metaPath = join(LWC_DIR, bundle, `${bundle}.js-meta.xml`);
                assert.ok(existsSync(metaPath), `${bundle}.js-meta.xml exists`);
                const meta = readFileSync(metaPath, 'utf8');
                assert.match(meta, /<LightningComponentBundle xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata">/);
                assert.match(meta, new RegExp(`<apiVersion>${API_VERSION.replace('.', '\\.')}</apiVersion>`));
            });

            it('has a TypeScript entry module named after the bundle', () => {
                assert.ok(existsSync(join(LWC_DIR, bundle, `${bundle}.ts`)), `${bundle}.ts exists`);
            });

            for (const file of sources(bundle, '.ts')) {
                it(`compiles ${file} with tsc and @lwc/compiler`, () => {
                    const path = join(LWC_DIR, bundle, file);
                    const output = ts.transpileModule(readFileSync(path, 'utf8'), {
                        compilerOptions: options,
                        fileName: path,
                        reportDiagnostics: true
                    });
                    assert.deepEqual(
                        (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
                        [],
                        'tsc reports no syntax errors'
                    );
                    // A decorator that tsc rewrote into helper calls is rejected by the platform.
                    assert.doesNotMatch(
                        output.outputText,
                        /__esDecorate|__decorate\(/,
                        'decorators are kept as written'
                    );
                    const result = transformSync(output.outputText, file.replace(/\.ts$/, '.js'), {
                        name: bundle,
                        namespace: 'c'
                    });
                    const errors = result.warnings?.filter((w) => w.level <= ERROR_LEVEL) ?? [];
                    assert.deepEqual(errors, [], 'the LWC compiler reports no errors');
                    assert.ok(result.code.length > 0);
                });
            }

            for (const file of sources(bundle, '.html')) {
                it(`compiles template ${file} with @lwc/compiler`, () => {
                    const path = join(LWC_DIR, bundle, file);
                    const result = transformSync(readFileSync(path, 'utf8'), file, { name: bundle, namespace: 'c' });
                    const errors = result.warnings?.filter((w) => w.level <= ERROR_LEVEL) ?? [];
                    assert.deepEqual(errors, [], `${relative(ROOT, path)} compiles without errors`);
                });
            }
        });
    }

    it('imports only custom labels that exist in labels/', () => {
        const known = labelNames();
        const missing: string[] = [];
        for (const bundle of allBundles) {
            for (const file of sources(bundle, '.ts')) {
                const text = readFileSync(join(LWC_DIR, bundle, file), 'utf8');
                for (const match of text.matchAll(/from '@salesforce\/label\/c\.([A-Za-z0-9_]+)'/g)) {
                    if (!known.has(match[1])) missing.push(`${bundle}/${file}: ${match[1]}`);
                }
            }
        }
        assert.deepEqual(missing, []);
    });

    it('imports only c/ bundles that exist, each mapped in tsconfig.lwc.json', () => {
        const paths = options.paths ?? {};
        const problems: string[] = [];
        for (const bundle of allBundles) {
            for (const file of sources(bundle, '.ts')) {
                const text = readFileSync(join(LWC_DIR, bundle, file), 'utf8');
                for (const match of text.matchAll(/from 'c\/([A-Za-z0-9_]+)'/g)) {
                    if (!allBundles.includes(match[1])) problems.push(`${bundle}/${file}: no bundle c/${match[1]}`);
                    else if (!paths[`c/${match[1]}`]) problems.push(`${bundle}/${file}: c/${match[1]} not in paths`);
                }
            }
        }
        assert.deepEqual(problems, []);
    });
});
