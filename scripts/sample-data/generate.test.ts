import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPanelData, countRecords, generateSampleData, SAMPLE_AS_OF, STORY, type SampleDataSet } from './generate';
import { rankPanel } from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';

const ROOT = join(__dirname, '..', '..');
const OBJECTS = join(ROOT, 'force-app', 'main', 'default', 'objects');
const set = generateSampleData();

/** Picklist values of a field in the project's metadata. */
function picklist(object: string, field: string): Set<string> {
    const xml = readFileSync(join(OBJECTS, object, 'fields', `${field}.field-meta.xml`), 'utf8');
    const values = [...xml.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) =>
        m[1].replace(/&amp;/g, '&')
    );
    assert.ok(values.length > 0, `${object}.${field} has no picklist values`);
    return new Set(values);
}

/** Custom fields the project defines on an object. */
function customFields(object: string): Set<string> {
    const dir = join(OBJECTS, object, 'fields');
    return new Set(existsSync(dir) ? readdirSync(dir).map((file) => file.replace('.field-meta.xml', '')) : []);
}

const OBJECT_OF: Record<string, keyof SampleDataSet> = {
    Offering__c: 'offerings',
    Product2: 'products',
    PricebookEntry: 'pricebookEntries',
    Account: 'accounts',
    Asset: 'assets',
    Opportunity: 'opportunities',
    OpportunityLineItem: 'lineItems',
    Specialist__c: 'specialists',
    Offering_Expertise__c: 'expertise',
    Cross_Sell_Attempt__c: 'attempts',
    Colleague_Connection__c: 'connections'
};

function records(object: string): Record<string, unknown>[] {
    return set[OBJECT_OF[object]] as unknown as Record<string, unknown>[];
}

