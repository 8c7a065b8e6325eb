/**
 * The records of the local org and the rules a real org applies when they are written: field types and lengths,
 * required, unique and external id fields, restricted picklists, references (by id or by a parent's external
 * id), create-only fields, and the standard objects' own rules (a standard price before any other price book
 * entry, line items from the opportunity's price book, an asset needs an account or a contact). Writes are
 * all-or-none when asked, with Salesforce's error codes and messages.
 */
import { RecordFailure, type RecordError, type SaveResult, ApiError } from './errors';
import { makeId, normalizeId } from './ids';
import {
    type FieldSchema,
    findField,
    findObject,
    findRelationship,
    type ObjectSchema,
    OPPORTUNITY_STAGES,
    type Schema
} from './schema';
import { compareForOrder, conditionPaths, evaluate, parseSoql, type Query } from './soql';

export type SObject = Record<string, unknown>;

export interface DmlOptions {
    allOrNone: boolean;
    /** Called before each record is saved; throwing a RecordFailure rejects that record (fault injection). */
    beforeSave?: (object: ObjectSchema, record: SObject) => void;
}

const CLOSED_ATTEMPT_STATUSES = new Set(['Won', 'Lost', 'Not Pursued']);

type Undo = () => void;

export class FakeStore {
    private readonly records = new Map<string, Map<string, SObject>>();
    /** object -> unique field -> normalized value -> record id */
    private readonly uniqueIndex = new Map<string, Map<string, Map<string, string>>>();
    private readonly objectByPrefix = new Map<string, ObjectSchema>();
    private serial = 1;
    private undoLog: Undo[] | null = null;
    readonly orgId: string;
    readonly userId: string;
    readonly standardPricebookId: string;

    constructor(
        readonly schema: Schema,
        options: {
            standardPricebookActive?: boolean;
            users?: { username: string; firstName: string; lastName: string; active?: boolean }[];
        } = {}
    ) {
        for (const object of schema.values()) {
            this.records.set(object.name.toLowerCase(), new Map());
            this.objectByPrefix.set(object.keyPrefix, object);
        }
        this.orgId = makeId('00D', 1);
        const profile = this.systemInsert('Profile', { Name: 'System Administrator' });
        const users = options.users ?? [
            { username: 'admin@crossway.example', firstName: 'Ada', lastName: 'Admin' },
            { username: 'rep.two@crossway.example', firstName: 'Ravi', lastName: 'Rep' },
            { username: 'former.rep@crossway.example', firstName: 'Fay', lastName: 'Former', active: false }
        ];
        const ids = users.map((u) =>
            this.systemInsert('User', {
                Username: u.username,
                FirstName: u.firstName,
                LastName: u.lastName,
                Name: `${u.firstName} ${u.lastName}`,
                Email: u.username,
                Alias: u.firstName.slice(0, 8).toLowerCase(),
                IsActive: u.active ?? true,
                UserType: 'Standard',
                ProfileId: profile,
                TimeZoneSidKey: 'Europe/London',
                LocaleSidKey: 'en_GB',
                EmailEncodingKey: 'UTF-8',
                LanguageLocaleKey: 'en_US'
            })
        );
        this.userId = ids[0];
        this.systemInsert('Organization', {
            Id: this.orgId,
            Name: 'Crossway Local Org',
            OrganizationType: 'Developer Edition',
            IsSandbox: false,
            InstanceName: 'LOCAL'
        });
        this.standardPricebookId = this.systemInsert('Pricebook2', {
            Name: 'Standard Price Book',
            IsStandard: true,
            // A fresh org's Standard Price Book may be inactive.
            IsActive: options.standardPricebookActive ?? false
        });
    }

    /** Inserts a record without validation (org set-up: users, the standard price book). */
    systemInsert(objectName: string, values: SObject): string {
        const object = this.object(objectName);
        const id = (values.Id as string | undefined) ?? this.newId(object);
        const now = new Date().toISOString().replace('Z', '+0000');
        const record: SObject = {};
        for (const field of object.fields.values()) record[field.name] = field.defaultValue ?? null;
        Object.assign(record, values, {
            Id: id,
            CreatedDate: now,
            LastModifiedDate: now,
            SystemModstamp: now,
            IsDeleted: false
        });
        if (findField(object, 'OwnerId') && !record.OwnerId) record.OwnerId = this.userId ?? null;
        this.table(object).set(id, record);
        this.indexRecord(object, record);
        return id;
    }

