/**
 * `npm run bench:engine`: how fast the ranking engine is on a large account, against the cost of merely
 * parsing its input.
 *
 * For a large account (300 offerings, 2,000 specialists, 20,000 expertise rows) and the same at 10x, it
 * times everything from the panel's input to the ranked offerings with specialists ranked for every listed
 * offering, indexing included (`rankPanel`), and also with every offering listed (`showAll`). It prints the
 * median time of several runs, the ratio of that time to JSON.parse of the same input, and the 10x/1x ratio.
 *
 * Goals: engine <= 3x the parse of its input; 10x data <= 11x time. Ends with `N passed, N failed` (a goal
 * missed counts as failed) and exits non-zero if any goal is missed.
 *
 * Usage: tsx scripts/bench/engine.ts [--runs N]
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

/**
 * Median times over `runs` runs after `warmup` untimed ones, for every size. The sizes take turns within
 * each run, so a busy spell on the machine slows them alike and the 10x/1x ratio stays fair. Each run ranks
 * freshly parsed copies (parsed untimed), as the panel ranks the payload it has just received, and collects
 * garbage before each timing when the runtime allows it (`node --expose-gc`), so one task's garbage is not
 * billed to the next.
 */
function measureAll(sizes: [string, BenchSize][], runs: number, warmup = 2): Measured[] {
    const inputs = sizes.map(([label, size]) => ({ label, json: JSON.stringify(benchPanelData(size)) }));
    const samples = inputs.map(() => ({ parse: [] as number[], engine: [] as number[], engineAll: [] as number[] }));
    for (let i = 0; i < warmup + runs; i++) {
        inputs.forEach(({ json }, which) => {
            let listed = JSON.parse(json) as PanelData;
            let all = JSON.parse(json) as PanelData;
            collect();
            const parse = timeMs(() => JSON.parse(json));
            collect();
            const engine = timeMs(() => rankPanel(listed));
            collect();
            const engineAll = timeMs(() => rankPanel(all, { showAll: true }));
            listed = all = null as unknown as PanelData;
            if (i >= warmup) {
                samples[which].parse.push(parse);
                samples[which].engine.push(engine);
                samples[which].engineAll.push(engineAll);
            }
        });
    }
    return inputs.map(({ label, json }, which) => ({
        label,
        bytes: json.length,
        parse: median(samples[which].parse),
        engine: median(samples[which].engine),
        engineAll: median(samples[which].engineAll)
    }));
}

function main(): void {
    const runsIndex = process.argv.indexOf('--runs');
    const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15;
    if (!Number.isInteger(runs) || runs < 1) {
        console.error('--runs needs a whole number of at least 1');
        process.exit(1);
    }
    const sizes: [string, BenchSize][] = [
        ['1x', BASE_SIZE],
        [
            '10x',
            {
                offerings: BASE_SIZE.offerings * 10,
                specialists: BASE_SIZE.specialists * 10,
                expertise: BASE_SIZE.expertise * 10
            }
        ]
    ];
    const results = measureAll(sizes, runs);
    results.forEach((result, which) => {
        const size = sizes[which][1];
        console.log(
            `${result.label.padEnd(4)} ${size.offerings} offerings, ${size.specialists} specialists, ${size.expertise} expertise rows, ` +
                `${(result.bytes / 1e6).toFixed(1)} MB JSON, median of ${runs} runs`
        );
        console.log(
            `     JSON.parse ${result.parse.toFixed(2)} ms | rankPanel ${result.engine.toFixed(2)} ms ` +
                `(${(result.engine / result.parse).toFixed(2)}x parse) | rankPanel showAll ${result.engineAll.toFixed(2)} ms ` +
                `(${(result.engineAll / result.parse).toFixed(2)}x parse)`
        );
    });
    const [base, large] = results;
    const goals: [string, number, number][] = [
        ['1x: engine / parse', base.engine / base.parse, PARSE_GOAL],
        ['1x: engine (all offerings listed) / parse', base.engineAll / base.parse, PARSE_GOAL],
        ['10x: engine / parse', large.engine / large.parse, PARSE_GOAL],
        ['10x: engine (all offerings listed) / parse', large.engineAll / large.parse, PARSE_GOAL],
        ['engine time 10x / 1x', large.engine / base.engine, GROWTH_GOAL],
        ['engine time (all offerings listed) 10x / 1x', large.engineAll / base.engineAll, GROWTH_GOAL]
    ];
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

main();
