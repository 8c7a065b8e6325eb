/**
 * `npm run reset -- --target-org ALIAS [--dry-run] [--yes]`: removes the records the seed loaded (found by
 * their sample external ids), children before parents, and nothing else. A sample record that other data hangs
 * on (an opportunity a rep added to a sample account, a line item on a sample opportunity, ...) is kept, because
 * deleting it would delete that data with it; the reset says which, and exits 1.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import type { OptionSpec } from '../lib/args';
import { connectTargetOrg, type Io, processIo, readOrgOptions, runMain, TARGET_ORG_OPTION } from '../lib/cli';
import { formatCsv } from '../lib/csv';
import {
    COLLECTION_SIZE,
    COMPOSITE_HEAVY,
    OrgApi,
    type SaveResult,
    type SObject,
    type Subrequest
} from '../lib/orgApi';
import { Progress } from '../lib/progress';
import { type RecordProblem, summarizeProblems, writeProblemReport } from '../lib/report';
import { generateSampleData } from '../sample-data/generate';
import { buildPlan, EXTERNAL_ID, likePrefix, LOAD_ORDER } from './seedPlan';

const COMMAND = 'npm run reset --';

export const RESET_OPTIONS: OptionSpec[] = [
    TARGET_ORG_OPTION,
    { name: 'dry-run', type: 'boolean', description: 'List what would be deleted; delete nothing' },
    { name: 'yes', alias: 'y', type: 'boolean', description: 'Do not ask for confirmation on a terminal' },
    {
        name: 'bulk-threshold',
        type: 'number',
        default: 2000,
        min: 1,
        description: 'Objects with more records than this are deleted with Bulk API 2.0'
    },
    {
        name: 'poll-interval',
        type: 'number',
        default: 2000,
        min: 10,
        description: 'Milliseconds before the first Bulk API job status check'
    },
    {
        name: 'error-report',
        type: 'string',
        default: '.sf/crossway-reset-errors.csv',
        description: 'Where the per-record error report is written'
    }
];

/** Deleting the parent deletes these children too: a sample parent with a non-sample child is kept. */
const CASCADES: { child: string; parentPath: string; parent: string; childIsSample: boolean }[] = [
    { child: 'Opportunity', parentPath: 'Account', parent: 'Account', childIsSample: true },
    { child: 'Asset', parentPath: 'Account', parent: 'Account', childIsSample: true },
    { child: 'Cross_Sell_Attempt__c', parentPath: 'Account__r', parent: 'Account', childIsSample: true },
    { child: 'Contact', parentPath: 'Account', parent: 'Account', childIsSample: false },
    { child: 'OpportunityLineItem', parentPath: 'Opportunity', parent: 'Opportunity', childIsSample: true },
    { child: 'Offering_Expertise__c', parentPath: 'Offering__r', parent: 'Offering__c', childIsSample: true },
    { child: 'Offering_Expertise__c', parentPath: 'Specialist__r', parent: 'Specialist__c', childIsSample: true },
    { child: 'PricebookEntry', parentPath: 'Product2', parent: 'Product2', childIsSample: true }
];

