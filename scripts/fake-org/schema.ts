/**
 * Object schemas for the local Salesforce API: a built-in description of the standard objects the scripts use
 * (with their real required fields and standard picklists) merged with the project's own object metadata under
 * force-app (custom objects and custom fields on standard objects), so the server rejects what a real org would.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STANDARD_PICKLIST_VALUES } from '../checks/metadata/core/standardObjects';
import { child, childrenNamed, childText, parseXml } from './xml';

export type FieldType =
    | 'id'
    | 'string'
    | 'textarea'
    | 'double'
    | 'currency'
    | 'percent'
    | 'int'
    | 'boolean'
    | 'date'
    | 'datetime'
    | 'email'
    | 'phone'
    | 'url'
    | 'picklist'
    | 'multipicklist'
    | 'reference';

export interface FieldSchema {
    name: string;
    label: string;
    type: FieldType;
    length: number;
    /** A value must be given on create (describe: nillable false, not defaulted on create). */
    required: boolean;
    nillable: boolean;
    unique: boolean;
    externalId: boolean;
    caseSensitive: boolean;
    createable: boolean;
    updateable: boolean;
    calculated: boolean;
    picklistValues: string[];
    restrictedPicklist: boolean;
    referenceTo: string[];
    relationshipName: string | null;
    /** The parent's name for its list of these records (custom fields: from metadata). */
    childRelationshipName: string | null;
    masterDetail: boolean;
    /** What deleting the referenced record does to this record. */
    deleteRule: 'cascade' | 'restrict' | 'setNull';
    defaultValue: string | number | boolean | null;
}

export interface ObjectSchema {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    custom: boolean;
    /** Fields by lower-case API name. */
    fields: Map<string, FieldSchema>;
    createable: boolean;
    deletable: boolean;
}

export type Schema = Map<string, ObjectSchema>;

/** Looks up an object by API name, ignoring case as the API does. */
export function findObject(schema: Schema, name: string): ObjectSchema | undefined {
    return schema.get(name.toLowerCase());
}

export function findField(object: ObjectSchema, name: string): FieldSchema | undefined {
    return object.fields.get(name.toLowerCase());
}

/** The field whose relationship name is `name` (e.g. `Account__r` or `Account`), if any. */
export function findRelationship(object: ObjectSchema, name: string): FieldSchema | undefined {
    const lower = name.toLowerCase();
    for (const field of object.fields.values()) {
        if (field.relationshipName && field.relationshipName.toLowerCase() === lower) return field;
    }
    return undefined;
}

type FieldSpec = Partial<FieldSchema> & { type: FieldType };

function field(name: string, spec: FieldSpec): FieldSchema {
    const calculated = spec.calculated ?? false;
    const required = spec.required ?? false;
    return {
        name,
        label: spec.label ?? name.replace(/__c$/, '').replace(/_/g, ' '),
        length: spec.length ?? (spec.type === 'string' || spec.type === 'textarea' ? 255 : 0),
        nillable: spec.nillable ?? (!required && spec.type !== 'boolean'),
        unique: false,
        externalId: false,
        caseSensitive: false,
        createable: !calculated,
        updateable: !calculated,
        picklistValues: [],
        restrictedPicklist: false,
        referenceTo: [],
        relationshipName: null,
        childRelationshipName: null,
        masterDetail: false,
        deleteRule: 'setNull',
        defaultValue: spec.type === 'boolean' ? false : null,
        ...spec,
        required,
        calculated
    };
}

const readOnly = (type: FieldType, extra: Partial<FieldSchema> = {}): FieldSpec => ({
    type,
    createable: false,
    updateable: false,
    ...extra
});

function lookup(referenceTo: string, relationshipName: string, extra: Partial<FieldSchema> = {}): FieldSpec {
    return { type: 'reference', referenceTo: [referenceTo], relationshipName, length: 18, ...extra };
}

