/**
 * `npm run bench:scale`: the scale model's figures for orgs of 10k, 100k, 1M and 10M accounts.
 *
 * For each size it prints the org's volumes, then one panel load in live mode (for an account with an industry
 * and for one without, whose peer adoption spans the firm) and in summary mode (queries, rows
 * charged against the 50,000-row limit, heap against 6 MB, and which mode the Live_Aggregate_Threshold__c
 * picks), the stats job's three phases (chunks, and the rows and heap of one chunk against the asynchronous
 * limits), and one bulk save of 200 attempts through the trigger. `--detail` adds the cost of every query.
 *
 * Goals, per size: the panel in summary mode within limits; the mode the threshold picks within limits; every
 * phase of the job within limits per chunk and its locators within 50 million rows; the trigger's bulk save
 * within limits. Then: the live read within limits at the live ceiling for extreme mixes of the sources. Live mode is shown, not a goal: it exceeds the limits from some size on, which is the point.
 * Ends with `N passed, N failed` and exits non-zero when a goal is missed.
 *
 * Usage: tsx scripts/bench/scale.ts [--detail]
 */
import {
    adoptionWrite,
    derivePlans,
    jobReport,
    LIMITS,
    panelReport,
    pickedMode,
    planCost,
    profileFor,
    readModelSource,
    sourceRows,
    triggerReport,
    volume,
    type ModelSource,
    type PanelMode,
    type Plans,
    type PanelReport,
    type PlanCost
} from './scaleModel';

export const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const verdict = (ok: boolean): string => (ok ? 'within limits' : 'EXCEEDS LIMITS');

function detail(cost: PlanCost, indent: string): string[] {
    return cost.costs.map(
        (c) =>
            `${indent}${c.id.padEnd(48)} ${count(c.counted).padStart(11)} rows  (${c.rule}; scans ${count(c.scanned)})`
    );
}

export interface ScaleRun {
    lines: string[];
    goals: { name: string; met: boolean }[];
}

/** The Apex and metadata read once, with the query plans derived from them. */
interface Model {
    source: ModelSource;
    plans: Plans;
}

function loadModel(): Model {
    const source = readModelSource();
    return { source, plans: derivePlans(source.classes) };
}

/**
 * The smallest org (in steps of 5%) where the threshold picks summaries, and where live mode exceeds a limit.
 */
export function thresholdCrossing(model: Model = loadModel()): { switchesAt: number; liveExceedsAt: number } {
    const { source, plans } = model;
    let switchesAt = Infinity;
    let liveExceedsAt = Infinity;
    for (
        let accounts = 100;
        accounts <= 100_000_000 && liveExceedsAt === Infinity;
        accounts = Math.ceil(accounts * 1.05)
    ) {
        const p = profileFor(accounts, source.facts);
        if (switchesAt === Infinity && pickedMode(p) === 'summary') switchesAt = accounts;
        const live = ['live', 'liveFirmWide'] as const;
        if (live.some((mode) => !panelReport(source, plans, p, mode).withinLimits)) liveExceedsAt = accounts;
    }
    return { switchesAt, liveExceedsAt };
}

export interface CeilingMix {
    name: string;
    sources: number;
    live: PanelReport;
    liveFirmWide: PanelReport;
}

/**
 * The live read of an org whose assets, line items and attempts together are at the highest threshold the panel
 * honours (CrossSellSummaries.LIVE_ROW_CEILING), for extreme mixes of the three: the ceiling must keep the live
 * read within limits whatever the mix, not only at the model's usual ratios.
 */
export function ceilingMixes(ceiling?: number, model: Model = loadModel()): CeilingMix[] {
    const { source, plans } = model;
    const accounts = 1_000;
    const perAccount = (ceiling ?? source.facts.liveRowCeiling) / accounts;
    const mixes: [string, number, number, number][] = [
        ['all assets', perAccount, 0, 0],
        ['all line items', 0, perAccount, 0],
        ['all attempts', 0, 0, perAccount],
        ['a third each', perAccount / 3, perAccount / 3, perAccount / 3]
    ];
    return mixes.map(([name, assets, lineItems, attempts]) => {
        const p = {
            ...profileFor(accounts, source.facts),
            assetsPerAccount: assets,
            lineItemsPerAccount: lineItems,
            attemptsPerAccount: attempts
        };
        return {
            name,
            sources: sourceRows(p),
            live: panelReport(source, plans, p, 'live'),
            liveFirmWide: panelReport(source, plans, p, 'liveFirmWide')
        };
    });
}