    object(name: string): ObjectSchema {
        const object = findObject(this.schema, name);
        if (!object) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        return object;
    }

    table(object: ObjectSchema): Map<string, SObject> {
        return this.records.get(object.name.toLowerCase())!;
    }

    count(objectName: string): number {
        return this.table(this.object(objectName)).size;
    }

    all(objectName: string): SObject[] {
        return [...this.table(this.object(objectName)).values()];
    }

    /** The record with this id in any object, and its object. */
    find(id: string): { object: ObjectSchema; record: SObject } | undefined {
        const normalized = normalizeId(id);
        if (!normalized) return undefined;
        const object = this.objectByPrefix.get(normalized.slice(0, 3));
        const record = object ? this.table(object).get(normalized) : undefined;
        return object && record ? { object, record } : undefined;
    }

    private newId(object: ObjectSchema): string {
        return makeId(object.keyPrefix, this.serial++);
    }

    private uniqueFields(object: ObjectSchema): FieldSchema[] {
        return [...object.fields.values()].filter((f) => f.unique || f.externalId);
    }

    private indexKey(field: FieldSchema, value: unknown): string | null {
        if (value === null || value === undefined || value === '') return null;
        return field.caseSensitive ? String(value) : String(value).toLowerCase();
    }

    private index(object: ObjectSchema, field: FieldSchema): Map<string, string> {
        let byField = this.uniqueIndex.get(object.name.toLowerCase());
        if (!byField) this.uniqueIndex.set(object.name.toLowerCase(), (byField = new Map()));
        let byValue = byField.get(field.name.toLowerCase());
        if (!byValue) byField.set(field.name.toLowerCase(), (byValue = new Map()));
        return byValue;
    }

    private indexRecord(object: ObjectSchema, record: SObject, remove = false): void {
        for (const field of this.uniqueFields(object)) {
            const key = this.indexKey(field, record[field.name]);
            if (key === null) continue;
            if (remove) this.index(object, field).delete(key);
            else this.index(object, field).set(key, record.Id as string);
        }
    }

    /** The id of the record whose (unique or external id) field has this value. */
    findBy(object: ObjectSchema, field: FieldSchema, value: unknown): string | undefined {
        const key = this.indexKey(field, value);
        if (key === null) return undefined;
        if (field.unique || field.externalId) return this.index(object, field).get(key);
        for (const record of this.table(object).values()) {
            if (this.indexKey(field, record[field.name]) === key) return record.Id as string;
        }
        return undefined;
    }

    // ---- writes ------------------------------------------------------------------------------------------

    /** Starts a unit of work that can be rolled back as a whole (an all-or-none composite request). */
    beginTransaction(): { commit: () => void; rollback: () => void } {
        const outer = this.undoLog;
        const log: Undo[] = [];
        this.undoLog = log;
        return {
            commit: () => {
                this.undoLog = outer;
                outer?.push(...log);
            },
            rollback: () => {
                this.undoLog = outer;
                log.reverse().forEach((undo) => undo());
            }
        };
    }

    private commit(object: ObjectSchema, before: SObject | undefined, after: SObject): void {
        const table = this.table(object);
        if (before) this.indexRecord(object, before, true);
        table.set(after.Id as string, after);
        this.indexRecord(object, after);
        this.undoLog?.push(() => {
            this.indexRecord(object, after, true);
            if (before) {
                table.set(before.Id as string, before);
                this.indexRecord(object, before);
            } else {
                table.delete(after.Id as string);
            }
        });
    }

    private remove(object: ObjectSchema, record: SObject): void {
        const table = this.table(object);
        table.delete(record.Id as string);
        this.indexRecord(object, record, true);
        this.undoLog?.push(() => {
            table.set(record.Id as string, record);
            this.indexRecord(object, record);
        });
    }

