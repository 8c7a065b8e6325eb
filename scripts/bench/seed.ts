/**
 * `npm run bench:seed`: the sample data set at scale 2 (about 13,000 records) loaded into the local Salesforce
 * API twice with the seed script, and once with `sf data import tree` for the same records, printing the API
 * calls (every HTTP request to the org's REST and Bulk endpoints) and wall time of each, and the ratios.
 *
 * Goals: each seed run makes at most one fifth of the tree import's API calls; both runs load everything; the
 * second run finds nothing to write and leaves zero duplicates. Ends with `N passed, N failed`; exits 1 on a miss.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession } from '../fake-org/testkit';
import { buildPlan, LOAD_ORDER, type PlanObject } from '../org/seedPlan';
import { countRecords, generateSampleData } from '../sample-data/generate';

const SCALE = 2;
/** The CLI's tree import slows down as its reference map grows; give it time rather than cut it short. */
const TREE_TIMEOUT_MS = 30 * 60_000;

interface Measure {
    name: string;
    calls: number;
    seconds: number;
    code: number;
}

/** The same records as sObject Tree files and a plan: references become @refs, users the running user. */
function writeTreeFiles(dir: string, plan: PlanObject[], pricebookId: string): string {
    const refOf = new Map<string, string>();
    plan.forEach((object) =>
        object.records.forEach((r, i) =>
            refOf.set(`${object.sobject}:${r.externalId}`, `${object.sobject.replace(/__c$/, 'c')}Ref${i + 1}`)
        )
    );
    const entries = LOAD_ORDER.map(({ sobject, refs }) => {
        const object = plan.find((p) => p.sobject === sobject)!;
        const records = object.records.map((record) => {
            const out: Record<string, unknown> = {
                attributes: { type: sobject, referenceId: refOf.get(`${sobject}:${record.externalId}`) }
            };
            for (const [field, value] of Object.entries(record.fields)) if (value !== null) out[field] = value;
            // the tree import cannot re-deactivate an entry after its line items load, so entries stay active
            if (sobject === 'PricebookEntry') out.IsActive = true;
            for (const [rel, value] of Object.entries(record.refs)) {
                if (value === null) continue;
                const field = rel.endsWith('__r') ? rel.replace(/__r$/, '__c') : `${rel}Id`;
                out[field] = `@${refOf.get(`${refs[rel]}:${value}`)}`;
            }
            if (sobject === 'PricebookEntry' || sobject === 'Opportunity') out.Pricebook2Id = pricebookId;
            return out;
        });
        const file = `${sobject}.json`;
        writeFileSync(join(dir, file), JSON.stringify({ records }));
        return { sobject, files: [file] };
    });
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify(entries, null, 2));
    return planPath;
}

async function main(): Promise<number> {
    const session = await startSession({ alias: 'crossway-bench', bulkProcessingDelayMs: 20 });
    const results: { goal: string; met: boolean }[] = [];
    const measures: Measure[] = [];
    const expected = countRecords(generateSampleData({ scale: SCALE }));
    const objects = Object.keys(expected).filter((o) => o !== 'User');
    const total = objects.reduce((n, o) => n + expected[o], 0);
    const dir = mkdtempSync(join(tmpdir(), 'crossway-bench-seed-'));
    const duplicates = (): number =>
        objects.reduce((n, sobject) => {
            const ids = session.org.store.all(sobject).map((r) => String(r.External_Id__c));
            return n + ids.length - new Set(ids).size + Math.max(0, ids.length - expected[sobject]);
        }, 0);
    const missing = (): number =>
        objects.reduce((n, sobject) => n + Math.max(0, expected[sobject] - session.org.store.count(sobject)), 0);
    try {
        console.log(`Sample data set at scale ${SCALE}: ${total} records in ${objects.length} objects.`);
        for (const run of [1, 2]) {
            session.org.resetStats();
            const result = await session.script('scripts/org/seed.ts', [
                '--target-org',
                session.alias,
                '--scale',
                String(SCALE),
                '--poll-interval',
                '500'
            ]);
            measures.push({
                name: `seed run ${run}`,
                calls: session.org.stats().total,
                seconds: result.ms / 1000,
                code: result.code
            });
            const summary = /Created .*/.exec(result.stdout)?.[0] ?? result.stderr.slice(-500);
            console.log(
                `seed run ${run}: exit ${result.code}; ${summary}; server counted ${JSON.stringify(session.org.stats().byCategory)}`
            );
            results.push({
                goal: `seed run ${run} loads every record (exit 0, none missing)`,
                met: result.code === 0 && missing() === 0
            });
            if (run === 2)
                results.push({ goal: 'seed run 2 writes nothing', met: /Created 0, updated 0/.test(result.stdout) });
        }
        const dupes = duplicates();
        console.log(`duplicates after the second seed run: ${dupes}`);
        results.push({ goal: 'zero duplicates after the second run', met: dupes === 0 });

        // the same records with the sf CLI's tree import, into an empty org
        session.org.resetData();
        const store = session.org.store;
        store.systemInsert('Pricebook2', { ...store.find(store.standardPricebookId)!.record, IsActive: true });
        const set = generateSampleData({ scale: SCALE });
        const handles = new Map(set.users.map((u) => [u.key, store.userId] as [string, string]));
        const planPath = writeTreeFiles(
            dir,
            buildPlan(set, { ids: handles }, store.standardPricebookId),
            store.standardPricebookId
        );
        session.org.resetStats();
        const tree = await session.sf(
            ['data', 'import', 'tree', '--plan', planPath, '--target-org', session.alias, '--json'],
            undefined,
            TREE_TIMEOUT_MS
        );
        measures.push({
            name: 'sf data import tree',
            calls: session.org.stats().total,
            seconds: tree.ms / 1000,
            code: tree.code
        });
        console.log(
            `sf data import tree: exit ${tree.code}; ${missing() === 0 ? 'every record loaded' : `${missing()} records missing`}; server counted ${JSON.stringify(session.org.stats().byCategory)}`
        );
        if (tree.code !== 0) console.log(tree.stdout.slice(0, 1500));
        results.push({
            goal: 'sf data import tree loads the same records (the baseline is real)',
            met: tree.code === 0 && missing() === 0
        });

        const treeCalls = measures[2].calls;
        console.log('\nrun                   API calls   wall time   calls vs tree   time vs tree');
        for (const m of measures) {
            console.log(
                `${m.name.padEnd(21)} ${String(m.calls).padStart(9)}   ${m.seconds.toFixed(1).padStart(8)} s   ${(m.calls / treeCalls).toFixed(3).padStart(13)}   ${(m.seconds / measures[2].seconds).toFixed(3).padStart(12)}`
            );
        }
        for (const run of [0, 1]) {
            results.push({
                goal: `seed run ${run + 1} makes at most 1/5 of the tree import's API calls (${measures[run].calls} <= ${(treeCalls / 5).toFixed(1)})`,
                met: measures[run].calls * 5 <= treeCalls
            });
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
        await session.close();
    }
    console.log('');
    for (const r of results) console.log(`${r.met ? 'met   ' : 'MISSED'} ${r.goal}`);
    const passed = results.filter((r) => r.met).length;
    console.log(`${passed} passed, ${results.length - passed} failed`);
    return passed === results.length ? 0 : 1;
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        console.error(`bench:seed failed: ${(error as Error).stack ?? String(error)}`);
        console.log('0 passed, 1 failed');
        process.exitCode = 1;
    }
);
