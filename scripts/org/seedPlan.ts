/**
 * The seed's plan, without any I/O: the sample data set turned into the records each object should hold (user
 * handles mapped onto real user ids, the Standard Price Book set), compared with what the org already holds, so
 * that only new and changed records are written and a second run writes nothing.
 */
import type { SampleDataSet } from '../sample-data/generate';
import type { SObject } from '../lib/orgApi';

export const EXTERNAL_ID = 'External_Id__c';

/** Objects in load order (parents before children), with the relationship each reference goes through. */
export const LOAD_ORDER: { sobject: string; key: keyof SampleDataSet; refs: Record<string, string> }[] = [
    { sobject: 'Offering__c', key: 'offerings', refs: {} },
    { sobject: 'Account', key: 'accounts', refs: {} },
    { sobject: 'Specialist__c', key: 'specialists', refs: {} },
    { sobject: 'Product2', key: 'products', refs: { Offering__r: 'Offering__c' } },
    { sobject: 'PricebookEntry', key: 'pricebookEntries', refs: { Product2: 'Product2' } },
    {
        sobject: 'Offering_Expertise__c',
        key: 'expertise',
        refs: { Specialist__r: 'Specialist__c', Offering__r: 'Offering__c' }
    },
    { sobject: 'Colleague_Connection__c', key: 'connections', refs: { Specialist__r: 'Specialist__c' } },
    { sobject: 'Asset', key: 'assets', refs: { Account: 'Account', Product2: 'Product2' } },
    { sobject: 'Opportunity', key: 'opportunities', refs: { Account: 'Account' } },
    {
        sobject: 'OpportunityLineItem',
        key: 'lineItems',
        refs: { Opportunity: 'Opportunity', PricebookEntry: 'PricebookEntry' }
    },
    {
        sobject: 'Cross_Sell_Attempt__c',
        key: 'attempts',
        refs: {
            Account__r: 'Account',
            Offering__r: 'Offering__c',
            Specialist__r: 'Specialist__c',
            Opportunity__r: 'Opportunity'
        }
    }
];

/** Sample properties that name a user handle, and the field each one sets. */
const USER_HANDLES: Record<string, string> = { ownerKey: 'OwnerId', repKey: 'Rep__c', userKey: 'User__c' };

/** Fields a real org lets you set on create only: never sent for a record that already exists. */
export const CREATE_ONLY: Record<string, string[]> = {
    PricebookEntry: ['Product2', 'Pricebook2Id'],
    OpportunityLineItem: ['Opportunity', 'PricebookEntry'],
    Offering_Expertise__c: ['Specialist__r', 'Offering__r'],
    Cross_Sell_Attempt__c: ['Account__r']
};

const CLOSED_STATUSES = new Set(['Won', 'Lost', 'Not Pursued']);

export interface DesiredRecord {
    externalId: string;
    /** Field values by API name; references as `{ Rel: extId | null }` in `refs`. */
    fields: Record<string, string | number | boolean | null>;
    refs: Record<string, string | null>;
}

export interface PlanObject {
    sobject: string;
    refs: Record<string, string>;
    records: DesiredRecord[];
}

export interface UserMapping {
    /** handle -> user id (null: leave the field empty) */
    ids: Map<string, string | null>;
}

/** Builds the desired records; throws on sample data that would break an org rule (two open attempts). */
export function buildPlan(set: SampleDataSet, users: UserMapping, standardPricebookId: string): PlanObject[] {
    const plan = LOAD_ORDER.map(({ sobject, key, refs }) => {
        const source = set[key] as unknown as SObject[];
        const records = source.map((raw) => {
            const desired: DesiredRecord = { externalId: String(raw[EXTERNAL_ID]), fields: {}, refs: {} };
            for (const [name, value] of Object.entries(raw)) {
                if (name in USER_HANDLES) {
                    const handle = value as string | null;
                    desired.fields[USER_HANDLES[name]] = handle === null ? null : (users.ids.get(handle) ?? null);
                } else if (name in refs) {
                    desired.refs[name] = value === null ? null : String((value as SObject)[EXTERNAL_ID]);
                } else if (/^[a-z]/.test(name)) {
                    continue; // not a field (e.g. createdDate, which only Set Audit Fields could write)
                } else {
                    desired.fields[name] = value as string | number | boolean | null;
                }
            }
            if (sobject === 'PricebookEntry' || sobject === 'Opportunity')
                desired.fields.Pricebook2Id = standardPricebookId;
            return desired;
        });
        return { sobject, refs, records };
    });
    checkOpenAttempts(plan.find((p) => p.sobject === 'Cross_Sell_Attempt__c')!);
    return plan;
}