/** Id plus the audit fields every object has. */
function systemFields(owner: boolean): Record<string, FieldSpec> {
    const fields: Record<string, FieldSpec> = {
        Id: readOnly('id', { length: 18, nillable: false }),
        IsDeleted: readOnly('boolean'),
        CreatedDate: readOnly('datetime'),
        CreatedById: readOnly('reference', { referenceTo: ['User'], relationshipName: 'CreatedBy' }),
        LastModifiedDate: readOnly('datetime'),
        LastModifiedById: readOnly('reference', { referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
        SystemModstamp: readOnly('datetime')
    };
    if (owner) fields.OwnerId = lookup('User', 'Owner', { nillable: false });
    return fields;
}

function standardObject(
    name: string,
    keyPrefix: string,
    owner: boolean,
    fields: Record<string, FieldSpec>,
    extra: Partial<ObjectSchema> = {}
): ObjectSchema {
    const all = { ...systemFields(owner), ...fields };
    return {
        name,
        label: extra.label ?? name,
        labelPlural: extra.labelPlural ?? `${name}s`,
        keyPrefix,
        custom: false,
        createable: extra.createable ?? true,
        deletable: extra.deletable ?? true,
        fields: new Map(Object.entries(all).map(([n, spec]) => [n.toLowerCase(), field(n, spec)]))
    };
}

const picklist = (values: string[], restricted = false, extra: Partial<FieldSchema> = {}): FieldSpec => ({
    type: 'picklist',
    picklistValues: values,
    restrictedPicklist: restricted,
    ...extra
});

export const OPPORTUNITY_STAGES: { name: string; closed: boolean; won: boolean; probability: number }[] = [
    { name: 'Prospecting', closed: false, won: false, probability: 10 },
    { name: 'Qualification', closed: false, won: false, probability: 10 },
    { name: 'Needs Analysis', closed: false, won: false, probability: 20 },
    { name: 'Value Proposition', closed: false, won: false, probability: 50 },
    { name: 'Id. Decision Makers', closed: false, won: false, probability: 60 },
    { name: 'Perception Analysis', closed: false, won: false, probability: 70 },
    { name: 'Proposal/Price Quote', closed: false, won: false, probability: 75 },
    { name: 'Negotiation/Review', closed: false, won: false, probability: 90 },
    { name: 'Closed Won', closed: true, won: true, probability: 100 },
    { name: 'Closed Lost', closed: true, won: false, probability: 0 }
];

/** Account.Industry values of a new org: the same list the metadata checker knows. */
const INDUSTRIES = STANDARD_PICKLIST_VALUES['Account.Industry'];

/** The standard objects the scripts touch, as a real org describes them (the subset of fields that matters). */
export function standardObjects(): ObjectSchema[] {
    return [
        standardObject(
            'User',
            '005',
            false,
            {
                Username: { type: 'string', length: 80, required: true },
                FirstName: { type: 'string', length: 40 },
                LastName: { type: 'string', length: 80, required: true },
                Name: readOnly('string', { length: 121 }),
                Email: { type: 'email', length: 128, required: true },
                Alias: { type: 'string', length: 8, required: true },
                IsActive: { type: 'boolean', defaultValue: true },
                UserType: readOnly('picklist', { picklistValues: ['Standard', 'PowerPartner', 'CsnOnly'] }),
                ProfileId: { type: 'reference', referenceTo: ['Profile'], relationshipName: 'Profile', required: true },
                TimeZoneSidKey: { type: 'string', length: 40, required: true },
                LocaleSidKey: { type: 'string', length: 40, required: true },
                EmailEncodingKey: { type: 'string', length: 40, required: true },
                LanguageLocaleKey: { type: 'string', length: 40, required: true }
            },
            { label: 'User', labelPlural: 'Users' }
        ),
        standardObject('Organization', '00D', false, {
            Name: readOnly('string', { length: 80 }),
            OrganizationType: readOnly('string'),
            IsSandbox: readOnly('boolean'),
            InstanceName: readOnly('string'),
            NamespacePrefix: readOnly('string'),
            TrialExpirationDate: readOnly('datetime')
        }),
        standardObject('Account', '001', true, {
            Name: { type: 'string', length: 255, required: true },
            Type: picklist(['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
            Industry: picklist(INDUSTRIES),
            ParentId: lookup('Account', 'Parent'),
            NumberOfEmployees: { type: 'int' },
            AnnualRevenue: { type: 'currency' },
            BillingCountry: { type: 'string', length: 80 },
            BillingCity: { type: 'string', length: 40 },
            Website: { type: 'url' },
            Phone: { type: 'phone', length: 40 },
            Description: { type: 'textarea', length: 32000 }
        }),
        standardObject('Contact', '003', true, {
            FirstName: { type: 'string', length: 40 },
            LastName: { type: 'string', length: 80, required: true },
            Name: readOnly('string', { length: 121 }),
            AccountId: lookup('Account', 'Account'),
            Email: { type: 'email', length: 80 }
        }),
        standardObject('Product2', '01t', false, {
            Name: { type: 'string', length: 255, required: true },
            ProductCode: { type: 'string', length: 255 },
            Description: { type: 'textarea', length: 4000 },
            Family: picklist(['None']),
            IsActive: { type: 'boolean' },
            QuantityUnitOfMeasure: picklist(['Each'])
        }),
        standardObject('Pricebook2', '01s', false, {
            Name: { type: 'string', length: 255, required: true },
            IsActive: { type: 'boolean' },
            IsStandard: readOnly('boolean'),
            Description: { type: 'string', length: 255 }
        }),
        standardObject('PricebookEntry', '01u', false, {
            Name: readOnly('string'),
            // Which book and which product cannot change once the entry exists.
            Pricebook2Id: lookup('Pricebook2', 'Pricebook2', {
                required: true,
                updateable: false,
                deleteRule: 'cascade'
            }),
            Product2Id: lookup('Product2', 'Product2', { required: true, updateable: false, deleteRule: 'cascade' }),
            UnitPrice: { type: 'currency', required: true },
            IsActive: { type: 'boolean' },
            UseStandardPrice: { type: 'boolean' },
            ProductCode: readOnly('string')
        }),
        standardObject('Asset', '02i', true, {
            Name: { type: 'string', length: 255, required: true },
            AccountId: lookup('Account', 'Account', { deleteRule: 'cascade' }),
            ContactId: lookup('Contact', 'Contact'),
            Product2Id: lookup('Product2', 'Product2', { deleteRule: 'restrict' }),
            SerialNumber: { type: 'string', length: 80 },
            PurchaseDate: { type: 'date' },
            InstallDate: { type: 'date' },
            UsageEndDate: { type: 'date' },
            Status: picklist(['Purchased', 'Shipped', 'Installed', 'Registered', 'Obsolete']),
            Quantity: { type: 'double' },
            Price: { type: 'currency' },
            Description: { type: 'textarea', length: 32000 }
        }),
        standardObject('Opportunity', '006', true, {
            Name: { type: 'string', length: 120, required: true },
            AccountId: lookup('Account', 'Account', { deleteRule: 'cascade' }),
            StageName: picklist(
                OPPORTUNITY_STAGES.map((s) => s.name),
                true,
                { required: true }
            ),
            CloseDate: { type: 'date', required: true },
            Amount: { type: 'currency' },
            Probability: { type: 'percent' },
            Type: picklist(['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'New Customer']),
            LeadSource: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
            Pricebook2Id: lookup('Pricebook2', 'Pricebook2', { deleteRule: 'restrict' }),
            IsClosed: readOnly('boolean'),
            IsWon: readOnly('boolean'),
            Description: { type: 'textarea', length: 32000 }
        }),
        standardObject('OpportunityLineItem', '00k', false, {
            Name: readOnly('string'),
            OpportunityId: lookup('Opportunity', 'Opportunity', {
                required: true,
                updateable: false,
                deleteRule: 'cascade'
            }),
            PricebookEntryId: lookup('PricebookEntry', 'PricebookEntry', { updateable: false, deleteRule: 'restrict' }),
            Product2Id: lookup('Product2', 'Product2', { updateable: false, deleteRule: 'restrict' }),
            Quantity: { type: 'double', required: true },
            UnitPrice: { type: 'currency' },
            TotalPrice: { type: 'currency' },
            ListPrice: readOnly('currency'),
            ServiceDate: { type: 'date' },
            Description: { type: 'string', length: 255 }
        }),
        standardObject('Profile', '00e', false, { Name: { type: 'string', required: true } }),
        standardObject('PermissionSet', '0PS', false, {
            Name: { type: 'string', length: 80, required: true },
            Label: { type: 'string', length: 80, required: true },
            NamespacePrefix: readOnly('string', { length: 15 }),
            IsOwnedByProfile: readOnly('boolean')
        }),
        standardObject('PermissionSetAssignment', '0Pa', false, {
            AssigneeId: lookup('User', 'Assignee', { required: true, updateable: false, deleteRule: 'cascade' }),
            PermissionSetId: lookup('PermissionSet', 'PermissionSet', {
                required: true,
                updateable: false,
                deleteRule: 'cascade'
            })
        }),
        standardObject('RecordType', '012', false, {
            Name: { type: 'string', length: 80, required: true },
            DeveloperName: { type: 'string', length: 80, required: true },
            SobjectType: { type: 'string', length: 40, required: true }
        })
    ];
}

const TYPE_MAP: Record<string, FieldType> = {
    Text: 'string',
    EncryptedText: 'string',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Html: 'textarea',
    Number: 'double',
    Currency: 'currency',
    Percent: 'percent',
    Checkbox: 'boolean',
    Date: 'date',
    DateTime: 'datetime',
    Email: 'email',
    Phone: 'phone',
    Url: 'url',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Lookup: 'reference',
    MasterDetail: 'reference',
    AutoNumber: 'string',
    Summary: 'double'
};

/** Reads a `defaultValue` formula of the simple kinds metadata uses: true/false, numbers, quoted text. */
function parseDefault(raw: string | undefined, type: FieldType): string | number | boolean | null {
    if (raw === undefined || raw === '') return type === 'boolean' ? false : null;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    const quoted = /^["'](.*)["']$/s.exec(raw);
    return quoted ? quoted[1] : null;
}

function readGlobalValueSets(forceApp: string): Map<string, string[]> {
    const sets = new Map<string, string[]>();
    const dir = join(forceApp, 'globalValueSets');
    if (!existsSync(dir)) return sets;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.globalValueSet-meta.xml'))) {
        const root = parseXml(readFileSync(join(dir, file), 'utf8'), file);
        const values = childrenNamed(root, 'customValue').map((v) => childText(v, 'fullName') ?? '');
        sets.set(file.replace('.globalValueSet-meta.xml', ''), values.filter(Boolean));
    }
    return sets;
}

/** Parses one `*.field-meta.xml` into a field schema. */
export function parseFieldMetadata(xml: string, source: string, globalSets = new Map<string, string[]>()): FieldSchema {
    const root = parseXml(xml, source);
    const name = childText(root, 'fullName') ?? source.replace(/\.field-meta\.xml$/, '');
    const metaType = childText(root, 'type') ?? 'Text';
    const formula = childText(root, 'formula');
    const type = TYPE_MAP[metaType];
    if (!type) throw new Error(`${source}: unsupported field type ${metaType}`);
    const masterDetail = metaType === 'MasterDetail';
    const calculated = formula !== undefined || metaType === 'Summary' || metaType === 'AutoNumber';
    const required = masterDetail || childText(root, 'required') === 'true';
    let picklistValues: string[] = [];
    let restrictedPicklist = false;
    const valueSet = child(root, 'valueSet');
    if (valueSet) {
        const setName = childText(valueSet, 'valueSetName');
        const definition = child(valueSet, 'valueSetDefinition');
        if (setName) {
            picklistValues = globalSets.get(setName) ?? [];
            restrictedPicklist = true;
        } else if (definition) {
            picklistValues = childrenNamed(definition, 'value').map((v) => childText(v, 'fullName') ?? '');
        }
        restrictedPicklist ||= childText(valueSet, 'restricted') === 'true';
    }
    const referenceTo = childText(root, 'referenceTo');
    const relationshipName = childText(root, 'relationshipName');
    const deleteConstraint = childText(root, 'deleteConstraint');
    const reparentable = childText(root, 'reparentableMasterDetail') === 'true';
    const length = Number(childText(root, 'length') ?? (type === 'string' ? 255 : type === 'textarea' ? 32768 : 0));
    return field(name, {
        type,
        label: childText(root, 'label') ?? name,
        length: type === 'email' ? 80 : type === 'url' ? 255 : type === 'phone' ? 40 : length,
        required,
        nillable: !required && type !== 'boolean',
        unique: childText(root, 'unique') === 'true',
        externalId: childText(root, 'externalId') === 'true',
        caseSensitive: childText(root, 'caseSensitive') === 'true',
        calculated,
        createable: !calculated,
        updateable: !calculated && (!masterDetail || reparentable),
        picklistValues,
        restrictedPicklist,
        referenceTo: referenceTo ? [referenceTo] : [],
        relationshipName: referenceTo ? name.replace(/__c$/, '__r') : null,
        childRelationshipName: relationshipName ? `${relationshipName}__r` : null,
        masterDetail,
        deleteRule: masterDetail ? 'cascade' : deleteConstraint === 'Restrict' ? 'restrict' : 'setNull',
        defaultValue: parseDefault(childText(root, 'defaultValue'), type)
    });
}

/**
 * The schema of an org that has the project deployed: the standard objects plus every object and field under
 * `<forceApp>/objects`. Custom metadata types and platform events are left out (the scripts do not write them).
 */
export function loadSchema(forceApp: string): Schema {
    const schema: Schema = new Map(standardObjects().map((o) => [o.name.toLowerCase(), o]));
    const objectsDir = join(forceApp, 'objects');
    if (!existsSync(objectsDir)) return schema;
    const globalSets = readGlobalValueSets(forceApp);
    const dirs = readdirSync(objectsDir)
        .filter((d) => !d.endsWith('__mdt') && !d.endsWith('__e'))
        .sort();
    let customCount = 0;
    for (const dir of dirs) {
        let object = findObject(schema, dir);
        if (!object) {
            const objectFile = join(objectsDir, dir, `${dir}.object-meta.xml`);
            const root = existsSync(objectFile) ? parseXml(readFileSync(objectFile, 'utf8'), objectFile) : undefined;
            const custom = dir.endsWith('__c');
            const nameField = root ? child(root, 'nameField') : undefined;
            const autoNumber = nameField ? childText(nameField, 'type') === 'AutoNumber' : false;
            const owned = !root || childText(root, 'sharingModel') !== 'ControlledByParent';
            const keyPrefix = custom ? `a${(customCount++).toString(36).padStart(2, '0').toUpperCase()}` : 'z00';
            object = standardObject(
                dir,
                keyPrefix,
                owned,
                {
                    // A custom object's text Name defaults to the record Id when left out.
                    Name: autoNumber
                        ? readOnly('string', { length: 80 })
                        : { type: 'string', length: 80, label: nameField ? childText(nameField, 'label') : 'Name' }
                },
                {
                    label: (root && childText(root, 'label')) ?? dir,
                    labelPlural: (root && childText(root, 'pluralLabel')) ?? dir
                }
            );
            object.custom = custom;
            schema.set(dir.toLowerCase(), object);
        }
        const fieldsDir = join(objectsDir, dir, 'fields');
        if (!existsSync(fieldsDir)) continue;
        for (const file of readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml'))) {
            const parsed = parseFieldMetadata(readFileSync(join(fieldsDir, file), 'utf8'), file, globalSets);
            schema.get(dir.toLowerCase())?.fields.set(parsed.name.toLowerCase(), parsed);
        }
    }
    return schema;
}
