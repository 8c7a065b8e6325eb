/**
 * The seed script, run as an admin runs it (a child process reading the sf CLI's auth), against the local
 * Salesforce API: dry run, first load, idempotent re-run, faults then re-run with nothing lost and nothing
 * duplicated, Bulk API 2.0 path, user mapping, and clear messages for bad arguments.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type LocalOrgSession, startSession } from '../fake-org/testkit';
import { countRecords, generateSampleData } from '../sample-data/generate';

let session: LocalOrgSession;
const SEED = 'scripts/org/seed.ts';
const expected = countRecords(generateSampleData({ scale: 1 }));
const OBJECTS = Object.keys(expected).filter((o) => o !== 'User');

before(async () => {
    session = await startSession({ bulkProcessingDelayMs: 5 });
});
after(async () => {
    await session.close();
});
beforeEach(() => session.org.resetData());

const seed = (...args: string[]): ReturnType<LocalOrgSession['script']> =>
    session.script(SEED, ['--target-org', session.alias, '--poll-interval', '50', ...args]);

/** Every sample object holds exactly the sample's records, each external id once. */
function assertFullyLoaded(): void {
    for (const sobject of OBJECTS) {
        const records = session.org.store.all(sobject).filter((r) => String(r.External_Id__c ?? '').startsWith('CW-'));
        const ids = new Set(records.map((r) => String(r.External_Id__c)));
        assert.equal(records.length, expected[sobject], `${sobject} count`);
        assert.equal(ids.size, records.length, `${sobject} has no duplicates`);
    }
}

describe('seed', () => {
    test('dry run reads the org, prints the plan and writes nothing', async () => {
        const result = await seed('--dry-run');
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Account\s+200\s+0\s+0\s+0/);
        assert.match(result.stdout, /Dry run: \d+ records would be written; nothing was written/);
        for (const sobject of OBJECTS) assert.equal(session.org.store.count(sobject), 0, `${sobject} untouched`);
        assert.equal(
            session.org.store.all('Pricebook2')[0].IsActive,
            false,
            'the price book is not activated by a dry run'
        );
        assert.ok(session.org.log.every((e) => e.method === 'GET' || (e.category === 'composite' && e.status === 200)));
    });

    test('a first load makes 6 API calls: one read, then five full Composite requests', async () => {
        const result = await seed();
        assert.equal(result.code, 0, result.stderr);
        assertFullyLoaded();
        // 4,337 records: new records of objects that do not reference each other share create collections, so
        // every request but the last carries five full collections and twenty single-record upserts
        assert.deepEqual(session.org.stats().byCategory, { composite: 6 });
        assert.match(result.stdout, /Created 4337, updated 0, unchanged 0, failed 0\. 6 API calls/);
    });

    test('write requests lost after their records were saved are sent again; nothing fails or is duplicated', async () => {
        // the first write request (offerings, accounts, products, price book entries, ...) and the third
        // (opportunities, line items) are saved, then lost: sent again, their creates find the records there
        // and go as upserts without the create-only fields (an entry's product, a line item's opportunity)
        const match = { method: 'POST', path: '/composite' };
        session.org.injectFault({ kind: 'drop', match, afterCommit: true, after: 1 });
        session.org.injectFault({ kind: 'drop', match, afterCommit: true, after: 4 });
        const result = await seed();
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr.match(/retrying/g)?.length, 2, result.stderr);
        assert.match(result.stdout, /Created 4337, updated 0, unchanged 0, failed 0\./);
        assertFullyLoaded();
    });

    test('loads everything through a 500 and a dropped connection; a second run changes nothing', async () => {
        const users = session.org.store.count('User');
        session.org.injectFault({ kind: 'status500', match: { method: 'POST', path: '/composite' } });
        session.org.injectFault({
            kind: 'drop',
            match: { method: 'POST', path: '/composite' },
            afterCommit: true,
            times: 2
        });
        const first = await seed('--user-map', 'rep.alex=rep.two@crossway.example');
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /failed 0\./);
        assert.match(first.stderr, /retrying/);
        assertFullyLoaded();
        assert.equal(session.org.store.count('User'), users, 'no user is created');
        const rep = session.org.store.all('User').find((u) => u.Username === 'rep.two@crossway.example')!;
        const harbor = session.org.store.all('Account').find((a) => a.External_Id__c === 'CW-ACC-0001')!;
        assert.equal(harbor.OwnerId, rep.Id, 'rep.alex is mapped onto rep.two');
        const owners = new Set(session.org.store.all('Account').map((a) => a.OwnerId));
        assert.deepEqual(
            [...owners].sort(),
            [session.org.store.userId, rep.Id].sort(),
            'other handles map onto the running user'
        );
        const open = session.org.store.all('Cross_Sell_Attempt__c').filter((a) => a.Open_Attempt_Key__c);
        assert.equal(
            new Set(open.map((a) => a.Open_Attempt_Key__c)).size,
            open.length,
            'one open attempt per account and offering'
        );
        const touched = (): string =>
            JSON.stringify(OBJECTS.map((o) => session.org.store.all(o).map((r) => r.SystemModstamp)));
        const before = touched();

        session.org.resetStats();
        const second = await seed('--user-map', 'rep.alex=rep.two@crossway.example');
        assert.equal(second.code, 0, second.stderr);
        assert.match(second.stdout, /Created 0, updated 0, unchanged \d+, failed 0/);
        assertFullyLoaded();
        assert.equal(touched(), before, 'no record was written');
        assert.ok(session.org.stats().total <= 5, `second run: ${session.org.stats().total} API calls`);

        // the sf CLI sees the same records
        const query = await session.sf([
            'data',
            'query',
            '--query',
            "SELECT COUNT() FROM Account WHERE External_Id__c LIKE 'CW-%'",
            '--target-org',
            session.alias,
            '--json'
        ]);
        assert.equal(JSON.parse(query.stdout).result.totalSize, expected.Account);
    });

    test('rejected records fail the run (collections and bulk); running again loads the rest, nothing lost or duplicated', async () => {
        session.org.injectFault({ kind: 'reject', externalId: 'CW-ACC-0002', message: 'Blocked by a validation rule' });
        session.org.injectFault({ kind: 'reject', externalId: 'CW-OPP-00010' });
        const first = await seed('--bulk-threshold', '500', '--specialists-without-user');
        assert.equal(first.code, 1);
        assert.match(
            first.stderr,
            /Account CW-ACC-0002: FIELD_CUSTOM_VALIDATION_EXCEPTION: Blocked by a validation rule/
        );
        assert.match(first.stderr, /Opportunity CW-OPP-00010: FIELD_CUSTOM_VALIDATION_EXCEPTION/);
        assert.match(first.stderr, /SKIPPED: not sent because its \w+ \(CW-ACC-0002\) failed to load/);
        assert.match(first.stderr, /Full report: .*crossway-seed-errors\.csv/);
        assert.equal(session.org.store.count('Account'), expected.Account - 1);
        assert.ok(session.org.bulk.jobs.size >= 3, 'assets, opportunities and line items went through Bulk API jobs');

        const second = await seed('--bulk-threshold', '500', '--specialists-without-user');
        assert.equal(second.code, 0, second.stderr);
        assertFullyLoaded();
        const specialists = session.org.store.all('Specialist__c');
        assert.ok(
            specialists.every((s) => s.User__c === null),
            '--specialists-without-user leaves every specialist unlicensed'
        );
    });

    test('bad arguments, unknown or inactive users and a missing login give a clear message and write nothing', async () => {
        const [missing, scale, unknown, alias, inactive, handle] = await Promise.all([
            session.script(SEED, []),
            session.script(SEED, ['--target-org', session.alias, '--scale', 'lots']),
            session.script(SEED, ['--target-org', session.alias, '--colour', 'red']),
            session.script(SEED, ['--target-org', 'no-such-org']),
            seed('--user-map', 'rep.alex=former.rep@crossway.example'),
            seed('--user-map', 'rep.nobody=rep.two@crossway.example')
        ]);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /--target-org is required/);
        assert.equal(scale.code, 2);
        assert.match(scale.stderr, /--scale must be a number, got 'lots'/);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /Unknown option '--colour'/);
        assert.equal(alias.code, 1);
        assert.match(alias.stderr, /sf is not logged in to 'no-such-org'/);
        assert.equal(inactive.code, 2);
        assert.match(inactive.stderr, /user former.rep@crossway.example is inactive/);
        assert.equal(handle.code, 2);
        assert.match(handle.stderr, /unknown sample handle\(s\) rep.nobody/);
        for (const sobject of OBJECTS) assert.equal(session.org.store.count(sobject), 0);
    });
});