    /** Runs `work` per record, undoing everything when allOrNone and any record failed. */
    private batch<T>(items: T[], allOrNone: boolean, work: (item: T) => SaveResult): SaveResult[] {
        const outer = this.undoLog;
        const log: Undo[] = [];
        this.undoLog = log;
        let results: SaveResult[];
        try {
            results = items.map((item) => {
                const mark = log.length;
                try {
                    return work(item);
                } catch (error) {
                    // a record that fails leaves nothing behind, even when others in the call succeed
                    log.splice(mark)
                        .reverse()
                        .forEach((undo) => undo());
                    if (error instanceof RecordFailure) return { id: null, success: false, errors: [error.toError()] };
                    throw error;
                }
            });
        } finally {
            this.undoLog = outer;
        }
        if (allOrNone && results.some((r) => !r.success)) {
            log.reverse().forEach((undo) => undo());
            return results.map((r) =>
                r.success
                    ? {
                          id: null,
                          success: false,
                          errors: [
                              {
                                  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                                  message:
                                      'Record rolled back because not all records were valid and the request was using AllOrNone header',
                                  fields: []
                              }
                          ]
                      }
                    : r
            );
        }
        outer?.push(...log);
        return results;
    }

    insert(objectName: string, records: SObject[], options: DmlOptions): SaveResult[] {
        const object = this.object(objectName);
        return this.batch(records, options.allOrNone, (record) => {
            if (record.Id !== undefined && record.Id !== null)
                throw new RecordFailure('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', [
                    'Id'
                ]);
            options.beforeSave?.(object, record);
            return this.save(object, record, undefined);
        });
    }

    update(objectName: string, records: SObject[], options: DmlOptions): SaveResult[] {
        const object = this.object(objectName);
        return this.batch(records, options.allOrNone, (record) => {
            const id = normalizeId(record.Id);
            if (!id)
                throw new RecordFailure(
                    'MALFORMED_ID',
                    `${object.label} ID: id value of incorrect type: ${String(record.Id)}`,
                    ['Id']
                );
            const existing = this.table(object).get(id);
            if (!existing) throw new RecordFailure('ENTITY_IS_DELETED', 'entity is deleted', []);
            options.beforeSave?.(object, record);
            return this.save(object, record, existing);
        });
    }