describe('sample data set', () => {
    it('is the same for the same options and differs for another seed', () => {
        assert.deepEqual(generateSampleData(), set);
        const other = generateSampleData({ seed: 7 });
        assert.notDeepEqual(other.attempts, set.attempts);
        assert.equal(other.offerings.length, 40);
    });

    it('describes a believable firm of the documented size', () => {
        assert.equal(new Set(set.offerings.map((o) => o.Business_Unit__c)).size, 6);
        assert.equal(set.offerings.length, 40);
        assert.ok(set.offerings.filter((o) => o.Complexity__c === 'High').length >= 8);
        assert.ok(set.offerings.some((o) => !o.Active__c));
        assert.equal(set.specialists.length, 60);
        const unlicensed = set.specialists.filter((s) => s.userKey === null).length;
        assert.ok(unlicensed >= 5 && unlicensed <= 20, `${unlicensed} specialists without a licence`);
        assert.ok(set.specialists.some((s) => !s.Active__c));
        assert.equal(set.accounts.length, 200);
        assert.ok(new Set(set.accounts.map((a) => a.Industry)).size >= 12);
        for (const [object, count] of Object.entries(countRecords(set))) assert.ok(count > 0, object);
        const statuses = new Set(set.attempts.map((a) => a.Status__c));
        assert.deepEqual([...statuses].sort(), [
            'Identified',
            'Introduced',
            'Lost',
            'Meeting Held',
            'Not Pursued',
            'Proposal',
            'Won'
        ]);
        assert.ok(set.opportunities.some((o) => o.StageName === 'Closed Lost'));
        assert.ok(set.attempts.some((a) => a.Specialist_Rating__c !== null));
    });

    it('gives every record a unique external id', () => {
        const seen = new Set<string>();
        for (const object of Object.keys(OBJECT_OF)) {
            for (const record of records(object)) {
                const id = record.External_Id__c as string;
                assert.match(id, /^CW-[A-Z]{3}-[0-9-]+$/);
                assert.ok(!seen.has(id), `duplicate ${id}`);
                seen.add(id);
            }
        }
    });

    it('references only records and user handles that exist in the set', () => {
        const ids = new Set(
            Object.keys(OBJECT_OF).flatMap((object) => records(object).map((r) => r.External_Id__c as string))
        );
        const users = new Set(set.users.map((u) => u.key));
        for (const object of Object.keys(OBJECT_OF)) {
            for (const record of records(object)) {
                for (const [key, value] of Object.entries(record)) {
                    if (value && typeof value === 'object') {
                        const target = (value as { External_Id__c: string }).External_Id__c;
                        assert.ok(ids.has(target), `${object}.${key} -> ${target}`);
                    }
                    if (/Key$/.test(key) && value !== null)
                        assert.ok(users.has(value as string), `${object}.${key} ${value}`);
                }
            }
        }
        assert.equal(new Set(set.users.map((u) => u.key)).size, set.users.length);
    });

    it('uses only fields of the data model and values of its picklists', () => {
        for (const object of Object.keys(OBJECT_OF)) {
            const fields = customFields(object);
            for (const record of records(object)) {
                for (const key of Object.keys(record)) {
                    const field = key.endsWith('__r') ? key.replace(/__r$/, '__c') : key;
                    if (field.endsWith('__c'))
                        assert.ok(fields.has(field), `${object}.${field} is not in the data model`);
                }
            }
        }
        const check = (values: (string | null)[], allowed: Set<string>, what: string) => {
            for (const value of values) {
                if (value === null) continue;
                for (const part of value.split(';')) assert.ok(allowed.has(part), `${what}: ${part}`);
            }
        };
        const industries = picklist('Offering__c', 'Target_Industries__c');
        check(
            set.offerings.map((o) => o.Target_Industries__c),
            industries,
            'Target_Industries__c'
        );
        check(
            set.specialists.map((s) => s.Industries__c || null),
            picklist('Specialist__c', 'Industries__c'),
            'Industries__c'
        );
        check(
            set.accounts.map((a) => a.Industry),
            industries,
            'Account.Industry'
        );
        check(
            set.offerings.map((o) => o.Complexity__c),
            picklist('Offering__c', 'Complexity__c'),
            'Complexity__c'
        );
        check(
            set.expertise.map((e) => e.Level__c),
            picklist('Offering_Expertise__c', 'Level__c'),
            'Level__c'
        );
        check(
            set.attempts.map((a) => a.Status__c),
            picklist('Cross_Sell_Attempt__c', 'Status__c'),
            'Status__c'
        );
        check(
            set.attempts.map((a) => a.Outcome_Reason__c),
            picklist('Cross_Sell_Attempt__c', 'Outcome_Reason__c'),
            'Outcome_Reason__c'
        );
        check(
            set.attempts.map((a) => a.Source__c),
            picklist('Cross_Sell_Attempt__c', 'Source__c'),
            'Source__c'
        );
        check(
            set.connections.map((c) => c.Type__c),
            picklist('Colleague_Connection__c', 'Type__c'),
            'Type__c'
        );
        for (const rating of set.attempts.map((a) => a.Specialist_Rating__c)) {
            assert.ok(rating === null || (Number.isInteger(rating) && rating >= 1 && rating <= 5));
        }
    });

    it('keeps attempts consistent: one open attempt per account and offering, closed ones dated, wins booked', () => {
        const open = new Set<string>();
        const opportunities = new Map(set.opportunities.map((o) => [o.External_Id__c, o]));
        const closed = new Set(['Won', 'Lost', 'Not Pursued']);
        for (const attempt of set.attempts) {
            const key = `${attempt.Account__r.External_Id__c}|${attempt.Offering__r.External_Id__c}`;
            if (closed.has(attempt.Status__c)) {
                assert.ok(attempt.Closed_Date__c && attempt.Closed_Date__c <= set.asOf, attempt.External_Id__c);
                assert.ok(attempt.Closed_Date__c >= attempt.createdDate, attempt.External_Id__c);
                assert.equal(attempt.Next_Step__c, null);
            } else {
                assert.ok(!open.has(key), `two open attempts for ${key}`);
                open.add(key);
                assert.equal(attempt.Closed_Date__c, null);
                assert.ok(attempt.Next_Step_Date__c! > set.asOf);
            }
            if (attempt.Status__c === 'Not Pursued') {
                assert.ok(
                    ['Already with competitor', 'Not a fit', 'Bad timing', 'Other'].includes(attempt.Outcome_Reason__c!)
                );
            }
            if (attempt.Status__c === 'Won') {
                const opportunity = opportunities.get(attempt.Opportunity__r!.External_Id__c)!;
                assert.equal(opportunity.StageName, 'Closed Won');
                assert.equal(opportunity.Account.External_Id__c, attempt.Account__r.External_Id__c);
                assert.equal(opportunity.CloseDate, attempt.Closed_Date__c);
            } else {
                assert.equal(attempt.Opportunity__r, null);
            }
            assert.ok(attempt.createdDate <= set.asOf);
        }
    });

    it('prices opportunities from their line items', () => {
        const amounts = new Map<string, number>();
        for (const line of set.lineItems) {
            const id = line.Opportunity.External_Id__c;
            amounts.set(id, (amounts.get(id) ?? 0) + line.Quantity * line.UnitPrice);
        }
        for (const opportunity of set.opportunities)
            assert.equal(opportunity.Amount, amounts.get(opportunity.External_Id__c));
    });

    it('multiplies with --scale and keeps ids unique', () => {
        const scaled = generateSampleData({ scale: 3 });
        assert.equal(scaled.accounts.length, 600);
        assert.equal(scaled.offerings.length, 120);
        assert.equal(scaled.specialists.length, 180);
        assert.ok(scaled.attempts.length > 2.5 * set.attempts.length);
        const ids = scaled.attempts.map((a) => a.External_Id__c);
        assert.equal(new Set(ids).size, ids.length);
        assert.equal(new Set(scaled.offerings.map((o) => o.Name)).size, 120);
        assert.equal(new Set(scaled.accounts.map((a) => a.Name)).size, 600);
    });

    it('moves every date with asOf and rejects bad options with a clear message', () => {
        const later = generateSampleData({ asOf: '2027-11-01' });
        assert.equal(
            later.attempts[0].createdDate.slice(0, 4),
            String(Number(set.attempts[0].createdDate.slice(0, 4)) + 1)
        );
        assert.throws(() => generateSampleData({ scale: 0 }), /scale must be a whole number/);
        assert.throws(() => generateSampleData({ scale: 1.5 }), /scale must be a whole number/);
        assert.throws(() => generateSampleData({ asOf: '01/11/2026' }), /asOf must be a date/);
        assert.throws(() => generateSampleData({ seed: Number('abc') }), /seed must be a whole number/);
    });

    it('has a CLI that prints counts per object and fails clearly on a bad option', () => {
        const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
        const run = spawnSync(tsx, [join(__dirname, 'generate.ts'), '--scale', '1'], { encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Account\s+200$/m);
        assert.match(run.stdout, /^Offering__c\s+40$/m);
        const bad = spawnSync(tsx, [join(__dirname, 'generate.ts'), '--scale'], { encoding: 'utf8' });
        assert.notEqual(bad.status, 0);
        assert.match(bad.stderr, /--scale needs a value/);
    });
});

describe('buildPanelData', () => {
    const data = buildPanelData(set, STORY.harborBank, STORY.alex);

    it('describes the account with external ids, default settings and the given day', () => {
        assert.equal(data.account.id, STORY.harborBank);
        assert.equal(data.account.name, 'Harbor Bank');
        assert.equal(data.account.ownerId, 'rep.alex');
        assert.equal(data.user.id, 'rep.alex');
        assert.equal(data.user.name, 'Alex Morgan');
        assert.equal(data.today, SAMPLE_AS_OF);
        assert.equal(data.settings.lookbackDays, 730);
        assert.ok(data.offerings.every((o) => set.offerings.find((r) => r.External_Id__c === o.id)!.Active__c));
        assert.deepEqual(
            data.offerings.map((o) => o.name),
            [...data.offerings.map((o) => o.name)].sort()
        );
    });

    it('counts holdings from assets and won line items within the lookback only', () => {
        const names = (ids: string[]) => ids.map((id) => data.offerings.find((o) => o.id === id)!.name).sort();
        assert.deepEqual(names([...new Set(data.holdings.map((h) => h.offeringId))]), [
            'Cash Management',
            'Identity & Access',
            'Managed Detection & Response'
        ]);
        assert.ok(data.holdings.some((h) => h.source === 'Asset'));
        assert.ok(data.holdings.some((h) => h.source === 'LineItem'));
    });

    it('measures peer adoption over the whole industry and lists attempts newest first', () => {
        const banks = set.accounts.filter((a) => a.Industry === 'Banking').length;
        assert.ok(data.peerAdoption.every((p) => p.segmentSize === banks && p.buyers <= banks));
        assert.equal(data.peerAdoption.length, data.offerings.length);
        const created = data.attempts.map((a) => a.createdDate);
        assert.deepEqual(created, [...created].sort().reverse());
        assert.ok(data.attempts.some((a) => !a.isClosed));
    });

    it('caps candidates per offering by expertise and counts specialists firm-wide', () => {
        const perOffering = new Map<string, number>();
        for (const row of data.expertise) perOffering.set(row.offeringId, (perOffering.get(row.offeringId) ?? 0) + 1);
        assert.ok([...perOffering.values()].every((n) => n <= 10));
        const marco = data.specialists.find((s) => s.id === STORY.marco)!;
        assert.ok(marco.openIntros >= 2);
        assert.equal(data.specialists.find((s) => s.id === STORY.priya)!.knowsAccount, true);
        const priya = data.specialistStats.find(
            (s) => s.specialistId === STORY.priya && s.offeringId === STORY.treasury
        )!;
        assert.deepEqual([priya.wins, priya.losses, priya.averageRating, priya.ratingCount], [30, 20, 4.5, 20]);
    });

    it('rejects an unknown account with a clear message', () => {
        assert.throws(
            () => buildPanelData(set, 'CW-ACC-9999', 'rep.alex'),
            /No sample account with external id CW-ACC-9999/
        );
    });

    it('is fast enough to call on every preview load', () => {
        const started = process.hrtime.bigint();
        for (const account of set.accounts) rankPanel(buildPanelData(set, account.External_Id__c, account.ownerKey));
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        assert.ok(ms < 4000, `200 panels took ${ms.toFixed(0)} ms`);
    });
});