describe('reset', () => {
    test('removes the sample records only, keeps a sample parent that other data hangs on, and the seed can load again', async () => {
        assert.equal((await seed()).code, 0);
        const store = session.org.store;
        const harbor = store.all('Account').find((a) => a.External_Id__c === 'CW-ACC-0001')!;
        store.insert('Account', [{ Name: 'Not sample data' }], { allOrNone: true });
        store.insert(
            'Opportunity',
            [{ Name: 'A rep’s own deal', StageName: 'Prospecting', CloseDate: '2027-01-01', AccountId: harbor.Id }],
            { allOrNone: true }
        );
        const users = store.count('User');

        const dry = await session.script('scripts/org/reset.ts', ['--target-org', session.alias, '--dry-run']);
        assert.equal(dry.code, 0, dry.stderr);
        assert.match(dry.stdout, /Dry run: \d+ sample records would be deleted; nothing was deleted/);
        assert.match(dry.stdout, /Account CW-ACC-0001: KEPT/);
        assert.equal(store.count('Account'), expected.Account + 1);

        const reset = await session.script('scripts/org/reset.ts', [
            '--target-org',
            session.alias,
            '--poll-interval',
            '50',
            '--bulk-threshold',
            '1000'
        ]);
        assert.equal(reset.code, 1, 'a kept record makes the reset incomplete');
        assert.match(reset.stdout, /Deleted \d+, failed 0, kept 1/);
        assert.deepEqual(
            store
                .all('Account')
                .map((a) => a.External_Id__c ?? a.Name)
                .sort(),
            ['CW-ACC-0001', 'Not sample data']
        );
        assert.deepEqual(
            store.all('Opportunity').map((o) => o.Name),
            ['A rep’s own deal']
        );
        for (const sobject of OBJECTS.filter((o) => o !== 'Account')) {
            assert.equal(
                store.all(sobject).filter((r) => String(r.External_Id__c ?? '').startsWith('CW-')).length,
                0,
                `${sobject} sample records are gone`
            );
        }
        assert.equal(store.count('User'), users);

        const again = await seed();
        assert.equal(again.code, 0, again.stderr);
        assertFullyLoaded();
    });
});
