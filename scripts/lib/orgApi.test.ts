/** The API client against the local org: Composite limits, query paging, Bulk API 2.0 paths and retries. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Connection } from 'jsforce';
import { type FakeOrg, startFakeOrg } from '../fake-org/server';
import { API_VERSION } from './connection';
import { formatCsv } from './csv';
import { OrgApi } from './orgApi';

let org: FakeOrg;
let plain: FakeOrg;
const client = (target: FakeOrg): OrgApi =>
    new OrgApi(new Connection({ instanceUrl: target.url, accessToken: target.accessToken, version: API_VERSION }), {
        bulkPollMs: 20,
        retryDelayMs: 10
    });

before(async () => {
    org = await startFakeOrg({ bulkProcessingDelayMs: 5 });
    plain = await startFakeOrg({ bulkProcessingDelayMs: 5, multipartIngest: false });
});
after(async () => {
    await org.stop();
    await plain.stop();
});

const accounts = (n: number, prefix: string): string =>
    formatCsv([['External_Id__c', 'Name'], ...Array.from({ length: n }, (_, i) => [`${prefix}-${i}`, `Account ${i}`])]);

describe('OrgApi', () => {
    test('a small bulk job is one multipart create and one status check; failures come back per row', async () => {
        org.resetData();
        const api = client(org);
        const csv = `${accounts(3, 'S').trimEnd()}\nS-bad,\n`;
        const result = await api.bulkIngest(
            { object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Id__c' },
            csv
        );
        assert.equal(result.processed, 4);
        assert.equal(result.failed.length, 1);
        assert.equal(result.failed[0].row.External_Id__c, 'S-bad');
        assert.match(result.failed[0].error, /^REQUIRED_FIELD_MISSING/);
        assert.equal(org.store.count('Account'), 3);
        assert.ok(!org.log.some((e) => e.method === 'PUT' || e.method === 'PATCH'), 'no separate upload or close');
    });

    test('more than 100,000 characters: create, upload, close, then poll', async () => {
        org.resetData();
        const api = client(org);
        const csv = accounts(5000, 'BIG');
        assert.ok(csv.length > 100_000);
        const result = await api.bulkIngest(
            { object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Id__c' },
            csv
        );
        assert.equal(result.failed.length, 0);
        assert.equal(org.store.count('Account'), 5000);
        const methods = org.log.map((e) => e.method);
        assert.deepEqual(methods.slice(0, 3), ['POST', 'PUT', 'PATCH']);
    });

    test('an endpoint without multipart creates gets the three-step upload', async () => {
        plain.resetData();
        const notes: string[] = [];
        const api = new OrgApi(
            new Connection({ instanceUrl: plain.url, accessToken: plain.accessToken, version: API_VERSION }),
            {
                bulkPollMs: 20,
                onRetry: (m) => notes.push(m)
            }
        );
        const result = await api.bulkIngest(
            { object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Id__c' },
            accounts(10, 'M')
        );
        assert.equal(result.failed.length, 0);
        assert.equal(plain.store.count('Account'), 10);
        assert.match(notes.join('\n'), /multipart job create refused/);
    });

    test('queries page through Composite requests, five pages a call', async () => {
        org.resetData();
        const api = client(org);
        await api.bulkIngest(
            { object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Id__c' },
            accounts(4500, 'Q')
        );
        org.resetStats();
        const rows = await api.queryAll([
            { key: 'a', soql: "SELECT Id FROM Account WHERE External_Id__c LIKE 'Q-%'" },
            { key: 'b', soql: 'SELECT Id FROM Pricebook2 WHERE IsStandard = true' }
        ]);
        assert.equal(rows.get('a')!.length, 4500);
        assert.equal(rows.get('b')!.length, 1);
        // both first pages share one call; each further page of a follows the locator of the one before
        assert.equal(org.stats().total, 3);
        await assert.rejects(
            api.queryAll([{ key: 'bad', soql: 'SELECT Nope FROM Account' }]),
            /Query for bad failed: INVALID_FIELD/
        );
    });

    test('a 500 is retried; a request that keeps failing reports the org error', async () => {
        org.resetData();
        const api = client(org);
        org.injectFault({ kind: 'status500', match: { path: '/composite' }, times: 2 });
        const [response] = await api.composite([{ method: 'GET', url: `${api.base}/limits`, referenceId: 'l' }]);
        assert.equal(response.httpStatusCode, 200);
        assert.equal(api.calls, 3);
        org.injectFault({ kind: 'status500', match: { path: '/composite' }, times: 10 });
        await assert.rejects(
            api.composite([{ method: 'GET', url: `${api.base}/limits`, referenceId: 'l' }]),
            /UNKNOWN_EXCEPTION|unexpected error/i
        );
        org.clearFaults();
    });
});
