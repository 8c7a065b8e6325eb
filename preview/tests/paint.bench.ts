/**
 * `npm run bench:paint`: the time from navigation to the first paint of the panel with its suggestions, in
 * Debian chromium over the built preview. One warm-up load, then the median of several loads against the
 * goal; ends with `N passed, N failed` (a missed goal counts as failed) and exits non-zero on a miss.
 *
 * Usage: tsx preview/tests/paint.bench.ts [--loads N] [--verbose]   (default 9; PAINT_GOAL_MS overrides the 500 ms goal)
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser, servePreview } from './harness';

const GOAL_MS = Number(process.env.PAINT_GOAL_MS ?? 500);

/**
 * Runs in the page before its scripts: resolves with performance.now() (milliseconds since navigation
 * started) in the first animation frame in which the panel holds a suggestion card, the frame that paints it.
 * A string, so that the TypeScript runner's helpers do not leak into the page.
 */
const WATCH_FIRST_PANEL_PAINT = `
window.__panelPaint = new Promise((resolve) => {
    const check = () => {
        const panel = document.querySelector('c-cross-sell-panel');
        const root = panel ? panel.shadowRoot : null;
        if (root && root.querySelector('c-offering-card')) resolve(performance.now());
        else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
});`;

interface Measure {
    panel: number;
    fcp: number | null;
    marks: string;
    /** Main-thread CPU time until the panel painted (ms): the page's own work, whatever the machine's load. */
    busy: number | null;
}

async function measure(page: Page, url: string): Promise<Measure> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit' });
    const panel = await page.evaluate(() => (window as unknown as { __panelPaint: Promise<number> }).__panelPaint);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const task = metrics.find((m) => m.name === 'ThreadTime');
    await cdp.detach();
    const { fcp, marks } = await page.evaluate(() => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        const script = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/app.js'));
        const steps = performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('preview:'))
            .map((m) => `${m.name.slice('preview:'.length)} ${m.startTime.toFixed(0)}`);
        if (script) steps.unshift(`app.js loaded ${(script as PerformanceResourceTiming).responseEnd.toFixed(0)}`);
        return { fcp: entry ? entry.startTime : null, marks: steps.join(', ') };
    });
    return { panel, fcp, marks, busy: task ? task.value * 1000 : null };
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
    const index = process.argv.indexOf('--loads');
    const verbose = process.argv.includes('--verbose');
    const loads = index >= 0 ? Math.max(1, Number(process.argv[index + 1]) || 9) : 9;
    const preview = await servePreview();
    const browser = await launchBrowser();
    let passed = 0;
    let failed = 0;
    try {
        const url = `${preview.url}?account=CW-ACC-0001&rep=rep.alex`;
        const times: number[] = [];
        const busyTimes: number[] = [];
        for (let i = 0; i <= loads; i++) {
            const page = await browser.context.newPage();
            await page.addInitScript({ content: WATCH_FIRST_PANEL_PAINT });
            const { panel, fcp, marks, busy } = await measure(page, url);
            await page.close();
            const label = i === 0 ? 'warm-up' : `load ${i}`;
            console.log(
                `${label.padEnd(8)} first panel paint ${panel.toFixed(0).padStart(5)} ms` +
                    (busy === null ? '' : `  (main thread CPU ${busy.toFixed(0)} ms)`) +
                    (fcp === null ? '' : `  (first contentful paint ${fcp.toFixed(0)} ms)`)
            );
            if (i > 0 && busy !== null) busyTimes.push(busy);
            if (verbose) console.log(`         ${marks}`);
            if (i > 0) times.push(panel);
        }
        const result = median(times);
        const ok = result < GOAL_MS;
        console.log(
            `Navigation to first panel paint: median ${result.toFixed(0)} ms over ${times.length} loads ` +
                `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); goal under ${GOAL_MS} ms: ` +
                (ok ? 'met' : 'MISSED')
        );
        // the machine's load says how much the figure is worth: a busy machine paints later
        console.log(
            `Load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs during the run; the page's main thread ` +
                `used a median ${busyTimes.length ? median(busyTimes).toFixed(0) : '?'} ms of CPU until the panel painted.`
        );
        if (ok) passed += 1;
        else failed += 1;
    } catch (error) {
        console.error(`Paint benchmark could not run: ${(error as Error).message}`);
        failed += 1;
    } finally {
        await browser.close();
        await preview.close();
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
}

if (require.main === module) void main();