/** The org allows one open attempt per account and offering; a sample that breaks that is a bug to stop on. */
function checkOpenAttempts(attempts: PlanObject): void {
    const open = new Map<string, string>();
    for (const record of attempts.records) {
        if (CLOSED_STATUSES.has(String(record.fields.Status__c))) continue;
        const key = `${record.refs.Account__r}:${record.refs.Offering__r}`;
        const other = open.get(key);
        if (other)
            throw new Error(
                `Sample data has two open attempts for one account and offering: ${other} and ${record.externalId}`
            );
        open.set(key, record.externalId);
    }
}

/** The SOQL that reads what the org holds of one object's sample records, with the fields the seed writes. */
export function existingQuery(object: PlanObject): string {
    const fields = new Set<string>(['Id', EXTERNAL_ID]);
    for (const record of object.records) {
        for (const name of Object.keys(record.fields)) fields.add(name);
        for (const rel of Object.keys(record.refs)) fields.add(`${rel}.${EXTERNAL_ID}`);
    }
    return `SELECT ${[...fields].join(', ')} FROM ${object.sobject} WHERE ${EXTERNAL_ID} LIKE '${likePrefix(object.records.map((r) => r.externalId))}%'`;
}

/** The longest common prefix of the external ids, up to and including its last '-' (e.g. `CW-ACC-`). */
export function likePrefix(ids: string[]): string {
    if (!ids.length) return 'CW-';
    let prefix = ids[0];
    for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
    const cut = prefix.lastIndexOf('-');
    return (cut >= 0 ? prefix.slice(0, cut + 1) : prefix).replace(/[%_'\\]/g, (c) => `\\${c}`);
}

function sameValue(a: unknown, b: unknown, field: string): boolean {
    const empty = (v: unknown): boolean => v === null || v === undefined || v === '';
    if (empty(a) || empty(b)) return empty(a) && empty(b);
    if (typeof a === 'number' || typeof b === 'number') return Math.abs(Number(a) - Number(b)) < 1e-9;
    if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
    if (field.endsWith('Id') || field.endsWith('__c')) {
        const sa = String(a);
        const sb = String(b);
        // ids compare on their 15-character form; multi-select values in any order
        if (/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(sa) && /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(sb))
            return sa.slice(0, 15) === sb.slice(0, 15);
        if (sa.includes(';') || sb.includes(';'))
            return sa.split(';').sort().join(';') === sb.split(';').sort().join(';');
    }
    return String(a) === String(b);
}

export interface Write {
    record: DesiredRecord;
    /** True when the record does not exist yet (all fields are sent). */
    isNew: boolean;
    /** The fields and references to send (for an existing record: only what changed). */
    fields: string[];
    refs: string[];
}

export interface ObjectDiff {
    sobject: string;
    writes: Write[];
    unchanged: number;
    /** Records that would need a create-only field changed: reported, not written. */
    conflicts: { externalId: string; message: string }[];
}

/** Compares the desired records with the org's rows (as returned by `existingQuery`). */
export function diffObject(object: PlanObject, rows: SObject[]): ObjectDiff {
    const byExternalId = new Map(rows.map((row) => [String(row[EXTERNAL_ID]).toLowerCase(), row]));
    const createOnly = new Set(CREATE_ONLY[object.sobject] ?? []);
    const diff: ObjectDiff = { sobject: object.sobject, writes: [], unchanged: 0, conflicts: [] };
    for (const record of object.records) {
        const row = byExternalId.get(record.externalId.toLowerCase());
        if (!row) {
            diff.writes.push({
                record,
                isNew: true,
                fields: Object.keys(record.fields).filter((f) => record.fields[f] !== null),
                refs: Object.keys(record.refs).filter((r) => record.refs[r] !== null)
            });
            continue;
        }
        const fields = Object.keys(record.fields).filter((f) => !sameValue(record.fields[f], row[f], f));
        const refs = Object.keys(record.refs).filter((r) => {
            const current = (row[r] as SObject | null | undefined)?.[EXTERNAL_ID] ?? null;
            return !sameValue(record.refs[r], current, r);
        });
        const blocked = [...fields, ...refs].filter((name) => createOnly.has(name));
        if (blocked.length) {
            diff.conflicts.push({
                externalId: record.externalId,
                message: `${blocked.join(', ')} cannot change on an existing ${object.sobject}; run the reset script, then seed again`
            });
            continue;
        }
        if (fields.length || refs.length) diff.writes.push({ record, isNew: false, fields, refs });
        else diff.unchanged++;
    }
    return diff;
}

/** The JSON record for an sObject Collections upsert (null clears a field; references by external id). */
export function toApiRecord(sobject: string, write: Write, refTargets: Record<string, string>): SObject {
    const out: SObject = { attributes: { type: sobject }, [EXTERNAL_ID]: write.record.externalId };
    for (const field of write.fields) out[field] = write.record.fields[field];
    for (const rel of write.refs) {
        const value = write.record.refs[rel];
        if (value === null) out[relationshipToField(rel, refTargets[rel])] = null;
        else out[rel] = { [EXTERNAL_ID]: value };
    }
    return out;
}

/** `Account__r` -> `Account__c`, `Product2` -> `Product2Id`: the field behind a relationship. */
export function relationshipToField(rel: string, _target: string): string {
    return rel.endsWith('__r') ? rel.replace(/__r$/, '__c') : `${rel}Id`;
}

/** The CSV columns and cells of a Bulk API 2.0 upsert (`#N/A` clears a field; empty leaves it alone). */
export function toCsvRows(writes: Write[], refTargets: Record<string, string>): string[][] {
    const fields = new Set<string>();
    const refs = new Set<string>();
    const cleared = new Set<string>();
    for (const write of writes) {
        write.fields.forEach((f) => fields.add(f));
        for (const r of write.refs) (write.record.refs[r] === null ? cleared : refs).add(r);
    }
    fields.delete(EXTERNAL_ID);
    const header = [
        EXTERNAL_ID,
        ...fields,
        ...[...refs].map((r) => `${r}.${EXTERNAL_ID}`),
        ...[...cleared].map((r) => relationshipToField(r, refTargets[r]))
    ];
    const rows = writes.map((write) => [
        write.record.externalId,
        ...[...fields].map((f) => (write.fields.includes(f) ? csvValue(write.record.fields[f]) : '')),
        ...[...refs].map((r) =>
            write.refs.includes(r) && write.record.refs[r] !== null ? String(write.record.refs[r]) : ''
        ),
        ...[...cleared].map((r) => (write.refs.includes(r) && write.record.refs[r] === null ? '#N/A' : ''))
    ]);
    return [header, ...rows];
}

function csvValue(value: string | number | boolean | null): string {
    return value === null ? '#N/A' : String(value);
}

/**
 * A real org refuses a line item whose price book entry (or product) is inactive, yet the sample's history has
 * line items of products since retired. So the entries and products such new line items need are written active
 * first; the returned writes set them inactive again once the line items are in.
 */
export function activateForLineItems(diffs: ObjectDiff[], plan: PlanObject[]): ObjectDiff[] {
    const lineItems = diffs.find((d) => d.sobject === 'OpportunityLineItem');
    const entries = plan.find((p) => p.sobject === 'PricebookEntry');
    const products = plan.find((p) => p.sobject === 'Product2');
    if (!lineItems || !entries || !products) return [];
    const neededEntries = new Set(
        lineItems.writes.filter((w) => w.isNew).map((w) => String(w.record.refs.PricebookEntry).toLowerCase())
    );
    const entryRecords = entries.records.filter((r) => neededEntries.has(r.externalId.toLowerCase()));
    const neededProducts = new Set(entryRecords.map((r) => String(r.refs.Product2).toLowerCase()));
    const finals: ObjectDiff[] = [];
    for (const [object, needed] of [
        [entries, neededEntries],
        [products, neededProducts]
    ] as const) {
        const diff = diffs.find((d) => d.sobject === object.sobject);
        if (!diff) continue;
        const deactivate: Write[] = [];
        for (const record of object.records) {
            if (record.fields.IsActive !== false || !needed.has(record.externalId.toLowerCase())) continue;
            const active: DesiredRecord = { ...record, fields: { ...record.fields, IsActive: true } };
            const index = diff.writes.findIndex((w) => w.record.externalId === record.externalId);
            if (index >= 0) {
                const write = diff.writes[index];
                const fields = write.fields.includes('IsActive') ? write.fields : [...write.fields, 'IsActive'];
                diff.writes[index] = { ...write, record: active, fields };
            } else {
                diff.writes.push({ record: active, isNew: false, fields: ['IsActive'], refs: [] });
                diff.unchanged--;
            }
            deactivate.push({ record, isNew: false, fields: ['IsActive'], refs: [] });
        }
        if (deactivate.length)
            finals.push({ sobject: object.sobject, writes: deactivate, unchanged: 0, conflicts: [] });
    }
    return finals;
}
