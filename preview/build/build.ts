/**
 * Builds the preview bundle: `tsx preview/build/build.ts` (run by `npm run preview:build` after `npm run build`
 * has compiled the components). Prints the time taken; exits non-zero on any error, including a module that
 * cannot be resolved.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

/**
 * Moves a finished build into the served folder so that a page being served never sees half a build: chunks
 * first (content-hashed names), then the entry with one atomic rename. Chunks no build has written for an hour
 * are removed (a page loaded before then may still ask for the previous ones).
 */
export function publishBuild(staging: string, files: string[], distDir: string): void {
    mkdirSync(join(distDir, 'chunks'), { recursive: true });
    const entries = files.map((file) => relative(staging, file));
    for (const name of entries.filter((n) => n !== 'app.js')) renameSync(join(staging, name), join(distDir, name));
    renameSync(join(staging, 'app.js'), join(distDir, 'app.js'));
    const fresh = new Set(entries);
    const hourAgo = Date.now() - 3_600_000;
    for (const name of readdirSync(join(distDir, 'chunks'))) {
        const file = join(distDir, 'chunks', name);
        if (!fresh.has(`chunks/${name}`) && statSync(file).mtimeMs < hourAgo) rmSync(file, { force: true });
    }
}

async function main(): Promise<void> {
    const started = Date.now();
    const mode = process.env.PREVIEW_MODE === 'development' ? 'development' : 'production';
    console.log('Building the preview: the components, lightning-base-components and the sample data (about 20 s)...');
    mkdirSync(DIST_DIR, { recursive: true });
    const staging = mkdtempSync(join(DIST_DIR, 'staging-'));
    try {
        const files = await buildPreview({ input: join(PREVIEW_DIR, 'app', 'main.ts'), outDir: staging, mode });
        publishBuild(staging, files, DIST_DIR);
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
    console.log(`Preview built in ${((Date.now() - started) / 1000).toFixed(1)} s (${mode}).`);
}

if (require.main === module) {
    main().catch((error: Error) => {
        console.error(`Preview build failed: ${error.message}`);
        process.exitCode = 1;
    });
}
