/**
 * `npm run seed -- --target-org ALIAS [--scale N] [--dry-run]`: loads the sample data set into an org.
 *
 * Reads the org connection from the sf CLI's auth, reads what the org already holds of the sample records
 * (queries packed into Composite requests), and writes only new and changed records by external id: running it
 * twice writes nothing the second time, and after a failure running it again completes the load. Sample users
 * are handles mapped onto existing active users (the running user unless `--user-map` says otherwise); no user
 * is ever created. Exits 0 when every record is loaded, 1 when any record failed (with a report), 2 for bad
 * arguments.
 */
import { resolve } from 'node:path';
import { type OptionSpec, UsageError } from '../lib/args';
import { connectTargetOrg, type Io, processIo, readOrgOptions, runMain, TARGET_ORG_OPTION } from '../lib/cli';
import { OrgApi, type Subrequest } from '../lib/orgApi';
import { Progress } from '../lib/progress';
import { type RecordProblem, summarizeProblems, writeProblemReport } from '../lib/report';
import { DEFAULT_SEED, generateSampleData } from '../sample-data/generate';
import { activateForLineItems, buildPlan, diffObject, existingQuery, type ObjectDiff } from './seedPlan';
import { SeedWriter } from './seedWriter';
import { parseUserMap, resolveUsers, usersQuery } from './userMap';

const COMMAND = 'npm run seed --';

export const SEED_OPTIONS: OptionSpec[] = [
    TARGET_ORG_OPTION,
    {
        name: 'scale',
        type: 'number',
        default: 1,
        min: 1,
        max: 20,
        description: 'Multiplies accounts, offerings and specialists (whole number)'
    },
    { name: 'seed', type: 'number', default: DEFAULT_SEED, description: 'Random seed of the sample data set' },
    { name: 'dry-run', type: 'boolean', description: 'Read the org and print what would be written; write nothing' },
    {
        name: 'user-map',
        type: 'string',
        description: 'Sample handles onto usernames: rep.alex=alex@acme.com,... or a JSON file'
    },
    {
        name: 'specialists-without-user',
        type: 'boolean',
        description:
            'Leave specialists that --user-map does not name without a user (unlicensed) instead of the running user'
    },
    {
        name: 'bulk-threshold',
        type: 'number',
        default: 4000,
        min: 1,
        description:
            'Objects with more records to write than this load with Bulk API 2.0 (a job takes 4 calls, a Composite request carries 1,000 records)'
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
        default: '.sf/crossway-seed-errors.csv',
        description: 'Where the per-record error report is written'
    },
    { name: 'verbose', type: 'boolean', description: 'With --dry-run: list every record that would be written' }
];

