/**
 * Builds the preview bundle: `tsx preview/build/build.ts` (run by `npm run preview:build` after `npm run build`
 * has compiled the components). Prints the time taken; exits non-zero on any error, including a module that
 * cannot be resolved.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { PREVIEW_DIR, previewRollupOptions, type PreviewBuildOptions } from './rollupOptions';

export const DIST_DIR = join(PREVIEW_DIR, 'dist');

/** Bundles once; returns the written file names. */
export async function buildPreview(options: PreviewBuildOptions): Promise<string[]> {
    const config = previewRollupOptions(options);
    const bundle = await rollup(config);
    try {
        const outputs = Array.isArray(config.output) ? config.output : [config.output ?? {}];
        const written: string[] = [];
        for (const output of outputs) {
            const result = await bundle.write(output);
            written.push(...result.output.map((chunk) => join(options.outDir, chunk.fileName)));
        }
        return written;
    } finally {
        await bundle.close();
    }
}

async function main(): Promise<void> {
    const started = Date.now();
    const mode = process.env.PREVIEW_MODE === 'development' ? 'development' : 'production';
    // chunk names carry a content hash: drop the previous build's
    rmSync(join(DIST_DIR, 'chunks'), { recursive: true, force: true });
    await buildPreview({ input: join(PREVIEW_DIR, 'app', 'main.ts'), outDir: DIST_DIR, mode });
    console.log(`Preview built in ${((Date.now() - started) / 1000).toFixed(1)} s (${mode}).`);
}

if (require.main === module) {
    main().catch((error: Error) => {
        console.error(`Preview build failed: ${error.message}`);
        process.exitCode = 1;
    });
}
