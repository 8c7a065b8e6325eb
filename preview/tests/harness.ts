/**
 * What the browser tests and the paint benchmark share: Debian's chromium driven by playwright-core (no
 * browser download), the preview server on a free port, axe-core, and a small sequential runner that ends
 * with the line `N passed, N failed` and a non-zero exit code on any failure.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPreviewServer, type RunningPreview } from '../server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');

export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

export interface Browser {
    context: BrowserContext;
    close(): Promise<void>;
}

/** Starts chromium with a fresh profile that is deleted on close. */
export async function launchBrowser(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
        throw new Error(`No chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`);
    }
    const profile = mkdtempSync(join(tmpdir(), 'crossway-chromium-'));
    // launchPersistentContext is playwright's way to pass --user-data-dir
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 }
    });
    return {
        context,
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        }
    };
}

/** Serves the built preview; fails clearly when it was not built. */
export async function servePreview(): Promise<RunningPreview> {
    const distDir = join(ROOT, 'preview', 'dist');
    if (!existsSync(join(distDir, 'app.js'))) {
        throw new Error('preview/dist/app.js is missing: run `npm run preview:build` first.');
    }
    return startPreviewServer({ port: 0, distDir });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core with the WCAG 2.1 A and AA rules (none disabled) on the whole page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
    const hasAxe = await page.evaluate(() => 'axe' in window);
    if (!hasAxe) {
        await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    }
    return page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } })
            .axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations as AxeViolation[];
    }, WCAG_TAGS);
}

/** A readable summary of axe violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
    return violations
        .map((v) => {
            const nodes = v.nodes
                .slice(0, 3)
                .map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`.replace(/\n/g, ' '))
                .join('\n');
            return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes}`;
        })
        .join('\n');
}

interface TestCase {
    name: string;
    fn: () => Promise<void>;
}

/** A sequential test runner: each test runs after the previous one, with a time limit. */
export class Runner {
    private readonly tests: TestCase[] = [];

    constructor(private readonly timeoutMs = 30_000) {}

    test(name: string, fn: () => Promise<void>): void {
        this.tests.push({ name, fn });
    }

    /** Runs every test, prints each result and the closing `N passed, N failed` line; returns the failures. */
    async run(): Promise<number> {
        let passed = 0;
        let failed = 0;
        for (const { name, fn } of this.tests) {
            const started = Date.now();
            let timer: NodeJS.Timeout | undefined;
            try {
                await Promise.race([
                    fn(),
                    new Promise((_, reject) => {
                        timer = setTimeout(
                            () => reject(new Error(`timed out after ${this.timeoutMs} ms`)),
                            this.timeoutMs
                        );
                    })
                ]);
                passed += 1;
                console.log(`ok   ${name} (${Date.now() - started} ms)`);
            } catch (error) {
                failed += 1;
                console.log(`FAIL ${name} (${Date.now() - started} ms)`);
                console.log(`     ${((error as Error).stack ?? String(error)).split('\n').join('\n     ')}`);
            } finally {
                clearTimeout(timer);
            }
        }
        console.log(`${passed} passed, ${failed} failed`);
        return failed;
    }
}
