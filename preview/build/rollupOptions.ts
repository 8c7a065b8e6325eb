/**
 * The preview's rollup configuration: the LWC open-source compiler over the same component source that is
 * deployed, lightning-base-components, the platform-module stand-ins, and the preview adapter (TypeScript,
 * transpiled on the fly). Unresolved imports fail the build instead of becoming silent externals.
 */
import { dirname, join, resolve } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { transform as esbuildTransform } from 'esbuild';
import type { Plugin, RollupOptions } from 'rollup';
import ts from 'typescript';
import { generateSampleData } from '../../scripts/sample-data/generate';
import { APEX_METHODS } from '../adapter/apexMethods';
import { readLabels } from './labels';
import platformModules from './platformModules';

export const ROOT = resolve(__dirname, '..', '..');
export const PREVIEW_DIR = join(ROOT, 'preview');
export const FORCE_APP_LWC = join(ROOT, 'force-app', 'main', 'default', 'lwc');
export const LABELS_DIR = join(ROOT, 'force-app', 'main', 'default', 'labels');

/**
 * The LWC engine of the `lwc` package, the same version as the compiler: the test tools install an older
 * @lwc/engine-dom at the top of node_modules, which the plugin would otherwise pick for `import ... from 'lwc'`.
 */
export const LWC_ENGINE = require.resolve('@lwc/engine-dom', { paths: [dirname(require.resolve('lwc'))] });

export interface PreviewBuildOptions {
    /** The entry module (the page's script). */
    input: string;
    /** Output folder; the bundle is written as `app.js`, what loads on demand under `chunks/`. */
    outDir: string;
    /** Extra `c` component folders served from their `.ts` (the preview's own fixtures). */
    fixtureComponentDirs?: string[];
    labelsDir?: string;
    /** `production` (default) skips the engine's development checks, as in an org. */
    mode?: 'production' | 'development';
}

/** Strips types from the preview's own TypeScript (type checking is `npm run typecheck`'s job). */
function transpileTypeScript(): Plugin {
    return {
        name: 'crossway-transpile-ts',
        transform(code, id) {
            const file = id.split('?')[0];
            if (!file.endsWith('.ts') || file.includes('/node_modules/')) return null;
            const out = ts.transpileModule(code, {
                fileName: file,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    // standard decorators pass through untouched for the LWC compiler, as with `npm run build`
                    experimentalDecorators: false,
                    sourceMap: false
                }
            });
            return { code: out.outputText, map: null };
        }
    };
}

/**
 * `crossway:sample-data`: the sample data set, generated here at build time (same seed as the org's seed
 * scripts) and parsed by the page from a JSON string, which is faster than generating it on load.
 */
function sampleDataModule(): Plugin {
    const ID = '\0crossway:sample-data';
    return {
        name: 'crossway-sample-data',
        resolveId: (source) => (source === 'crossway:sample-data' ? ID : null),
        load(id) {
            if (id !== ID) return null;
            const json = JSON.stringify(generateSampleData());
            return `export default JSON.parse(${JSON.stringify(json)});`;
        }
    };
}

/**
 * The scripts the page shares (the sample data's panel builder) are also command-line tools: their Node-only
 * parts (`node:` imports, `if (require.main === module) main()`) are never reached in the page, so `node:`
 * imports from scripts become modules whose every function throws, and the command-line check becomes false.
 */
function scriptsInTheBrowser(): Plugin[] {
    const PREFIX = '\0crossway:node:';
    const scripts = join(ROOT, 'scripts') + '/';
    return [
        replace({
            preventAssignment: true,
            include: [`${scripts}**/*.ts`],
            values: { 'require.main === module': 'false' }
        }),
        {
            name: 'crossway-node-builtins-for-scripts',
            resolveId(source, importer) {
                if (!source.startsWith('node:') || !importer?.startsWith(scripts)) return null;
                return PREFIX + source.slice('node:'.length);
            },
            load(id) {
                if (!id.startsWith(PREFIX)) return null;
                const name = id.slice(PREFIX.length);
                const message = `node:${name} is not available in the preview page`;
                return {
                    code: `export default new Proxy({}, { get: (_, key) => () => { throw new Error(${JSON.stringify(message)} + ': ' + String(key)); } });`,
                    syntheticNamedExports: 'default'
                };
            }
        }
    ];
}

