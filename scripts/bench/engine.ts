/**
 * `npm run bench:engine`: how fast the ranking engine is on a large account, against the cost of merely
 * parsing its input.
 *
 * For a large account (300 offerings, 2,000 specialists, 20,000 expertise rows) and the same at 10x, it
 * times everything from the panel's input to the ranked offerings with specialists ranked for every listed
 * offering, indexing included (`rankPanel`, as the panel calls it). It prints the median time of several runs,
 * the ratio of that time to JSON.parse of the same input, and the 10x/1x ratio; for information also the same
 * with every offering listed (`showAll`) and how JSON.parse itself grows.
 *
 * Goals: engine <= 3x the parse of its input; 10x data <= 11x time. Ends with `N passed, N failed` (a goal
 * missed counts as failed) and exits non-zero if any goal is missed.
 *
 * Usage: npm run bench:engine [-- --runs N]   (node --expose-gc, see package.json)
 */
import { rankPanel, type PanelData } from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';
import { BASE_SIZE, benchPanelData, type BenchSize } from './engineInput';

const PARSE_GOAL = 3;
const GROWTH_GOAL = 11;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeMs(work: () => unknown): number {
    const started = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - started) / 1e6;
}

interface Measured {
    label: string;
    bytes: number;
    parse: number;
    engine: number;
    engineAll: number;
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
/** Pause after collecting, so the collector's background threads finish before the clock starts. */
const SETTLE_MS = 250;

async function settle(): Promise<void> {
    collect();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/**
 * Median times over `runs` runs after `warmup` untimed ones, for every size.
 *
 * - Every timed sample handles the same amount of data: ten 1x inputs one after the other, or one 10x input,
 *   and reports the time per input. A 1x run alone is shorter than a scheduler time slice and its input fits
 *   in the processor cache, so timing it alone would compare a best case with a 10x run that cannot have it.
 * - The sizes take turns within each run, so a busy spell on the machine slows them alike.
 * - The engine ranks freshly parsed copies (parsed untimed), as the panel ranks the payload it has just
 *   received; before each timing garbage is collected when the runtime allows it (`node --expose-gc`) and the
 *   collector's background work is let finish, so one task's garbage is not billed to the next.
 */
async function measureAll(sizes: [string, BenchSize, number][], runs: number, warmup = 2): Promise<Measured[]> {
    const inputs = sizes.map(([label, size, batch]) => ({ label, batch, json: JSON.stringify(benchPanelData(size)) }));
    const samples = inputs.map(() => ({ parse: [] as number[], engine: [] as number[], engineAll: [] as number[] }));
    const copies = (json: string, batch: number): PanelData[] =>
        Array.from({ length: batch }, () => JSON.parse(json) as PanelData);
    for (let i = 0; i < warmup + runs; i++) {
        for (let which = 0; which < inputs.length; which++) {
            const { json, batch } = inputs[which];
            await settle();
            const parse = timeMs(() => copies(json, batch)) / batch;
            let batchInputs: PanelData[] | null = copies(json, batch);
            await settle();
            const engine = timeMs(() => batchInputs?.forEach((input) => rankPanel(input))) / batch;
            batchInputs = copies(json, batch);
            await settle();
            const engineAll =
                timeMs(() => batchInputs?.forEach((input) => rankPanel(input, { showAll: true }))) / batch;
            batchInputs = null;
            if (i >= warmup) {
                samples[which].parse.push(parse);
                samples[which].engine.push(engine);
                samples[which].engineAll.push(engineAll);
            }
        }
    }
    return inputs.map(({ label, json }, which) => ({
        label,
        bytes: json.length,
        parse: median(samples[which].parse),
        engine: median(samples[which].engine),
        engineAll: median(samples[which].engineAll)
    }));
}

async function main(): Promise<void> {
    const runsIndex = process.argv.indexOf('--runs');
    const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15;
    if (!Number.isInteger(runs) || runs < 1) {
        console.error('--runs needs a whole number of at least 1');
        process.exit(1);
    }
    const GROWTH = 10;
    // [label, size, inputs per timed sample]: each sample handles the data of ten 1x inputs.
    const sizes: [string, BenchSize, number][] = [
        ['1x', BASE_SIZE, GROWTH],
        [
            '10x',
            {
                offerings: BASE_SIZE.offerings * GROWTH,
                specialists: BASE_SIZE.specialists * GROWTH,
                expertise: BASE_SIZE.expertise * GROWTH
            },
            1
        ]
    ];
    const results = await measureAll(sizes, runs);
    results.forEach((result, which) => {
        const size = sizes[which][1];
        console.log(
            `${result.label.padEnd(4)} ${size.offerings} offerings, ${size.specialists} specialists, ${size.expertise} expertise rows, ` +
                `${(result.bytes / 1e6).toFixed(1)} MB JSON, median of ${runs} runs (time per input)`
        );
        console.log(
            `     JSON.parse ${result.parse.toFixed(2)} ms | rankPanel ${result.engine.toFixed(2)} ms ` +
                `(${(result.engine / result.parse).toFixed(2)}x parse) | rankPanel showAll ${result.engineAll.toFixed(2)} ms ` +
                `(${(result.engineAll / result.parse).toFixed(2)}x parse)`
        );
    });
    const [base, large] = results;
    // The goals: the panel's work, ranking specialists for every listed offering.
    const goals: [string, number, number][] = [
        ['1x: engine / parse', base.engine / base.parse, PARSE_GOAL],
        ['10x: engine / parse', large.engine / large.parse, PARSE_GOAL],
        ['engine time 10x / 1x', large.engine / base.engine, GROWTH_GOAL]
    ];
    // For information: every suggestion listed with its specialists (a random-access join over all expertise
    // rows, so the 10x run also pays for data that no longer fits the processor cache).
    console.log(
        `info   all offerings listed: engine / parse ${(base.engineAll / base.parse).toFixed(2)} at 1x, ` +
            `${(large.engineAll / large.parse).toFixed(2)} at 10x; time 10x / 1x ${(large.engineAll / base.engineAll).toFixed(2)}; ` +
            `JSON.parse time 10x / 1x ${(large.parse / base.parse).toFixed(2)} (not goals)`
    );
    let passed = 0;
    let failed = 0;
    for (const [name, ratio, goal] of goals) {
        const met = ratio <= goal;
        if (met) passed++;
        else failed++;
        console.log(`${met ? 'met   ' : 'MISSED'} ${name}: ${ratio.toFixed(2)} (goal <= ${goal})`);
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
}

void main();