    upsert(objectName: string, externalIdField: string, records: SObject[], options: DmlOptions): SaveResult[] {
        const object = this.object(objectName);
        const extField = findField(object, externalIdField);
        if (!extField || !(extField.externalId || extField.name === 'Id')) {
            throw new ApiError(
                404,
                'NOT_FOUND',
                `Provided external ID field does not exist or is not accessible: ${externalIdField}`
            );
        }
        // the same external id twice in one call fails for every record that carries it
        const seen = new Map<string, number>();
        for (const record of records) {
            const key = this.indexKey(extField, this.valueOf(record, extField.name));
            if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
        }
        return this.batch(records, options.allOrNone, (record) => {
            const value = this.valueOf(record, extField.name);
            const key = this.indexKey(extField, value);
            if (key === null)
                throw new RecordFailure('MISSING_ARGUMENT', `${extField.name} not specified`, [extField.name]);
            if ((seen.get(key) ?? 0) > 1)
                throw new RecordFailure('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(value)}`, [
                    extField.name
                ]);
            options.beforeSave?.(object, record);
            const existingId = extField.name === 'Id' ? normalizeId(value) : this.findBy(object, extField, value);
            const existing = existingId ? this.table(object).get(existingId) : undefined;
            if (extField.name === 'Id' && !existing) throw new RecordFailure('ENTITY_IS_DELETED', 'entity is deleted');
            const result = this.save(object, record, existing);
            return { ...result, created: !existing };
        });
    }

    delete(ids: string[], options: DmlOptions): SaveResult[] {
        return this.batch(ids, options.allOrNone, (rawId) => {
            const found = this.find(rawId);
            if (!found) throw new RecordFailure('ENTITY_IS_DELETED', 'entity is deleted');
            if (!found.object.deletable || found.record.IsStandard === true) {
                throw new RecordFailure('DELETE_FAILED', `You can't delete this ${found.object.label}.`);
            }
            this.cascadeDelete(found.object, found.record, new Set());
            return { id: found.record.Id as string, success: true, errors: [] };
        });
    }

    private cascadeDelete(object: ObjectSchema, record: SObject, visiting: Set<string>): void {
        const id = record.Id as string;
        if (visiting.has(id)) return;
        visiting.add(id);
        if (object.name === 'PricebookEntry' && this.isStandardBook(record.Pricebook2Id)) {
            const others = this.all('PricebookEntry').filter((e) => e.Product2Id === record.Product2Id && e.Id !== id);
            if (others.length) {
                throw new RecordFailure(
                    'DELETE_FAILED',
                    'Your attempt to delete the standard price could not be completed because the product has entries in other price books. Delete those first.'
                );
            }
        }
        for (const other of this.schema.values()) {
            for (const field of other.fields.values()) {
                if (field.type !== 'reference' || !field.referenceTo.includes(object.name) || !field.createable)
                    continue;
                for (const child of [...this.table(other).values()]) {
                    if (child[field.name] !== id || !this.table(other).has(child.Id as string)) continue;
                    if (field.deleteRule === 'cascade') {
                        this.cascadeDelete(other, child, visiting);
                    } else if (field.deleteRule === 'restrict') {
                        throw new RecordFailure(
                            'DELETE_FAILED',
                            `Your attempt to delete ${String(record.Name ?? id)} could not be completed because it is associated with the following ${other.labelPlural}: ${String(child.Name ?? child.Id)}`
                        );
                    } else if (field.nillable) {
                        this.commit(other, child, { ...child, [field.name]: null });
                    }
                }
            }
        }
        this.remove(object, record);
    }

    private valueOf(record: SObject, fieldName: string): unknown {
        const lower = fieldName.toLowerCase();
        for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === lower) return value;
        return undefined;
    }

    private isStandardBook(id: unknown): boolean {
        return typeof id === 'string' && id === this.standardPricebookId;
    }

    /** Validates and saves one record (insert when `existing` is undefined). */
    private save(object: ObjectSchema, input: SObject, existing: SObject | undefined): SaveResult {
        if (!existing && !object.createable)
            throw new RecordFailure('INVALID_TYPE_FOR_OPERATION', `entity type ${object.name} does not support insert`);
        const changes: SObject = {};
        const notWritable: string[] = [];
        for (const [key, raw] of Object.entries(input)) {
            if (key === 'attributes') continue;
            const field = findField(object, key);
            if (field) {
                if (field.name === 'Id') continue;
                if (existing ? !field.updateable : !field.createable) {
                    notWritable.push(field.name);
                    continue;
                }
                changes[field.name] = this.convert(object, field, raw);
                continue;
            }
            const relationship = findRelationship(object, key);
            if (relationship && raw !== null && typeof raw === 'object') {
                if (existing ? !relationship.updateable : !relationship.createable) {
                    notWritable.push(relationship.name);
                    continue;
                }
                changes[relationship.name] = this.resolveExternalReference(relationship, raw as SObject);
                continue;
            }
            throw new RecordFailure('INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [
                key
            ]);
        }
        if (notWritable.length) {
            throw new RecordFailure(
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                notWritable
            );
        }
        const now = new Date().toISOString().replace('Z', '+0000');
        let record: SObject;
        if (existing) {
            record = {
                ...existing,
                ...changes,
                LastModifiedDate: now,
                SystemModstamp: now,
                LastModifiedById: this.userId
            };
        } else {
            record = {};
            for (const field of object.fields.values()) record[field.name] = field.defaultValue ?? null;
            const id = this.newId(object);
            Object.assign(record, changes, {
                Id: id,
                IsDeleted: false,
                CreatedDate: now,
                CreatedById: this.userId,
                LastModifiedDate: now,
                LastModifiedById: this.userId,
                SystemModstamp: now
            });
            if (findField(object, 'OwnerId') && !record.OwnerId) record.OwnerId = this.userId;
            if (object.custom && findField(object, 'Name')?.createable && !record.Name) record.Name = id;
        }
        this.applyObjectRules(object, record, existing, changes);
        const missing = [...object.fields.values()]
            .filter(
                (f) => f.required && (record[f.name] === null || record[f.name] === undefined || record[f.name] === '')
            )
            .map((f) => f.name);
        if (missing.length)
            throw new RecordFailure(
                'REQUIRED_FIELD_MISSING',
                `Required fields are missing: [${missing.join(', ')}]`,
                missing
            );
        for (const field of this.uniqueFields(object)) {
            const otherId = this.findBy(object, field, record[field.name]);
            if (otherId && otherId !== record.Id) {
                throw new RecordFailure(
                    'DUPLICATE_VALUE',
                    `duplicate value found: ${field.name} duplicates value on record with id: ${otherId}`,
                    [field.name]
                );
            }
        }
        this.commit(object, existing, record);
        return { id: record.Id as string, success: true, errors: [] };
    }

    private resolveExternalReference(field: FieldSchema, ref: SObject): string {
        const entries = Object.entries(ref).filter(([k]) => k !== 'attributes');
        const target = findObject(this.schema, field.referenceTo[0]);
        if (entries.length !== 1 || !target) {
            throw new RecordFailure(
                'INVALID_FIELD',
                `A foreign key reference for ${field.relationshipName} must name exactly one external id field`,
                [field.name]
            );
        }
        const [fieldName, value] = entries[0];
        const refField = findField(target, fieldName);
        if (!refField || !(refField.externalId || refField.name === 'Id')) {
            throw new RecordFailure(
                'INVALID_FIELD',
                `Field name provided, ${fieldName} is not an External ID or indexed field for ${target.name}`,
                [field.name]
            );
        }
        const id = refField.name === 'Id' ? normalizeId(value) : this.findBy(target, refField, value);
        if (!id || !this.table(target).has(id)) {
            throw new RecordFailure(
                'INVALID_FIELD',
                `Foreign key external ID: ${String(value)} not found for field ${refField.name} in entity ${target.name}`,
                [field.name]
            );
        }
        return id;
    }

    /** Converts an API value to the stored form, enforcing the field's type, length and picklist. */
    private convert(object: ObjectSchema, field: FieldSchema, raw: unknown): unknown {
        if (raw === null || raw === undefined || raw === '') {
            if (field.type === 'boolean') return false;
            return null;
        }
        const bad = (): RecordFailure =>
            new RecordFailure(
                'INVALID_TYPE_ON_FIELD_IN_RECORD',
                `${field.label}: value not of required type: ${String(raw)}`,
                [field.name]
            );
        switch (field.type) {
            case 'boolean':
                if (typeof raw === 'boolean') return raw;
                if (raw === 'true' || raw === 'false') return raw === 'true';
                throw bad();
            case 'double':
            case 'currency':
            case 'percent':
            case 'int': {
                const n =
                    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
                if (!Number.isFinite(n) || (field.type === 'int' && !Number.isInteger(n))) throw bad();
                return n;
            }
            case 'date':
                if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw)))
                    throw bad();
                return raw;
            case 'datetime':
                if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw bad();
                return new Date(raw).toISOString().replace('Z', '+0000');
            case 'reference': {
                const id = normalizeId(raw);
                if (!id)
                    throw new RecordFailure(
                        'MALFORMED_ID',
                        `${field.label}: id value of incorrect type: ${String(raw)}`,
                        [field.name]
                    );
                const found = this.find(id);
                if (!found || !field.referenceTo.includes(found.object.name)) {
                    throw new RecordFailure('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
                }
                if (field.name === 'OwnerId' && found.record.IsActive === false) {
                    throw new RecordFailure(
                        'INACTIVE_OWNER_OR_USER',
                        `operation performed with inactive user [${id}] as owner of ${object.name.toLowerCase()}`,
                        [field.name]
                    );
                }
                return id;
            }
            case 'picklist':
            case 'multipicklist': {
                const text = String(raw);
                const values = field.type === 'multipicklist' ? text.split(';') : [text];
                if (field.restrictedPicklist) {
                    for (const value of values) {
                        if (!field.picklistValues.includes(value)) {
                            throw new RecordFailure(
                                'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                                `${field.label}: bad value for restricted picklist field: ${value}`,
                                [field.name]
                            );
                        }
                    }
                }
                return text;
            }
            default: {
                if (typeof raw === 'object') throw bad();
                const text = String(raw);
                if (field.length && text.length > field.length) {
                    throw new RecordFailure(
                        'STRING_TOO_LONG',
                        `${field.label}: data value too large: ${text.slice(0, 40)} (max length=${field.length})`,
                        [field.name]
                    );
                }
                if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) {
                    throw new RecordFailure('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [
                        field.name
                    ]);
                }
                return text;
            }
        }
    }

    /** The standard objects' own rules, and the Cross_Sell_Attempt__c trigger's open-attempt key. */
    private applyObjectRules(
        object: ObjectSchema,
        record: SObject,
        existing: SObject | undefined,
        changes: SObject
    ): void {
        switch (object.name) {
            case 'PricebookEntry': {
                const product = this.find(record.Product2Id as string)?.record;
                record.Name = product?.Name ?? null;
                record.ProductCode = product?.ProductCode ?? null;
                if (!existing) {
                    const standard = this.isStandardBook(record.Pricebook2Id);
                    const entries = this.all('PricebookEntry');
                    if (
                        !standard &&
                        !entries.some((e) => e.Product2Id === record.Product2Id && this.isStandardBook(e.Pricebook2Id))
                    ) {
                        throw new RecordFailure(
                            'STANDARD_PRICE_NOT_DEFINED',
                            'No standard price defined for this product',
                            []
                        );
                    }
                    if (
                        entries.some(
                            (e) => e.Product2Id === record.Product2Id && e.Pricebook2Id === record.Pricebook2Id
                        )
                    ) {
                        throw new RecordFailure(
                            'DUPLICATE_VALUE',
                            'This price definition already exists in this price book',
                            []
                        );
                    }
                    if (standard && record.UseStandardPrice === true) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: UseStandardPrice (standard price book entries cannot use the standard price)',
                            ['UseStandardPrice']
                        );
                    }
                }
                break;
            }
            case 'Opportunity': {
                const stage = OPPORTUNITY_STAGES.find((s) => s.name === record.StageName);
                record.IsClosed = stage?.closed ?? false;
                record.IsWon = stage?.won ?? false;
                if (changes.Probability === undefined && (!existing || changes.StageName !== undefined))
                    record.Probability = stage?.probability ?? null;
                if (changes.Pricebook2Id !== undefined && record.Pricebook2Id) {
                    const book = this.find(record.Pricebook2Id as string)?.record;
                    if (book?.IsActive !== true) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: Pricebook2Id (pricebook is not active)',
                            ['Pricebook2Id']
                        );
                    }
                }
                if (existing && changes.Pricebook2Id !== undefined && changes.Pricebook2Id !== existing.Pricebook2Id) {
                    if (this.all('OpportunityLineItem').some((l) => l.OpportunityId === record.Id)) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: Pricebook2Id (cannot change the price book of an opportunity with line items)',
                            ['Pricebook2Id']
                        );
                    }
                }
                break;
            }
            case 'OpportunityLineItem': {
                if (existing) {
                    if (
                        changes.UnitPrice !== undefined &&
                        changes.TotalPrice !== undefined &&
                        changes.UnitPrice !== null &&
                        changes.TotalPrice !== null
                    ) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: TotalPrice (you cannot specify both unit price and total price)',
                            ['TotalPrice']
                        );
                    }
                } else {
                    const opportunity = this.find(record.OpportunityId as string)?.record;
                    let entry = record.PricebookEntryId
                        ? this.find(record.PricebookEntryId as string)?.record
                        : undefined;
                    if (!entry && record.Product2Id && opportunity?.Pricebook2Id) {
                        entry = this.all('PricebookEntry').find(
                            (e) => e.Product2Id === record.Product2Id && e.Pricebook2Id === opportunity.Pricebook2Id
                        );
                    }
                    if (!entry)
                        throw new RecordFailure(
                            'REQUIRED_FIELD_MISSING',
                            'Required fields are missing: [PricebookEntryId]',
                            ['PricebookEntryId']
                        );
                    if (!opportunity || entry.Pricebook2Id !== opportunity.Pricebook2Id) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the opportunity)',
                            ['PricebookEntryId']
                        );
                    }
                    if (entry.IsActive !== true) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: PricebookEntryId (pricebook entry is inactive)',
                            ['PricebookEntryId']
                        );
                    }
                    if (this.find(entry.Product2Id as string)?.record.IsActive !== true) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: PricebookEntryId (the product is inactive)',
                            ['PricebookEntryId']
                        );
                    }
                    if (record.UnitPrice !== null && record.TotalPrice !== null) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: TotalPrice (you cannot specify both unit price and total price)',
                            ['TotalPrice']
                        );
                    }
                    if (record.UnitPrice === null && record.TotalPrice === null) {
                        throw new RecordFailure(
                            'FIELD_INTEGRITY_EXCEPTION',
                            'field integrity exception: TotalPrice (total price must be specified)',
                            ['TotalPrice']
                        );
                    }
                    record.PricebookEntryId = entry.Id;
                    record.Product2Id = entry.Product2Id;
                    record.ListPrice = entry.UnitPrice;
                    record.Name = `${String(opportunity.Name)} ${String(entry.Name)}`;
                }
                const quantity = Number(record.Quantity);
                if (changes.TotalPrice !== undefined && changes.TotalPrice !== null)
                    record.UnitPrice = Number(changes.TotalPrice) / quantity;
                else record.TotalPrice = Number(record.UnitPrice) * quantity;
                break;
            }
            case 'PermissionSetAssignment':
                if (
                    this.all('PermissionSetAssignment').some(
                        (a) =>
                            a.AssigneeId === record.AssigneeId &&
                            a.PermissionSetId === record.PermissionSetId &&
                            a.Id !== record.Id
                    )
                ) {
                    throw new RecordFailure(
                        'DUPLICATE_VALUE',
                        'Duplicate PermissionSetAssignment. Assignee: ' +
                            String(record.AssigneeId) +
                            '; Permission Set: ' +
                            String(record.PermissionSetId),
                        []
                    );
                }
                break;
            case 'Asset':
                if (!record.AccountId && !record.ContactId) {
                    throw new RecordFailure(
                        'FIELD_INTEGRITY_EXCEPTION',
                        'Every asset needs an account, a contact, or both.',
                        ['AccountId', 'ContactId']
                    );
                }
                break;
            case 'Cross_Sell_Attempt__c': {
                // emulates the org's attempt trigger: status dates (given dates kept on insert), and one open
                // attempt per account and offering through the unique key it fills
                const today = new Date().toISOString().slice(0, 10);
                const closed = CLOSED_ATTEMPT_STATUSES.has(String(record.Status__c ?? ''));
                if (findField(object, 'Status_Changed_Date__c') && findField(object, 'Closed_Date__c')) {
                    if (!existing) {
                        record.Status_Changed_Date__c ??= today;
                        record.Closed_Date__c = closed ? (record.Closed_Date__c ?? today) : null;
                    } else if (existing.Status__c !== record.Status__c) {
                        record.Status_Changed_Date__c = today;
                        const wasClosed = CLOSED_ATTEMPT_STATUSES.has(String(existing.Status__c ?? ''));
                        if (closed && !wasClosed) record.Closed_Date__c = today;
                        else if (!closed) record.Closed_Date__c = null;
                    }
                }
                if (findField(object, 'Open_Attempt_Key__c')) {
                    const open = !CLOSED_ATTEMPT_STATUSES.has(String(record.Status__c ?? ''));
                    record.Open_Attempt_Key__c =
                        open && record.Account__c && record.Offering__c
                            ? `${String(record.Account__c)}:${String(record.Offering__c)}`
                            : null;
                }
                break;
            }
        }
    }

    // ---- queries -----------------------------------------------------------------------------------------

    /** Runs a SOQL query; returns all matching rows (the server pages them). */
    query(soql: string): { rows: SObject[]; count: boolean; total: number } {
        const query = parseSoql(soql);
        const object = findObject(this.schema, query.from);
        if (!object) {
            throw new ApiError(
                400,
                'INVALID_TYPE',
                `sObject type '${query.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        const paths = [...query.fields, ...conditionPaths(query.where), ...query.orderBy.map((o) => o.path)];
        for (const path of paths) this.resolvePath(object, path);
        let rows = [...this.table(object).values()];
        if (query.where) {
            const where = query.where;
            rows = rows.filter((record) => evaluate(where, (path) => this.readPath(object, record, path)));
        }
        if (query.orderBy.length) {
            rows.sort((a, b) => {
                for (const order of query.orderBy) {
                    const diff = compareForOrder(
                        this.readPath(object, a, order.path),
                        this.readPath(object, b, order.path),
                        order
                    );
                    if (diff) return diff;
                }
                return 0;
            });
        }
        rows = rows.slice(query.offset, query.limit === null ? undefined : query.offset + query.limit);
        if (query.count) return { rows: [], count: true, total: rows.length };
        return { rows: rows.map((record) => this.project(object, record, query)), count: false, total: rows.length };
    }

    /** Checks that a field path exists, throwing INVALID_FIELD as a real org does. */
    private resolvePath(object: ObjectSchema, path: string): void {
        const parts = path.split('.');
        let current = object;
        for (let i = 0; i < parts.length - 1; i++) {
            const relationship = findRelationship(current, parts[i]);
            const target = relationship && findObject(this.schema, relationship.referenceTo[0]);
            if (!relationship || !target) {
                throw new ApiError(
                    400,
                    'INVALID_FIELD',
                    `Didn't understand relationship '${parts[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
                );
            }
            current = target;
        }
        if (!findField(current, parts[parts.length - 1])) {
            throw new ApiError(
                400,
                'INVALID_FIELD',
                `No such column '${parts[parts.length - 1]}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
            );
        }
    }

    private readPath(object: ObjectSchema, record: SObject | undefined, path: string): unknown {
        const parts = path.split('.');
        let current: SObject | undefined = record;
        let currentObject = object;
        for (let i = 0; i < parts.length - 1 && current; i++) {
            const relationship = findRelationship(currentObject, parts[i])!;
            currentObject = findObject(this.schema, relationship.referenceTo[0])!;
            const id = current[relationship.name];
            current = typeof id === 'string' ? this.table(currentObject).get(id) : undefined;
        }
        if (!current) return null;
        return current[findField(currentObject, parts[parts.length - 1])!.name] ?? null;
    }

    private attributes(object: ObjectSchema, id: unknown): { type: string; url: string } {
        return { type: object.name, url: `/services/data/v65.0/sobjects/${object.name}/${String(id)}` };
    }

    private project(object: ObjectSchema, record: SObject, query: Query): SObject {
        const out: SObject = { attributes: this.attributes(object, record.Id) };
        for (const path of query.fields) {
            const parts = path.split('.');
            let target = out;
            let currentObject = object;
            let current: SObject | undefined = record;
            for (let i = 0; i < parts.length - 1; i++) {
                const relationship = findRelationship(currentObject, parts[i])!;
                currentObject = findObject(this.schema, relationship.referenceTo[0])!;
                const id: unknown = current?.[relationship.name];
                current = typeof id === 'string' ? this.table(currentObject).get(id) : undefined;
                const key = relationship.relationshipName!;
                if (!current) {
                    target[key] = null;
                    break;
                }
                if (!target[key]) target[key] = { attributes: this.attributes(currentObject, current.Id) };
                target = target[key] as SObject;
            }
            if (current) {
                const field = findField(currentObject, parts[parts.length - 1])!;
                target[field.name] = current[field.name] ?? null;
            }
        }
        return out;
    }

    /** A read of one record by id (for `GET /sobjects/Type/Id`). */
    get(objectName: string, id: string): SObject {
        const object = this.object(objectName);
        const record = this.table(object).get(normalizeId(id) ?? '');
        if (!record) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        return { attributes: this.attributes(object, record.Id), ...record };
    }

    /** Errors with only the first message, for places that show one line. */
    static firstError(result: SaveResult): RecordError | undefined {
        return result.errors[0];
    }
}
