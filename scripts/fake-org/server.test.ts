/**
 * The local Salesforce API enforces the real-org rules a seed can trip over, answers in Salesforce's shapes,
 * and injects faults on request. Each rule has a test that would fail if the server let the write through.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { formatCsv } from '../lib/csv';
import { type FakeOrg, startFakeOrg } from './server';

let org: FakeOrg;
const V = '/services/data/v65.0';

interface Reply<T = unknown> {
    status: number;
    body: T;
    text: string;
}

async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {}
): Promise<Reply<T>> {
    const response = await fetch(`${org.url}${path}`, {
        method,
        headers: {
            authorization: `Bearer ${org.accessToken}`,
            ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
            ...headers
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
        parsed = text ? JSON.parse(text) : undefined;
    } catch {
        // CSV and empty bodies stay text
    }
    return { status: response.status, body: parsed as T, text };
}

type Save = {
    success: boolean;
    id: string | null;
    created?: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
};

const upsert = (sobject: string, records: Record<string, unknown>[], allOrNone = false): Promise<Reply<Save[]>> =>
    call<Save[]>('PATCH', `${V}/composite/sobjects/${sobject}/External_Id__c`, {
        allOrNone,
        records: records.map((r) => ({ attributes: { type: sobject }, ...r }))
    });

const code = (reply: Reply<Save[]>, i = 0): string => reply.body[i].errors[0]?.statusCode ?? 'OK';

before(async () => {
    org = await startFakeOrg({ bulkProcessingDelayMs: 5 });
});
after(async () => {
    await org.stop();
});
beforeEach(() => org.resetData());

async function product(ext: string): Promise<void> {
    await upsert('Product2', [{ External_Id__c: ext, Name: ext, IsActive: true }]);
}

async function activeStandardBook(): Promise<string> {
    await call('PATCH', `${V}/sobjects/Pricebook2/${org.store.standardPricebookId}`, { IsActive: true });
    return org.store.standardPricebookId;
}

describe('schema and describe', () => {
    test('custom objects and fields come from the force-app metadata', async () => {
        const reply = await call<{
            fields: {
                name: string;
                unique: boolean;
                externalId: boolean;
                restrictedPicklist: boolean;
                picklistValues: { value: string }[];
            }[];
        }>('GET', `${V}/sobjects/Offering__c/describe`);
        assert.equal(reply.status, 200);
        const ext = reply.body.fields.find((f) => f.name === 'External_Id__c');
        assert.ok(ext?.unique && ext.externalId);
        const complexity = reply.body.fields.find((f) => f.name === 'Complexity__c');
        assert.equal(complexity?.restrictedPicklist, true);
        assert.deepEqual(
            complexity?.picklistValues.map((v) => v.value),
            ['Low', 'Medium', 'High']
        );
    });

    test('an unknown object is NOT_FOUND, an unknown field INVALID_FIELD', async () => {
        const missing = await call<{ errorCode: string }[]>('GET', `${V}/sobjects/Nope__c/describe`);
        assert.equal(missing.status, 404);
        assert.equal(missing.body[0].errorCode, 'NOT_FOUND');
        const field = await upsert('Account', [{ External_Id__c: 'A1', Name: 'A', Colour__c: 'red' }]);
        assert.equal(code(field), 'INVALID_FIELD');
        assert.match(field.body[0].errors[0].message, /No such column 'Colour__c' on sobject of type Account/);
    });

    test('requests without the session token are refused', async () => {
        const response = await fetch(`${org.url}${V}/limits`, { headers: { authorization: 'Bearer wrong' } });
        assert.equal(response.status, 401);
        assert.equal(((await response.json()) as { errorCode: string }[])[0].errorCode, 'INVALID_SESSION_ID');
    });
});

describe('query', () => {
    test('pages 2,000 rows at a time and follows nextRecordsUrl', async () => {
        const records = Array.from({ length: 2300 }, (_, i) => ({ External_Id__c: `P-${i}`, Name: `Account ${i}` }));
        for (let i = 0; i < records.length; i += 200)
            assert.equal((await upsert('Account', records.slice(i, i + 200))).status, 200);
        const first = await call<{ totalSize: number; done: boolean; nextRecordsUrl: string; records: unknown[] }>(
            'GET',
            `${V}/query?q=${encodeURIComponent("SELECT Id, External_Id__c, Owner.Username FROM Account WHERE External_Id__c LIKE 'P-%'")}`
        );
        assert.equal(first.body.totalSize, 2300);
        assert.equal(first.body.done, false);
        assert.equal(first.body.records.length, 2000);
        const second = await call<{ done: boolean; records: { Owner: { Username: string } }[] }>(
            'GET',
            first.body.nextRecordsUrl
        );
        assert.equal(second.body.done, true);
        assert.equal(second.body.records.length, 300);
        assert.equal(second.body.records[0].Owner.Username, 'admin@crossway.example');
    });

    test('bad queries answer like a real org', async () => {
        const type = await call<{ errorCode: string }[]>(
            'GET',
            `${V}/query?q=${encodeURIComponent('SELECT Id FROM Nothing__c')}`
        );
        assert.equal(type.status, 400);
        assert.equal(type.body[0].errorCode, 'INVALID_TYPE');
        const field = await call<{ errorCode: string }[]>(
            'GET',
            `${V}/query?q=${encodeURIComponent('SELECT Colour FROM Account')}`
        );
        assert.equal(field.body[0].errorCode, 'INVALID_FIELD');
        const syntax = await call<{ errorCode: string }[]>(
            'GET',
            `${V}/query?q=${encodeURIComponent('SELECT FROM Account WHERE')}`
        );
        assert.equal(syntax.body[0].errorCode, 'MALFORMED_QUERY');
    });
});

describe('sObject Collections', () => {
    test('more than 200 records in one call is refused whole', async () => {
        const records = Array.from({ length: 201 }, (_, i) => ({ External_Id__c: `L-${i}`, Name: 'x' }));
        const reply = await call<{ errorCode: string }[]>('PATCH', `${V}/composite/sobjects/Account/External_Id__c`, {
            records: records.map((r) => ({ attributes: { type: 'Account' }, ...r }))
        });
        assert.equal(reply.status, 400);
        assert.equal(reply.body[0].errorCode, 'EXCEEDED_ID_LIMIT');
        assert.equal(org.store.count('Account'), 0);
    });

    test('upsert by external id creates once, then updates the same record', async () => {
        const first = await upsert('Account', [{ External_Id__c: 'U-1', Name: 'First' }]);
        const second = await upsert('Account', [{ External_Id__c: 'u-1', Name: 'Renamed' }]);
        assert.equal(first.body[0].created, true);
        assert.equal(second.body[0].created, false);
        assert.equal(second.body[0].id, first.body[0].id);
        assert.equal(org.store.count('Account'), 1);
        assert.equal(org.store.all('Account')[0].Name, 'Renamed');
    });

    test('required fields, duplicate external ids in one call, and allOrNone roll back', async () => {
        const missing = await upsert('Opportunity', [{ External_Id__c: 'O-1', Name: 'No stage' }]);
        assert.equal(code(missing), 'REQUIRED_FIELD_MISSING');
        assert.deepEqual(missing.body[0].errors[0].fields, ['StageName', 'CloseDate']);
        const twice = await upsert('Account', [
            { External_Id__c: 'D-1', Name: 'a' },
            { External_Id__c: 'D-1', Name: 'b' }
        ]);
        assert.equal(code(twice, 0), 'DUPLICATE_EXTERNAL_ID');
        assert.equal(code(twice, 1), 'DUPLICATE_EXTERNAL_ID');
        const rolledBack = await upsert(
            'Account',
            [{ External_Id__c: 'R-1', Name: 'fine' }, { External_Id__c: 'R-2' }],
            true
        );
        assert.equal(code(rolledBack, 0), 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
        assert.equal(code(rolledBack, 1), 'REQUIRED_FIELD_MISSING');
        assert.equal(org.store.count('Account'), 0);
    });

    test('restricted picklists refuse values outside the list', async () => {
        const stage = await upsert('Opportunity', [
            { External_Id__c: 'O-2', Name: 'x', StageName: 'Almost won', CloseDate: '2026-01-01' }
        ]);
        assert.equal(code(stage), 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
        const complexity = await upsert('Offering__c', [
            { External_Id__c: 'OF-1', Name: 'x', Complexity__c: 'Extreme' }
        ]);
        assert.equal(code(complexity), 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
        const multi = await upsert('Offering__c', [
            { External_Id__c: 'OF-2', Name: 'x', Target_Industries__c: 'Banking;Moon Mining' }
        ]);
        assert.equal(code(multi), 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
        assert.equal(org.store.count('Offering__c'), 0);
    });

    test('references by external id must exist; master-detail is required and create-only', async () => {
        const orphan = await upsert('Cross_Sell_Attempt__c', [
            {
                External_Id__c: 'AT-1',
                Account__r: { External_Id__c: 'NOPE' },
                Status__c: 'Identified',
                Source__c: 'Manual'
            }
        ]);
        assert.equal(code(orphan), 'INVALID_FIELD');
        assert.match(orphan.body[0].errors[0].message, /Foreign key external ID: NOPE not found/);
        await upsert('Account', [
            { External_Id__c: 'AC-1', Name: 'a' },
            { External_Id__c: 'AC-2', Name: 'b' }
        ]);
        await upsert('Offering__c', [{ External_Id__c: 'OF-1', Name: 'x' }]);
        const noMaster = await upsert('Cross_Sell_Attempt__c', [
            {
                External_Id__c: 'AT-1',
                Offering__r: { External_Id__c: 'OF-1' },
                Status__c: 'Identified',
                Source__c: 'Manual'
            }
        ]);
        assert.equal(code(noMaster), 'REQUIRED_FIELD_MISSING');
        const attempt = {
            External_Id__c: 'AT-1',
            Account__r: { External_Id__c: 'AC-1' },
            Offering__r: { External_Id__c: 'OF-1' },
            Status__c: 'Identified',
            Source__c: 'Manual'
        };
        assert.equal(code(await upsert('Cross_Sell_Attempt__c', [attempt])), 'OK');
        const reparent = await upsert('Cross_Sell_Attempt__c', [
            { ...attempt, Account__r: { External_Id__c: 'AC-2' } }
        ]);
        assert.equal(code(reparent), 'INVALID_FIELD_FOR_INSERT_UPDATE');
    });

    test('one open attempt per account and offering (the trigger-filled unique key)', async () => {
        await upsert('Account', [{ External_Id__c: 'AC-1', Name: 'a' }]);
        await upsert('Offering__c', [{ External_Id__c: 'OF-1', Name: 'x' }]);
        const attempt = (ext: string, status: string): Record<string, unknown> => ({
            External_Id__c: ext,
            Account__r: { External_Id__c: 'AC-1' },
            Offering__r: { External_Id__c: 'OF-1' },
            Status__c: status,
            Source__c: 'Manual'
        });
        const reply = await upsert('Cross_Sell_Attempt__c', [
            attempt('AT-1', 'Identified'),
            attempt('AT-2', 'Lost'),
            attempt('AT-3', 'Proposal')
        ]);
        assert.equal(code(reply, 0), 'OK');
        assert.equal(code(reply, 1), 'OK');
        assert.equal(code(reply, 2), 'DUPLICATE_VALUE');
        const lost = org.store.all('Cross_Sell_Attempt__c').find((a) => a.External_Id__c === 'AT-2')!;
        assert.equal(lost.Closed_Date__c, new Date().toISOString().slice(0, 10), 'the trigger stamps a closed attempt');
        const dated = await upsert('Cross_Sell_Attempt__c', [
            { ...attempt('AT-4', 'Won'), Status_Changed_Date__c: '2025-01-02', Closed_Date__c: '2025-01-02' }
        ]);
        assert.equal(code(dated), 'OK');
        const won = org.store.all('Cross_Sell_Attempt__c').find((a) => a.External_Id__c === 'AT-4')!;
        assert.equal(won.Status_Changed_Date__c, '2025-01-02', 'dates given on insert are kept');
    });

    test('unique fields refuse a second record with the same value', async () => {
        await upsert('Account', [{ External_Id__c: 'AC-1', Name: 'a' }]);
        const created = await call<Save>('POST', `${V}/sobjects/Account`, { Name: 'b', External_Id__c: 'ac-1' });
        assert.equal(created.status, 400);
        assert.equal((created.body as unknown as { errorCode: string }[])[0].errorCode, 'DUPLICATE_VALUE');
    });
});

describe('price books and opportunity products', () => {
    test('a custom price book entry needs the standard price first', async () => {
        await product('PR-1');
        const book = await call<Save>('POST', `${V}/sobjects/Pricebook2`, { Name: 'Partner', IsActive: true });
        const entry = { Product2: { External_Id__c: 'PR-1' }, UnitPrice: 10, IsActive: true };
        const custom = await upsert('PricebookEntry', [
            { ...entry, External_Id__c: 'PBE-C', Pricebook2Id: book.body.id }
        ]);
        assert.equal(code(custom), 'STANDARD_PRICE_NOT_DEFINED');
        const standard = await upsert('PricebookEntry', [
            { ...entry, External_Id__c: 'PBE-S', Pricebook2Id: org.store.standardPricebookId }
        ]);
        assert.equal(code(standard), 'OK');
        assert.equal(
            code(await upsert('PricebookEntry', [{ ...entry, External_Id__c: 'PBE-C', Pricebook2Id: book.body.id }])),
            'OK'
        );
        const again = await upsert('PricebookEntry', [
            { ...entry, External_Id__c: 'PBE-C2', Pricebook2Id: book.body.id }
        ]);
        assert.equal(code(again), 'DUPLICATE_VALUE');
    });

    test('line items must come from the opportunity price book, which must be active', async () => {
        await product('PR-1');
        const standard = org.store.standardPricebookId;
        await upsert('PricebookEntry', [
            {
                External_Id__c: 'PBE-S',
                Product2: { External_Id__c: 'PR-1' },
                Pricebook2Id: standard,
                UnitPrice: 10,
                IsActive: true
            }
        ]);
        const opportunity = { External_Id__c: 'OP-1', Name: 'o', StageName: 'Closed Won', CloseDate: '2026-01-01' };
        const inactive = await upsert('Opportunity', [{ ...opportunity, Pricebook2Id: standard }]);
        assert.equal(code(inactive), 'FIELD_INTEGRITY_EXCEPTION');
        await upsert('Opportunity', [opportunity]);
        const line = {
            External_Id__c: 'LI-1',
            Opportunity: { External_Id__c: 'OP-1' },
            PricebookEntry: { External_Id__c: 'PBE-S' },
            Quantity: 1,
            UnitPrice: 10
        };
        const noBook = await upsert('OpportunityLineItem', [line]);
        assert.equal(code(noBook), 'FIELD_INTEGRITY_EXCEPTION');
        assert.match(noBook.body[0].errors[0].message, /different pricebook than the one assigned to the opportunity/);
        await activeStandardBook();
        assert.equal(code(await upsert('Opportunity', [{ ...opportunity, Pricebook2Id: standard }])), 'OK');
        const both = await upsert('OpportunityLineItem', [{ ...line, TotalPrice: 10 }]);
        assert.equal(code(both), 'FIELD_INTEGRITY_EXCEPTION');
        assert.equal(code(await upsert('OpportunityLineItem', [line])), 'OK');
        const moved = await upsert('OpportunityLineItem', [{ ...line, Quantity: 2 }]);
        assert.equal(
            code(moved),
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            'PricebookEntryId cannot be sent for an existing line item'
        );
        const quantity = await upsert('OpportunityLineItem', [{ External_Id__c: 'LI-1', Quantity: 2 }]);
        assert.equal(code(quantity), 'OK');
        assert.equal(org.store.all('OpportunityLineItem')[0].TotalPrice, 20);
    });

    test('an asset needs an account or a contact', async () => {
        const reply = await upsert('Asset', [{ External_Id__c: 'AS-1', Name: 'Loose asset' }]);
        assert.equal(code(reply), 'FIELD_INTEGRITY_EXCEPTION');
        assert.match(reply.body[0].errors[0].message, /Every asset needs an account, a contact, or both/);
    });
});

describe('composite', () => {
    const sub = (i: number): Record<string, unknown> => ({ method: 'GET', url: `${V}/limits`, referenceId: `r${i}` });
    const query = (i: number): Record<string, unknown> => ({
        method: 'GET',
        url: `${V}/query?q=SELECT+Id+FROM+Account`,
        referenceId: `q${i}`
    });

    test('at most 25 subrequests, of which at most 5 collections or queries', async () => {
        const many = await call<{ errorCode: string }[]>('POST', `${V}/composite`, {
            compositeRequest: Array.from({ length: 26 }, (_, i) => sub(i))
        });
        assert.equal(many.status, 400);
        assert.equal(many.body[0].errorCode, 'LIMIT_EXCEEDED');
        const heavy = await call<{ errorCode: string }[]>('POST', `${V}/composite`, {
            compositeRequest: Array.from({ length: 6 }, (_, i) => query(i))
        });
        assert.equal(heavy.status, 400);
        assert.match(JSON.stringify(heavy.body), /at most 5 sObject Collections or query/);
        const fine = await call<{ compositeResponse: { httpStatusCode: number }[] }>('POST', `${V}/composite`, {
            compositeRequest: [
                ...Array.from({ length: 5 }, (_, i) => query(i)),
                ...Array.from({ length: 20 }, (_, i) => sub(i))
            ]
        });
        assert.equal(fine.status, 200);
        assert.equal(fine.body.compositeResponse.length, 25);
        assert.equal(org.stats().byCategory.composite, 3, 'each composite request is one API call');
    });

    test('allOrNone rolls back earlier subrequests when a later one fails', async () => {
        const reply = await call<{ compositeResponse: { httpStatusCode: number }[] }>('POST', `${V}/composite`, {
            allOrNone: true,
            compositeRequest: [
                { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'a', body: { Name: 'kept?' } },
                {
                    method: 'POST',
                    url: `${V}/sobjects/Opportunity`,
                    referenceId: 'o',
                    body: { Name: 'x', AccountId: '@{a.id}' }
                }
            ]
        });
        assert.equal(reply.body.compositeResponse[1].httpStatusCode, 400);
        assert.equal(org.store.count('Account'), 0);
    });
});

describe('Bulk API 2.0 ingest', () => {
    async function waitFor(
        jobId: string
    ): Promise<{ state: string; numberRecordsProcessed: number; numberRecordsFailed: number; errorMessage?: string }> {
        for (let i = 0; i < 100; i++) {
            const info = await call<{ state: string; numberRecordsProcessed: number; numberRecordsFailed: number }>(
                'GET',
                `${V}/jobs/ingest/${jobId}`
            );
            if (['JobComplete', 'Failed', 'Aborted'].includes(info.body.state)) return info.body;
            await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error('job did not finish');
    }

    test('create, upload, UploadComplete, poll, and results with relationship columns', async () => {
        await upsert('Account', [{ External_Id__c: 'AC-1', Name: 'a' }]);
        const job = await call<{ id: string; state: string }>('POST', `${V}/jobs/ingest`, {
            object: 'Opportunity',
            operation: 'upsert',
            externalIdFieldName: 'External_Id__c',
            contentType: 'CSV'
        });
        assert.equal(job.body.state, 'Open');
        const csv = formatCsv([
            ['External_Id__c', 'Name', 'StageName', 'CloseDate', 'Account.External_Id__c'],
            ['OP-1', 'Deal, the first', 'Closed Won', '2026-01-01', 'AC-1'],
            ['OP-2', 'Bad stage', 'Sort of won', '2026-01-01', 'AC-1'],
            ['OP-3', 'Orphan', 'Closed Lost', '2026-01-01', 'NOPE']
        ]);
        assert.equal(
            (await call('PUT', `${V}/jobs/ingest/${job.body.id}/batches`, csv, { 'content-type': 'text/csv' })).status,
            201
        );
        await call('PATCH', `${V}/jobs/ingest/${job.body.id}`, { state: 'UploadComplete' });
        const info = await waitFor(job.body.id);
        assert.equal(info.state, 'JobComplete');
        assert.equal(info.numberRecordsProcessed, 3);
        assert.equal(info.numberRecordsFailed, 2);
        const ok = await call('GET', `${V}/jobs/ingest/${job.body.id}/successfulResults/`);
        assert.match(ok.text, /^sf__Id,sf__Created,External_Id__c/);
        assert.match(ok.text, /OP-1/);
        const failed = await call('GET', `${V}/jobs/ingest/${job.body.id}/failedResults/`);
        assert.match(failed.text, /INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/);
        assert.match(failed.text, /Foreign key external ID: NOPE not found/);
        assert.equal(org.store.all('Opportunity')[0].Name, 'Deal, the first');
    });

    test('a multipart create carries the CSV and closes the job in one call; unknown columns fail the job', async () => {
        const boundary = 'b0undary';
        const body = (object: string, csv: string): string =>
            `--${boundary}\r\nContent-Disposition: form-data; name="job"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ object, operation: 'upsert', externalIdFieldName: 'External_Id__c' })}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="content"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
        const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
        const good = await call<{ id: string; state: string }>(
            'POST',
            `${V}/jobs/ingest`,
            body('Account', 'External_Id__c,Name\nAC-9,Nine\n'),
            headers
        );
        assert.equal(good.body.state, 'UploadComplete', 'the job is closed by its create request');
        assert.equal((await waitFor(good.body.id)).state, 'JobComplete');
        assert.equal(org.store.count('Account'), 1);
        const big = `External_Id__c,Name\n${Array.from({ length: 6000 }, (_, i) => `BIG-${i},Account number ${i}`).join('\n')}\n`;
        assert.ok(big.length > 100_000);
        const tooBig = await call<{ errorCode: string; message: string }[]>(
            'POST',
            `${V}/jobs/ingest`,
            body('Account', big),
            headers
        );
        assert.equal(tooBig.status, 400);
        assert.match(tooBig.body[0].message, /at most 100000 characters of CSV/);
        const bad = await call<{ id: string }>(
            'POST',
            `${V}/jobs/ingest`,
            body('Account', 'External_Id__c,Colour__c\nAC-8,red\n'),
            headers
        );
        const info = await waitFor(bad.body.id);
        assert.equal(info.state, 'Failed');
        assert.match(info.errorMessage ?? '', /Field name not found : Colour__c/);
    });
});

describe('sObject Tree', () => {
    test('creates up to 200 records all-or-none and refuses more', async () => {
        const records = (n: number): unknown[] =>
            Array.from({ length: n }, (_, i) => ({
                attributes: { type: 'Account', referenceId: `ref${i}` },
                Name: `T${i}`
            }));
        const ok = await call<{ hasErrors: boolean; results: { referenceId: string; id: string }[] }>(
            'POST',
            `${V}/composite/tree/Account`,
            { records: records(200) }
        );
        assert.equal(ok.status, 201);
        assert.equal(ok.body.results.length, 200);
        const tooMany = await call('POST', `${V}/composite/tree/Account`, { records: records(201) });
        assert.equal(tooMany.status, 400);
        const broken = await call<{ hasErrors: boolean }>('POST', `${V}/composite/tree/Account`, {
            records: [...records(2), { attributes: { type: 'Account', referenceId: 'x' } }]
        });
        assert.equal(broken.body.hasErrors, true);
        assert.equal(org.store.count('Account'), 200);
    });
});

describe('fault injection', () => {
    test('a rejected record fails with a validation error while the others load', async () => {
        org.injectFault({ kind: 'reject', externalId: 'F-2' });
        const reply = await upsert('Account', [
            { External_Id__c: 'F-1', Name: 'a' },
            { External_Id__c: 'F-2', Name: 'b' }
        ]);
        assert.equal(code(reply, 0), 'OK');
        assert.equal(code(reply, 1), 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
        assert.equal(
            code(await upsert('Account', [{ External_Id__c: 'F-2', Name: 'b' }])),
            'OK',
            'the fault fires once'
        );
    });

    test('a 500 answers without doing the work', async () => {
        org.injectFault({ kind: 'status500', match: { path: '/composite/sobjects' } });
        const reply = await call<{ errorCode: string }[]>('PATCH', `${V}/composite/sobjects/Account/External_Id__c`, {
            records: [{ attributes: { type: 'Account' }, External_Id__c: 'F-1', Name: 'a' }]
        });
        assert.equal(reply.status, 500);
        assert.equal(reply.body[0].errorCode, 'UNKNOWN_EXCEPTION');
        assert.equal(org.store.count('Account'), 0);
    });

    test('a dropped connection before or after the work is done', async () => {
        org.injectFault({ kind: 'drop', match: { method: 'PATCH' } });
        await assert.rejects(upsert('Account', [{ External_Id__c: 'F-1', Name: 'a' }]));
        assert.equal(org.store.count('Account'), 0);
        org.injectFault({ kind: 'drop', match: { method: 'PATCH' }, afterCommit: true });
        await assert.rejects(upsert('Account', [{ External_Id__c: 'F-1', Name: 'a' }]));
        assert.equal(org.store.count('Account'), 1, 'the write happened though the client never heard back');
    });

    test('a fault can let a number of matching requests through first', async () => {
        org.injectFault({ kind: 'status500', match: { method: 'PATCH' }, after: 2 });
        assert.equal(code(await upsert('Account', [{ External_Id__c: 'F-1', Name: 'a' }])), 'OK');
        assert.equal(code(await upsert('Account', [{ External_Id__c: 'F-2', Name: 'b' }])), 'OK');
        const third = await call('PATCH', `${V}/composite/sobjects/Account/External_Id__c`, {
            records: [{ attributes: { type: 'Account' }, External_Id__c: 'F-3', Name: 'c' }]
        });
        assert.equal(third.status, 500);
        assert.equal(code(await upsert('Account', [{ External_Id__c: 'F-3', Name: 'c' }])), 'OK', 'it fires once');
        assert.equal(org.store.count('Account'), 3);
    });
});