/** Minifies each chunk: less script to download and parse before the first panel paint. */
function minify(): Plugin {
    return {
        name: 'crossway-minify',
        async renderChunk(code) {
            const out = await esbuildTransform(code, {
                minify: true,
                format: 'esm',
                target: 'es2022',
                legalComments: 'none'
            });
            return { code: out.code, map: null };
        }
    };
}

/**
 * @lwc/rollup-plugin reads the packages' LWC configuration again for every bare import. The answer depends only
 * on the specifier and the package the importer belongs to, so it is remembered per (specifier, package).
 */
function withResolutionCache(plugin: Plugin): Plugin {
    const resolve = plugin.resolveId;
    if (typeof resolve !== 'function') return plugin;
    const cache = new Map<string, ReturnType<typeof resolve>>();
    return {
        ...plugin,
        resolveId(source, importer, options) {
            if (!importer || source.startsWith('.') || source.startsWith('/') || source.startsWith('\0')) {
                return resolve.call(this, source, importer, options);
            }
            const file = importer.split('?')[0];
            const inPackage = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
            const key = `${source}|${inPackage ? inPackage[1] : 'project'}`;
            if (!cache.has(key)) cache.set(key, resolve.call(this, source, importer, options));
            return cache.get(key);
        }
    };
}

export function previewRollupOptions(options: PreviewBuildOptions): RollupOptions {
    const mode = options.mode ?? 'production';
    return {
        input: options.input,
        // any import nobody resolves is an error, not an external
        onLog(level, log, handler) {
            if (log.code === 'UNRESOLVED_IMPORT' || log.code === 'MISSING_EXPORT') {
                handler('error', log);
                return;
            }
            // lightning-base-components has circular imports and `this` at module level; neither matters here
            if (log.code === 'CIRCULAR_DEPENDENCY' || log.code === 'THIS_IS_UNDEFINED') return;
            // the compiler's warnings about lightning-base-components' own templates are not ours to fix
            if (log.plugin === 'rollup-plugin-lwc-compiler' && log.id?.includes('/node_modules/')) return;
            handler(level, log);
        },
        plugins: [
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify(mode),
                    'process.env.SKIP_LWC_VERSION_MISMATCH_CHECK': 'false',
                    'import.meta.env.SSR': 'false'
                }
            }),
            ...scriptsInTheBrowser(),
            sampleDataModule(),
            platformModules({
                labels: readLabels(options.labelsDir ?? LABELS_DIR),
                componentDirs: [
                    { dir: FORCE_APP_LWC },
                    ...(options.fixtureComponentDirs ?? []).map((dir) => ({ dir, ts: true }))
                ],
                stubsDir: join(PREVIEW_DIR, 'stubs'),
                apexModule: join(PREVIEW_DIR, 'adapter', 'apexModules.ts'),
                apexMethods: APEX_METHODS
            }),
            transpileTypeScript(),
            withResolutionCache(
                lwc({
                    // the engine's own bundles and the preview's plain modules hold no components: skip compiling them
                    exclude: [
                        '**/node_modules/@lwc/**',
                        '**/node_modules/lwc/**',
                        `${ROOT}/scripts/**`,
                        `${PREVIEW_DIR}/adapter/**`,
                        `${PREVIEW_DIR}/app/**`
                    ],
                    // must exist; holds no `ns/name` folders, so it resolves nothing by itself
                    rootDir: join(PREVIEW_DIR, 'stubs'),
                    modules: [{ npm: 'lightning-base-components' }],
                    enableDynamicComponents: true,
                    enableSyntheticElementInternals: true,
                    defaultModules: [{ name: 'lwc', path: LWC_ENGINE }, { npm: '@lwc/synthetic-shadow' }]
                })
            ),
            nodeResolve({ extensions: ['.ts', '.js', '.mjs'], browser: true }),
            ...(mode === 'production' ? [minify()] : [])
        ],
        output: {
            dir: options.outDir,
            entryFileNames: 'app.js',
            // what the base components import dynamically (the icon libraries) loads on demand, as in an org
            chunkFileNames: 'chunks/[name]-[hash].js',
            format: 'esm',
            sourcemap: false
        }
    };
}