export async function runReset(argv: string[], io: Io = processIo): Promise<number> {
    const parsed = readOrgOptions(
        argv,
        COMMAND,
        'Removes the Crossway sample records (by external id) and nothing else.',
        RESET_OPTIONS,
        io
    );
    if (!parsed.options) return parsed.code;
    const { options, target } = parsed;
    const started = Date.now();
    const connected = await connectTargetOrg(target, io);
    if (!connected.org) return connected.code;
    const org = connected.org;
    const api = new OrgApi(org.conn, {
        bulkPollMs: options['poll-interval'] as number,
        onRetry: (m) => io.err(`  ${m}`)
    });
    io.err(`Reading ${org.username} at ${org.instanceUrl} ...`);

    // the sample's external id prefixes (CW-ACC-, CW-OPP-, ...) are the same at every scale
    const plan = buildPlan(generateSampleData({ scale: 1 }), { ids: new Map() }, '000000000000000AAA');
    const prefix = new Map(plan.map((p) => [p.sobject, likePrefix(p.records.map((r) => r.externalId))]));
    const sampleWhere = (sobject: string, path = ''): string => `${path}${EXTERNAL_ID} LIKE '${prefix.get(sobject)}%'`;
    const reads = await api.queryAll([
        ...LOAD_ORDER.map(({ sobject }) => ({
            key: sobject,
            soql: `SELECT Id, ${EXTERNAL_ID} FROM ${sobject} WHERE ${sampleWhere(sobject)}`
        })),
        ...CASCADES.map((c, i) => ({
            key: `guard${i}`,
            soql:
                `SELECT Id, ${c.parentPath}.${EXTERNAL_ID} FROM ${c.child} WHERE ${sampleWhere(c.parent, `${c.parentPath}.`)}` +
                (c.childIsSample ? ` AND (${EXTERNAL_ID} = null OR NOT ${sampleWhere(c.child)})` : '')
        }))
    ]);

    const kept = new Map<string, { sobject: string; externalId: string; because: Set<string> }>();
    CASCADES.forEach((c, i) => {
        for (const row of reads.get(`guard${i}`)!) {
            const parentExt = String((row[c.parentPath] as SObject)[EXTERNAL_ID]);
            const key = `${c.parent}:${parentExt.toLowerCase()}`;
            if (!kept.has(key)) kept.set(key, { sobject: c.parent, externalId: parentExt, because: new Set() });
            kept.get(key)!.because.add(`${c.child} ${String(row.Id)}`);
        }
    });
    // children first, so nothing relies on a cascade
    const order = [...LOAD_ORDER].reverse().map(({ sobject }) => ({
        sobject,
        rows: reads.get(sobject)!.filter((r) => !kept.has(`${sobject}:${String(r[EXTERNAL_ID]).toLowerCase()}`))
    }));
    const total = order.reduce((n, o) => n + o.rows.length, 0);
    for (const o of order) io.out(`${o.sobject.padEnd(24)} ${String(o.rows.length).padStart(6)} to delete`);
    const keptProblems: RecordProblem[] = [...kept.values()].map((k) => ({
        sobject: k.sobject,
        externalId: k.externalId,
        code: 'KEPT',
        message: `other data belongs to it and would be deleted with it: ${[...k.because].slice(0, 3).join(', ')}${k.because.size > 3 ? ', ...' : ''}`
    }));
    if (keptProblems.length) io.out(`Kept (not sample data depends on them):\n${summarizeProblems(keptProblems)}`);
    if (options['dry-run']) {
        io.out(`Dry run: ${total} sample records would be deleted; nothing was deleted. ${api.calls} API calls.`);
        return 0;
    }
    if (total && process.stdin.isTTY && !options.yes) {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question(`Delete ${total} sample records from ${org.username}? [y/N] `);
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
            io.out('Nothing was deleted.');
            return 0;
        }
    }

    const progress = new Progress({ label: 'Deleting', total });
    const problems: RecordProblem[] = [];
    let deleted = 0;
    const extById = new Map<string, { sobject: string; externalId: string }>();
    for (const o of order)
        for (const row of o.rows)
            extById.set(String(row.Id), { sobject: o.sobject, externalId: String(row[EXTERNAL_ID]) });
    const outcome = (id: string, result: SaveResult | undefined): void => {
        const error = result?.errors[0];
        // deleted already (a retried request whose first answer was lost) counts as deleted
        if (result?.success || error?.statusCode === 'ENTITY_IS_DELETED') {
            deleted++;
            return;
        }
        const ref = extById.get(id) ?? { sobject: '?', externalId: id };
        problems.push({
            ...ref,
            code: error?.statusCode ?? 'UNKNOWN',
            message: error?.message ?? 'no result returned'
        });
    };
    let buffer: string[][] = [];
    const flush = async (): Promise<void> => {
        if (!buffer.length) return;
        const chunks = buffer;
        buffer = [];
        const subrequests: Subrequest[] = chunks.map((ids, i) => ({
            method: 'DELETE',
            url: `${api.base}/composite/sobjects?ids=${ids.join(',')}&allOrNone=false`,
            referenceId: `d${i}`
        }));
        try {
            const responses = await api.composite(subrequests);
            chunks.forEach((ids, i) => {
                const response = responses[i];
                const before = problems.length;
                if (!response || response.httpStatusCode >= 400) {
                    const [error] = (response?.body as { errorCode?: string; message?: string }[] | undefined) ?? [];
                    ids.forEach((id) =>
                        outcome(id, {
                            success: false,
                            errors: [
                                {
                                    statusCode: error?.errorCode ?? 'REQUEST_FAILED',
                                    message: error?.message ?? 'no response'
                                }
                            ]
                        })
                    );
                } else {
                    ids.forEach((id, j) => outcome(id, (response.body as SaveResult[])[j]));
                }
                progress.tick(ids.length, problems.length - before);
            });
        } catch (error) {
            for (const ids of chunks) {
                ids.forEach((id) =>
                    outcome(id, {
                        success: false,
                        errors: [{ statusCode: 'REQUEST_FAILED', message: (error as Error).message }]
                    })
                );
                progress.tick(ids.length, ids.length);
            }
        }
    };
    for (const o of order) {
        const ids = o.rows.map((r) => String(r.Id));
        if (!ids.length) continue;
        if (ids.length > (options['bulk-threshold'] as number)) {
            await flush();
            const before = problems.length;
            try {
                const result = await api.bulkIngest(
                    { object: o.sobject, operation: 'delete' },
                    formatCsv([['Id'], ...ids.map((id) => [id])])
                );
                const failed = new Map(result.failed.map((f) => [f.row.Id, f.error]));
                for (const id of ids) {
                    const error = failed.get(id);
                    const [code, ...rest] = (error ?? '').split(':');
                    outcome(
                        id,
                        error === undefined
                            ? { success: true, errors: [] }
                            : {
                                  success: false,
                                  errors: [{ statusCode: code, message: rest.join(':').replace(/:[^:]*--\s*$/, '') }]
                              }
                    );
                }
            } catch (error) {
                ids.forEach((id) =>
                    outcome(id, {
                        success: false,
                        errors: [{ statusCode: 'BULK_JOB_FAILED', message: (error as Error).message }]
                    })
                );
            }
            progress.tick(ids.length, problems.length - before);
            continue;
        }
        for (let i = 0; i < ids.length; i += COLLECTION_SIZE) {
            buffer.push(ids.slice(i, i + COLLECTION_SIZE));
            // subrequests run in order, so children and then their parents can share one request
            if (buffer.length === COMPOSITE_HEAVY) await flush();
        }
    }
    await flush();
    if (total) progress.finish();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
        `Deleted ${deleted}, failed ${problems.length}, kept ${keptProblems.length}. ${api.calls} API calls, ${seconds} s.`
    );
    io.out('The Standard Price Book stays active (the seed may have activated it; other price books may rely on it).');
    const all = [...keptProblems, ...problems];
    if (problems.length) {
        const path = resolve(options['error-report'] as string);
        writeProblemReport(path, all);
        io.err(`Records that were not deleted:\n${summarizeProblems(problems)}\nFull report: ${path}`);
    }
    return all.length ? 1 : 0;
}

if (require.main === module) runMain(() => runReset(process.argv.slice(2)));
