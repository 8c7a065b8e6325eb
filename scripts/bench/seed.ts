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
import { buildPlan, LOAD_ORDER, type PlanObject, relationshipToField } from '../org/seedPlan';
import { countRecords, generateSampleData } from '../sample-data/generate';

const SCALE = 2;
const TREE_TIMEOUT_MS = 15 * 60_000;

interface Measure {
    name: string;
    calls: number;
    seconds: number;
    code: number;
}

/**
 * The same records as sObject Tree files of at most 200 records (the Tree API's limit), grouped in dependency
 * levels. Each level is one `sf data import tree --files ...` run; references to parents loaded by an earlier
 * level are written as their record ids, read from the local org in-process (free for the baseline, so its call
 * count is a lower bound). A `--plan` import sends the same requests but resolves references in memory at a cost
 * that grows with the square of the record count (tens of minutes at this scale).
 */
function treeLevels(plan: PlanObject[]): string[][] {
    const levels: string[][] = [];
    const levelOf = new Map<string, number>();
    for (const { sobject, refs } of LOAD_ORDER) {
        const level = Math.max(-1, ...Object.values(refs).map((parent) => levelOf.get(parent) ?? -1)) + 1;
        levelOf.set(sobject, level);
        (levels[level] ??= []).push(sobject);
    }
    return levels.map((objects) => objects.filter((o) => plan.some((p) => p.sobject === o)));
}

function writeTreeFiles(
    dir: string,
    plan: PlanObject[],
    objects: string[],
    idOf: (sobject: string, externalId: string) => string
): string[] {
    const files: string[] = [];
    for (const sobject of objects) {
        const object = plan.find((p) => p.sobject === sobject)!;
        const records = object.records.map((record, i) => {
            const out: Record<string, unknown> = {
                attributes: { type: sobject, referenceId: `${sobject.replace(/__c$/, 'c')}Ref${i + 1}` }
            };
            for (const [field, value] of Object.entries(record.fields)) if (value !== null) out[field] = value;
            // the tree import cannot deactivate a product or entry after its line items load: they stay active
            if (sobject === 'PricebookEntry' || sobject === 'Product2') out.IsActive = true;
            for (const [rel, value] of Object.entries(record.refs)) {
                if (value === null) continue;
                out[relationshipToField(rel, object.refs[rel])] = idOf(object.refs[rel], value);
            }
            return out;
        });
        for (let i = 0; i < records.length; i += 200) {
            const file = join(dir, `${sobject}-${i / 200 + 1}.json`);
            writeFileSync(file, JSON.stringify({ records: records.slice(i, i + 200) }));
            files.push(file);
        }
    }
    return files;
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
        const plan = buildPlan(set, { ids: handles }, store.standardPricebookId);
        const idCache = new Map<string, Map<string, string>>();
        const idOf = (sobject: string, externalId: string): string => {
            // parents come from earlier levels, which are complete by the time a level's files are written
            let ids = idCache.get(sobject);
            if (!ids)
                idCache.set(
                    sobject,
                    (ids = new Map(store.all(sobject).map((r) => [String(r.External_Id__c), String(r.Id)])))
                );
            const id = ids.get(externalId);
            if (!id) throw new Error(`tree import: ${sobject} ${externalId} was not loaded by an earlier level`);
            return id;
        };
        session.org.resetStats();
        let treeMs = 0;
        let treeCode = 0;
        for (const objects of treeLevels(plan)) {
            const files = writeTreeFiles(dir, plan, objects, idOf);
            const tree = await session.sf(
                ['data', 'import', 'tree', '--files', ...files, '--target-org', session.alias, '--json'],
                undefined,
                TREE_TIMEOUT_MS
            );
            treeMs += tree.ms;
            if (tree.code !== 0) {
                treeCode = tree.code;
                console.log(`sf data import tree failed for ${objects.join(', ')}: ${tree.stdout.slice(0, 1500)}`);
                break;
            }
        }
        measures.push({
            name: 'sf data import tree',
            calls: session.org.stats().total,
            seconds: treeMs / 1000,
            code: treeCode
        });
        console.log(
            `sf data import tree: exit ${treeCode}; ${missing() === 0 ? 'every record loaded' : `${missing()} records missing`}; server counted ${JSON.stringify(session.org.stats().byCategory)}`
        );
        results.push({
            goal: 'sf data import tree loads the same records (the baseline is real)',
            met: treeCode === 0 && missing() === 0
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