/** Runs the model for every size; returns the printout and the goals. */
export function runScale(showDetail: boolean): ScaleRun {
    const model = loadModel();
    const { source, plans } = model;
    const lines: string[] = [];
    const goals: { name: string; met: boolean }[] = [];
    const goal = (name: string, met: boolean): void => {
        goals.push({ name, met });
    };
    lines.push('Crossway scale model: rows as the platform charges them, per transaction');
    lines.push(
        `Limits: ${count(LIMITS.queryRows)} query rows, ${LIMITS.queries} queries, heap ${megabytes(LIMITS.syncHeapBytes)} ` +
            `(panel) / ${megabytes(LIMITS.asyncHeapBytes)} (job chunk); Live_Aggregate_Threshold__c = ` +
            `${count(source.facts.liveAggregateThreshold)}`
    );
    for (const size of SIZES) {
        const p = profileFor(size, source.facts);
        const picked = pickedMode(p);
        lines.push('');
        lines.push(
            `== ${count(size)} accounts: ${count(volume('Asset', p))} assets, ${count(volume('OpportunityLineItem', p))} ` +
                `line items, ${count(volume('Cross_Sell_Attempt__c', p))} attempts, ${count(p.offerings)} offerings, ` +
                `${count(p.specialists)} specialists, ${count(p.reps)} reps`
        );
        const reports: Record<PanelMode, PanelReport> = {
            live: panelReport(source, plans, p, 'live'),
            liveFirmWide: panelReport(source, plans, p, 'liveFirmWide'),
            summary: panelReport(source, plans, p, 'summary')
        };
        const names: Record<PanelMode, string> = {
            live: 'live mode',
            liveFirmWide: 'live, no industry',
            summary: 'summary mode'
        };
        for (const mode of ['live', 'liveFirmWide', 'summary'] as const) {
            const r = reports[mode];
            const pickedHere = picked === 'summary' ? mode === 'summary' : mode !== 'summary';
            lines.push(
                `panel, ${names[mode].padEnd(17)}: ${String(r.cost.queries).padStart(3)} queries ${count(r.cost.counted).padStart(11)} / ` +
                    `${count(LIMITS.queryRows)} rows  heap ${megabytes(r.cost.heapBytes).padStart(9)}  ${verdict(r.withinLimits)}` +
                    (pickedHere ? '  <- the threshold picks this mode' : '')
            );
            if (showDetail) lines.push(...detail(r.cost, '    '));
        }
        goal(`${count(size)} accounts: panel in summary mode within limits`, reports.summary.withinLimits);
        goal(
            `${count(size)} accounts: the mode the threshold picks (${picked}) within limits`,
            picked === 'summary'
                ? reports.summary.withinLimits
                : reports.live.withinLimits && reports.liveFirmWide.withinLimits
        );

        const cap = source.classes.get('CrossSellStatsBatch')?.constants.get('SOURCE_COUNT_CAP');
        if (cap === undefined) throw new Error('CrossSellStatsBatch.SOURCE_COUNT_CAP not found');
        const locators = planCost(source, plans.jobStart, p, { accounts: 0, specialists: 0, offerings: 0 }, { cap });
        const phases = jobReport(source, plans, p);
        for (const phase of phases) {
            lines.push(
                `job, ${phase.phase.padEnd(20)} ${count(phase.chunks).padStart(7)} chunks of ${String(phase.scopeSize).padStart(3)}: ` +
                    `${phase.chunk.queries} queries ${count(phase.chunk.counted).padStart(8)} rows per chunk  heap ` +
                    `${megabytes(phase.chunk.heapBytes + phase.stateBytes)}  ${verdict(phase.withinLimits)}`
            );
            if (showDetail) lines.push(...detail(phase.chunk, '    '));
        }
        const largestLocator = Math.max(
            ...locators.costs.filter((c) => c.rule.startsWith('plain')).map((c) => c.scanned)
        );
        const startCounts = locators.costs.filter((c) => !c.rule.startsWith('plain'));
        lines.push(
            `job, start: locators hand out at most ${count(largestLocator)} of ${count(LIMITS.locatorRows)} rows; ` +
                `${startCounts.length} capped COUNT() queries (${count(startCounts.reduce((sum, c) => sum + c.counted, 0))} rows); ` +
                `${count(phases.reduce((sum, ph) => sum + ph.chunks, 0))} chunks in all`
        );
        const write = adoptionWrite(source, p);
        lines.push(
            `job, adoption finish: ${count(write.rows)} summary rows ` +
                (write.writerChunks
                    ? `through ${count(write.writerChunks)} writer chunks`
                    : `written directly (${count(LIMITS.dmlRows)} DML rows allowed)`) +
                `  ${verdict(write.withinLimits)}`
        );
        goal(
            `${count(size)} accounts: every job chunk within limits, locators within 50 million rows`,
            phases.every((ph) => ph.withinLimits) && largestLocator <= LIMITS.locatorRows && write.withinLimits
        );
        const trigger = triggerReport(source, plans, p);
        lines.push(
            `trigger, 200 attempts saved:   ${trigger.queries} queries ${count(trigger.counted).padStart(8)} rows  ` +
                `${verdict(trigger.withinLimits)}`
        );
        if (showDetail) lines.push(...detail(trigger, '    '));
        goal(`${count(size)} accounts: trigger bulk save within limits`, trigger.withinLimits);
    }
    const crossing = thresholdCrossing(model);
    lines.push('');
    lines.push(
        `The threshold switches the panel to summaries at ${count(crossing.switchesAt)} accounts; live aggregates ` +
            `exceed the limits from ${count(crossing.liveExceedsAt)} accounts on.`
    );
    goal(
        'the threshold switches to summaries before live aggregates exceed the limits',
        crossing.switchesAt < crossing.liveExceedsAt
    );
    lines.push('');
    lines.push(`At the live ceiling (${count(source.facts.liveRowCeiling)} assets, line items and attempts together):`);
    for (const mix of ceilingMixes(undefined, model)) {
        lines.push(
            `live read, ${mix.name.padEnd(15)}: ${count(mix.live.cost.counted).padStart(7)} rows with an industry, ` +
                `${count(mix.liveFirmWide.cost.counted).padStart(7)} without  ` +
                verdict(mix.live.withinLimits && mix.liveFirmWide.withinLimits)
        );
        goal(
            `at the live ceiling, ${mix.name}: the live read within limits with and without an industry`,
            mix.live.withinLimits && mix.liveFirmWide.withinLimits
        );
    }
    lines.push('');
    for (const g of goals) lines.push(`${g.met ? 'met   ' : 'MISSED'} ${g.name}`);
    const passed = goals.filter((g) => g.met).length;
    lines.push(`${passed} passed, ${goals.length - passed} failed`);
    return { lines, goals };
}

if (require.main === module) {
    const run = runScale(process.argv.includes('--detail'));
    console.log(run.lines.join('\n'));
    process.exitCode = run.goals.every((g) => g.met) ? 0 : 1;
}
