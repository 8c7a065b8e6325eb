/** The seed's plan without an org: user mapping, diffs against existing rows, CSV and collection payloads. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../lib/args';
import { generateSampleData } from '../sample-data/generate';
import {
    activateForLineItems,
    buildPlan,
    diffObject,
    existingQuery,
    likePrefix,
    type PlanObject,
    toApiRecord,
    toCsvRows
} from './seedPlan';
import { parseUserMap, resolveUsers } from './userMap';

const set = generateSampleData({ scale: 1 });
const BOOK = '01s5g0000000001AAA';
const RUNNING = '0055g0000000002AAA';
const ids = new Map(set.users.map((u) => [u.key, RUNNING] as [string, string | null]));
const plan = buildPlan(set, { ids }, BOOK);
const byObject = (sobject: string): PlanObject => plan.find((p) => p.sobject === sobject)!;

describe('buildPlan', () => {
    test('parents come before children and every sample record is planned', () => {
        const order = plan.map((p) => p.sobject);
        assert.ok(order.indexOf('Offering__c') < order.indexOf('Product2'));
        assert.ok(order.indexOf('Product2') < order.indexOf('PricebookEntry'));
        assert.ok(order.indexOf('Opportunity') < order.indexOf('OpportunityLineItem'));
        assert.ok(order.indexOf('Opportunity') < order.indexOf('Cross_Sell_Attempt__c'));
        assert.equal(byObject('Account').records.length, set.accounts.length);
        assert.equal(byObject('OpportunityLineItem').records.length, set.lineItems.length);
    });

    test('handles become user fields, non-fields are dropped, the Standard Price Book is set', () => {
        const account = byObject('Account').records[0];
        assert.equal(account.fields.OwnerId, RUNNING);
        assert.equal('ownerKey' in account.fields, false);
        const attempt = byObject('Cross_Sell_Attempt__c').records[0];
        assert.equal(attempt.fields.Rep__c, RUNNING);
        assert.equal('createdDate' in attempt.fields, false);
        assert.equal(attempt.refs.Account__r, set.attempts[0].Account__r.External_Id__c);
        assert.equal(byObject('PricebookEntry').records[0].fields.Pricebook2Id, BOOK);
        assert.equal(byObject('Opportunity').records[0].fields.Pricebook2Id, BOOK);
        const unlicensed = byObject('Specialist__c').records.find((r) => r.fields.User__c === null);
        assert.ok(unlicensed, 'a specialist without a user handle stays without a user');
    });

    test('two open attempts for one account and offering stop the plan', () => {
        const broken = structuredClone(set);
        const open = broken.attempts.find((a) => !['Won', 'Lost', 'Not Pursued'].includes(a.Status__c))!;
        broken.attempts.push({ ...open, External_Id__c: 'CW-ATT-99999' });
        assert.throws(() => buildPlan(broken, { ids }, BOOK), /two open attempts for one account and offering/);
    });

    test('the existing-records query reads the written fields and references by external id', () => {
        const soql = existingQuery(byObject('OpportunityLineItem'));
        assert.match(
            soql,
            /^SELECT Id, External_Id__c, .*Opportunity\.External_Id__c.*PricebookEntry\.External_Id__c FROM OpportunityLineItem WHERE External_Id__c LIKE 'CW-OLI-%'$/
        );
        assert.equal(likePrefix(['CW-ACC-0001', 'CW-ACC-0200']), 'CW-ACC-');
        assert.equal(likePrefix(["A'B-1", "A'B-2"]), "A\\'B-");
    });
});

describe('diffObject', () => {
    const accounts = byObject('Account');
    const row = (i: number, changes: Record<string, unknown> = {}): Record<string, unknown> => ({
        Id: `0015g00000000${String(i).padStart(2, '0')}AAA`,
        ...accounts.records[i].fields,
        External_Id__c: accounts.records[i].externalId,
        ...changes
    });

    test('new, changed and unchanged records; only changed fields are sent', () => {
        const rows = [
            row(0),
            row(1, {
                Name: 'Renamed by someone',
                NumberOfEmployees: String(accounts.records[1].fields.NumberOfEmployees)
            })
        ];
        const diff = diffObject(accounts, rows);
        assert.equal(diff.unchanged, 1);
        assert.equal(diff.writes.filter((w) => w.isNew).length, accounts.records.length - 2);
        const changed = diff.writes.find((w) => !w.isNew)!;
        assert.deepEqual(changed.fields, ['Name']);
        assert.deepEqual(toApiRecord('Account', changed, {}), {
            attributes: { type: 'Account' },
            External_Id__c: accounts.records[1].externalId,
            Name: accounts.records[1].fields.Name
        });
    });

    test('a create-only field that differs is a conflict, not a write', () => {
        const lines = byObject('OpportunityLineItem');
        const first = lines.records[0];
        const diff = diffObject(lines, [
            {
                Id: '00k5g0000000001AAA',
                ...first.fields,
                External_Id__c: first.externalId,
                Opportunity: { External_Id__c: first.refs.Opportunity },
                PricebookEntry: { External_Id__c: 'CW-PBE-OTHER' }
            }
        ]);
        assert.equal(diff.conflicts.length, 1);
        assert.match(diff.conflicts[0].message, /PricebookEntry cannot change on an existing OpportunityLineItem/);
        assert.equal(
            diff.writes.some((w) => w.record.externalId === first.externalId),
            false
        );
    });

    test('CSV rows: relationship columns, empty cells leave a field alone, #N/A clears it', () => {
        const attempts = byObject('Cross_Sell_Attempt__c');
        const record = attempts.records.find((r) => r.refs.Specialist__r !== null)!;
        const rows = toCsvRows(
            [
                { record, isNew: false, fields: ['Next_Step__c'], refs: [] },
                {
                    record: {
                        ...record,
                        fields: { ...record.fields, Next_Step__c: null },
                        refs: { ...record.refs, Specialist__r: null }
                    },
                    isNew: false,
                    fields: ['Next_Step__c'],
                    refs: ['Specialist__r']
                }
            ],
            attempts.refs
        );
        assert.deepEqual(rows[0], ['External_Id__c', 'Next_Step__c', 'Specialist__c']);
        assert.equal(rows[1][2], '');
        assert.equal(rows[2][1], '#N/A');
        assert.equal(rows[2][2], '#N/A');
    });

    test('retired products and their entries are active while new line items load, then inactive again', () => {
        const diffs = plan.map((p) => diffObject(p, []));
        const finals = activateForLineItems(diffs, plan);
        const used = new Set(byObject('OpportunityLineItem').records.map((r) => r.refs.PricebookEntry));
        const entries = byObject('PricebookEntry').records.filter(
            (r) => r.fields.IsActive === false && used.has(r.externalId)
        );
        assert.ok(entries.length > 0, 'the sample has line items of a retired product');
        const finalEntries = finals.find((f) => f.sobject === 'PricebookEntry')!;
        const finalProducts = finals.find((f) => f.sobject === 'Product2')!;
        assert.deepEqual(
            finalEntries.writes.map((w) => w.record.externalId).sort(),
            entries.map((r) => r.externalId).sort()
        );
        assert.deepEqual(
            finalProducts.writes.map((w) => w.record.externalId).sort(),
            [...new Set(entries.map((r) => String(r.refs.Product2)))].sort()
        );
        for (const final of finals) {
            const diff = diffs.find((d) => d.sobject === final.sobject)!;
            for (const write of final.writes) {
                assert.equal(write.record.fields.IsActive, false);
                assert.deepEqual(write.fields, ['IsActive']);
                assert.equal(
                    diff.writes.find((w) => w.record.externalId === write.record.externalId)!.record.fields.IsActive,
                    true
                );
            }
        }
    });
});

describe('user mapping', () => {
    const rows = [
        { Id: RUNNING, Username: 'admin@acme.example', IsActive: true },
        { Id: '0055g0000000003AAA', Username: 'alex@acme.example', IsActive: true },
        { Id: '0055g0000000004AAA', Username: 'gone@acme.example', IsActive: false }
    ];
    const handles = set.users.map((u) => u.key);

    test('pairs and JSON files; malformed pairs are usage errors', () => {
        assert.deepEqual(
            [...parseUserMap('rep.alex=alex@acme.example, rep.sam=sam@acme.example')],
            [
                ['rep.alex', 'alex@acme.example'],
                ['rep.sam', 'sam@acme.example']
            ]
        );
        assert.throws(() => parseUserMap('rep.alex'), UsageError);
        assert.throws(() => parseUserMap('missing-file.json'), /cannot read missing-file.json/);
    });

    test('mapped handles, the running user by default, and specialists left without a user on request', () => {
        const specialists = new Set(set.users.filter((u) => u.role === 'Specialist').map((u) => u.key));
        const resolved = resolveUsers(
            handles,
            'admin@acme.example',
            new Map([['rep.alex', 'alex@acme.example']]),
            rows,
            specialists
        );
        assert.equal(resolved.ids.get('rep.alex'), '0055g0000000003AAA');
        assert.equal(resolved.ids.get('rep.sam'), RUNNING);
        assert.equal(resolved.ids.get([...specialists][0]), null);
        assert.throws(
            () => resolveUsers(handles, 'admin@acme.example', new Map([['rep.alex', 'gone@acme.example']]), rows),
            /gone@acme.example is inactive/
        );
        assert.throws(
            () => resolveUsers(handles, 'admin@acme.example', new Map([['rep.alex', 'who@acme.example']]), rows),
            /no user with username who@acme.example/
        );
        assert.throws(() => resolveUsers(handles, 'nobody@acme.example', new Map(), rows), /running user: no user/);
    });
});