function table(diffs: ObjectDiff[]): string {
    const rows = diffs.map((d) => {
        const created = d.writes.filter((w) => w.isNew).length;
        return [
            d.sobject,
            String(created),
            String(d.writes.length - created),
            String(d.unchanged),
            String(d.conflicts.length)
        ];
    });
    const header = ['Object', 'New', 'Changed', 'Unchanged', 'Blocked'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    return [header, ...rows]
        .map((r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '))
        .join('\n');
}

export async function runSeed(argv: string[], io: Io = processIo): Promise<number> {
    const parsed = readOrgOptions(
        argv,
        COMMAND,
        'Loads the Crossway sample data set into an org (upsert by external id).',
        SEED_OPTIONS,
        io
    );
    if (!parsed.options) return parsed.code;
    const { options, target } = parsed;
    const started = Date.now();
    const scale = options.scale as number;
    if (!Number.isInteger(scale)) {
        io.err(`Error: --scale must be a whole number, got ${scale}.`);
        return 2;
    }
    const dryRun = options['dry-run'] === true;
    let userMap: Map<string, string>;
    try {
        userMap = parseUserMap(options['user-map'] as string | undefined);
    } catch (error) {
        io.err(`Error: ${(error as Error).message}`);
        return 2;
    }

    const set = generateSampleData({ scale, seed: options.seed as number });
    const connected = await connectTargetOrg(target, io);
    if (!connected.org) return connected.code;
    const org = connected.org;
    const api = new OrgApi(org.conn, {
        bulkPollMs: options['poll-interval'] as number,
        onRetry: (m) => io.err(`  ${m}`)
    });
    io.err(`Reading ${org.username} at ${org.instanceUrl} ...`);

    // reads: users, the Standard Price Book and the top-level sample objects first; the other objects only when
    // some top-level sample record exists (a child cannot outlive the parents the seed and reset manage)
    const handles = set.users.map((u) => u.key);
    const emptyPlan = buildPlan(set, { ids: new Map() }, '000000000000000AAA');
    const roots = emptyPlan.filter((p) => Object.keys(p.refs).length === 0);
    const reads = await api.queryAll([
        { key: 'users', soql: usersQuery(org.username, userMap) },
        { key: 'pricebook', soql: 'SELECT Id, IsActive FROM Pricebook2 WHERE IsStandard = true' },
        ...roots.map((p) => ({ key: p.sobject, soql: existingQuery(p) }))
    ]);
    const others = emptyPlan.filter((p) => !roots.includes(p));
    if (roots.some((p) => reads.get(p.sobject)!.length)) {
        const more = await api.queryAll(others.map((p) => ({ key: p.sobject, soql: existingQuery(p) })));
        for (const [key, rows] of more) reads.set(key, rows);
    } else {
        io.err('No sample records in the org yet: everything is new.');
        for (const p of others) reads.set(p.sobject, []);
    }
    let users;
    try {
        const specialistsWithoutUser = new Set(
            options['specialists-without-user']
                ? set.users.filter((u) => u.role === 'Specialist').map((u) => u.key)
                : []
        );
        users = resolveUsers(handles, org.username, userMap, reads.get('users')!, specialistsWithoutUser);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`Error: ${error.message}`);
            return 2;
        }
        throw error;
    }
    const [pricebook] = reads.get('pricebook')!;
    if (!pricebook) {
        io.err('Error: this org has no Standard Price Book; price book entries and opportunity products need one.');
        return 1;
    }
    const plan = buildPlan(set, users, String(pricebook.Id));
    const diffs = plan.map((p) => diffObject(p, reads.get(p.sobject)!));
    const finals = activateForLineItems(diffs, plan);
    const deactivations = finals.reduce((n, f) => n + f.writes.length, 0);
    const toWrite = diffs.reduce((n, d) => n + d.writes.length, 0) + deactivations;
    const needsPricebook =
        pricebook.IsActive !== true &&
        diffs.some((d) => ['Opportunity', 'OpportunityLineItem'].includes(d.sobject) && d.writes.length);

    io.out(
        `Sample data set: scale ${scale}, seed ${String(options.seed)}, ${plan.reduce((n, p) => n + p.records.length, 0)} records.`
    );
    io.out(table(diffs));
    const mapped = [...users.usernames.entries()]
        .filter(([, u]) => u && u !== org.username)
        .map(([h, u]) => `${h}=${u}`);
    const empty = [...users.ids.entries()].filter(([, id]) => id === null).length;
    io.out(
        `Users: ${mapped.length ? `${mapped.join(', ')}; ` : ''}${empty ? `${empty} specialist handles stay without a user; ` : ''}every other handle maps onto the running user ${org.username}. No user is created.`
    );
    if (deactivations)
        io.out(
            `${deactivations} inactive products and price book entries are activated while their line items load, then deactivated again.`
        );
    if (needsPricebook)
        io.out(
            `The Standard Price Book is inactive: the seed ${dryRun ? 'would activate' : 'activates'} it (opportunity products need an active price book).`
        );
    const conflicts: RecordProblem[] = diffs.flatMap((d) =>
        d.conflicts.map((c) => ({
            sobject: d.sobject,
            externalId: c.externalId,
            code: 'CREATE_ONLY_FIELD',
            message: c.message
        }))
    );

    if (dryRun) {
        if (options.verbose) {
            for (const diff of diffs) {
                for (const write of diff.writes) {
                    io.out(
                        `  ${write.isNew ? 'create' : 'update'} ${diff.sobject} ${write.record.externalId}: ${[...write.fields, ...write.refs].join(', ')}`
                    );
                }
            }
        }
        if (conflicts.length) io.out(`Blocked (would fail):\n${summarizeProblems(conflicts)}`);
        io.out(`Dry run: ${toWrite} records would be written; nothing was written. ${api.calls} API calls.`);
        return conflicts.length ? 1 : 0;
    }

    const progress = new Progress({ label: 'Seeding', total: toWrite });
    const before: Subrequest | undefined = needsPricebook
        ? {
              method: 'PATCH',
              url: `${api.base}/sobjects/Pricebook2/${String(pricebook.Id)}`,
              referenceId: 'activateStandardPricebook',
              body: { IsActive: true }
          }
        : undefined;
    const writer = new SeedWriter(api, plan, progress, { bulkThreshold: options['bulk-threshold'] as number, before });
    // retired products and their entries go back to inactive once the line items are in
    const outcome = toWrite ? await writer.write(diffs, finals) : { created: 0, updated: 0, problems: [] };
    outcome.updated = Math.max(0, outcome.updated - deactivations);
    if (toWrite) progress.finish();
    const problems = [...conflicts, ...outcome.problems];
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
        `Created ${outcome.created}, updated ${outcome.updated}, unchanged ${diffs.reduce((n, d) => n + d.unchanged, 0)}, failed ${problems.length}. ${api.calls} API calls, ${seconds} s.`
    );
    if (problems.length) {
        const path = resolve(options['error-report'] as string);
        writeProblemReport(path, problems);
        io.err(
            `Records that were not loaded:\n${summarizeProblems(problems)}\nFull report: ${path}\nFix the cause and run the seed again: it loads only what is missing.`
        );
        return 1;
    }
    if (!toWrite) io.out('Nothing to write: the org already holds the sample data set.');
    return 0;
}

if (require.main === module) runMain(() => runSeed(process.argv.slice(2)));
