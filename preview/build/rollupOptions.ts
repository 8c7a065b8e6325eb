/**
 * The preview's rollup configuration: the LWC open-source compiler over the same component source that is
 * deployed, lightning-base-components, the platform-module stand-ins, and the preview adapter (TypeScript,
 * transpiled on the fly). Unresolved imports fail the build instead of becoming silent externals.
 */
import { join, resolve } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import type { Plugin, RollupOptions } from 'rollup';
import ts from 'typescript';
import { APEX_METHODS } from '../adapter/apexMethods';
import { readLabels } from './labels';
import platformModules from './platformModules';

export const ROOT = resolve(__dirname, '..', '..');
export const PREVIEW_DIR = join(ROOT, 'preview');
export const FORCE_APP_LWC = join(ROOT, 'force-app', 'main', 'default', 'lwc');
export const LABELS_DIR = join(ROOT, 'force-app', 'main', 'default', 'labels');

export interface PreviewBuildOptions {
    /** The entry module (the page's script). */
    input: string;
    /** Output folder; the bundle is written as `app.js`. */
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
            lwc({
                // must exist; holds no `ns/name` folders, so it resolves nothing by itself
                rootDir: join(PREVIEW_DIR, 'stubs'),
                modules: [{ npm: 'lightning-base-components' }],
                enableDynamicComponents: true,
                enableSyntheticElementInternals: true
            }),
            nodeResolve({ extensions: ['.ts', '.js', '.mjs'], browser: true })
        ],
        output: {
            dir: options.outDir,
            entryFileNames: 'app.js',
            format: 'esm',
            inlineDynamicImports: true,
            sourcemap: false
        }
    };
}
