/**
 * The model index: objects and fields (custom ones read from force-app, standard ones from the catalog), their
 * types, relationships and picklist values, plus the names of every other component the project defines, so
 * that rules can ask "does this exist?" in one place. Look-ups are case-insensitive, as API names are.
 */
import type { SourceFile } from './types';
import { child, childFlag, childText, children, type XmlElement } from './xml';
import { OPAQUE_STANDARD_OBJECTS, STANDARD_VALUE_SETS, standardObjects } from './standardObjects';

export interface FieldInfo {
    object: string;
    name: string;
    /** Metadata type (Text, Picklist, Lookup, MasterDetail, Summary, AutoNumber, ...). */
    type: string;
    custom: boolean;
    required: boolean;
    /** Formula fields (any result type). */
    formula: boolean;
    /** Read-only by nature: formula, roll-up summary, auto number or system-computed. */
    readOnly: boolean;
    /** Whether a permission set may name this field in fieldPermissions at all. */
    fls: boolean;
    referenceTo: string[];
    /** Name used in SOQL paths to the parent: `Account__r` for `Account__c`, `Account` for `AccountId`. */
    parentRelationship?: string;
    /** Name of the child relationship on the parent, as used in sub-queries (`Attempts__r`, `Contacts`). */
    childRelationship?: string;
    /** Picklist values (API names); undefined when unknown or not a picklist. */
    picklistValues?: string[];
    /** Where it is defined, for custom fields. */
    file?: SourceFile;
    element?: XmlElement;
}

export interface ObjectInfo {
    name: string;
    /**
     * custom (__c), setting (a __c whose object file states a customSettingsType), metadata (__mdt), event (__e),
     * standard (catalog), opaque (known to exist, fields unchecked).
     */
    kind: 'custom' | 'setting' | 'metadata' | 'event' | 'standard' | 'opaque';
    fields: Map<string, FieldInfo>;
    /** Lower-case parent relationship name -> the lookup field. */
    parents: Map<string, FieldInfo>;
    /** Lower-case child relationship name -> the child's lookup field. */
    childRelationships: Map<string, FieldInfo>;
    /** The object's own -meta.xml, when the project has one. */
    file?: SourceFile;
    recordTypes: Set<string>;
    /** Whether the catalog or force-app defines it (false for standard objects known only as lookup targets). */
    defined: boolean;
}

export interface ComponentEntry {
    name: string;
    file: SourceFile;
    element?: XmlElement;
}

export class ModelIndex {
    readonly objects = new Map<string, ObjectInfo>();
    /** Metadata type -> lower-case name -> entry: ApexClass, ApexTrigger, CustomTab, CustomApplication, ... */
    readonly components = new Map<string, Map<string, ComponentEntry>>();

    object(name: string): ObjectInfo | undefined {
        return this.objects.get(name.toLowerCase());
    }

    field(objectName: string, fieldName: string): FieldInfo | undefined {
        return this.object(objectName)?.fields.get(fieldName.toLowerCase());
    }

    /** Adds a component name under a metadata type. */
    addComponent(type: string, entry: ComponentEntry): void {
        let byName = this.components.get(type);
        if (!byName) this.components.set(type, (byName = new Map()));
        if (!byName.has(entry.name.toLowerCase())) byName.set(entry.name.toLowerCase(), entry);
    }

    component(type: string, name: string): ComponentEntry | undefined {
        return this.components.get(type)?.get(name.toLowerCase());
    }

    /**
     * Resolves a dotted field path from an object (`Name`, `Account__r.Owner.Name`) to its last field. Paths
     * through objects whose fields the checker does not know are accepted.
     */
    resolvePath(objectName: string, path: string): { field?: FieldInfo; error?: string } {
        const parts = path.split('.');
        let object = this.object(objectName);
        if (!object) return { error: `object ${objectName} does not exist` };
        for (let i = 0; i < parts.length - 1; i++) {
            if (object.kind === 'opaque') return {};
            const step = parts[i]!;
            const lookup: FieldInfo | undefined = object.parents.get(step.toLowerCase());
            if (!lookup) return { error: `${object.name} has no relationship ${step}` };
            const target: string | undefined = lookup.referenceTo[0];
            object = target ? this.object(target) : undefined;
            if (!object) return {};
        }
        if (object.kind === 'opaque') return {};
        const last = parts[parts.length - 1]!;
        const field = object.fields.get(last.toLowerCase());
        if (!field) return { error: `${object.name}.${last} does not exist` };
        return { field };
    }
}

function newObject(name: string, kind: ObjectInfo['kind'], defined: boolean): ObjectInfo {
    return {
        name,
        kind,
        fields: new Map(),
        parents: new Map(),
        childRelationships: new Map(),
        recordTypes: new Set(),
        defined
    };
}

function objectKind(name: string): ObjectInfo['kind'] {
    if (/__mdt$/i.test(name)) return 'metadata';
    if (/__e$/i.test(name)) return 'event';
    if (/__c$/i.test(name)) return 'custom';
    return 'standard';
}

function addField(object: ObjectInfo, field: FieldInfo): void {
    object.fields.set(field.name.toLowerCase(), field);
    if (field.parentRelationship) object.parents.set(field.parentRelationship.toLowerCase(), field);
}

/** Where a file sits in an objects folder: `.../objects/<Object>/<kind>/<name>` or the object's own file. */
export function objectPathParts(rel: string): { object: string; folder?: string; file: string } | undefined {
    const match = /(?:^|\/)objects\/([^/]+)\/(?:([^/]+)\/)?([^/]+)$/.exec(rel);
    if (!match) return undefined;
    const result: { object: string; folder?: string; file: string } = { object: match[1]!, file: match[3]! };
    if (match[2]) result.folder = match[2];
    return result;
}

const READ_ONLY_TYPES = new Set(['Summary', 'AutoNumber']);

/** Kinds whose fields have no field-level security: metadata types, events and custom settings. */
const WITHOUT_FLS: ReadonlySet<ObjectInfo['kind']> = new Set(['metadata', 'event', 'setting']);

/** Reads a CustomField file into a FieldInfo. */
function customField(object: ObjectInfo, file: SourceFile, root: XmlElement): FieldInfo {
    const objectName = object.name;
    const fieldName = childText(root, 'fullName') || file.name.replace(/\.field-meta\.xml$/, '');
    const type = childText(root, 'type') ?? '';
    const formula = child(root, 'formula') !== undefined;
    const kind = object.kind;
    const required = childFlag(root, 'required');
    const field: FieldInfo = {
        object: objectName,
        name: fieldName,
        type,
        custom: true,
        required,
        formula,
        readOnly: formula || READ_ONLY_TYPES.has(type),
        fls: !WITHOUT_FLS.has(kind) && !required && type !== 'MasterDetail',
        referenceTo: children(root, 'referenceTo').map((r) => r.text),
        file,
        element: root
    };
    if (type === 'Lookup' || type === 'MasterDetail' || type === 'Hierarchy' || type === 'MetadataRelationship') {
        field.parentRelationship = fieldName.replace(/__c$/i, '__r');
        if (type === 'Hierarchy') field.referenceTo = ['User'];
        const relationshipName = childText(root, 'relationshipName');
        if (relationshipName) field.childRelationship = `${relationshipName}__r`;
    }
    if (type === 'Picklist' || type === 'MultiselectPicklist') {
        const valueSet = child(root, 'valueSet');
        const definition = child(valueSet, 'valueSetDefinition');
        if (definition) {
            field.picklistValues = children(definition, 'value').map((v) => childText(v, 'fullName') ?? '');
        } else if (childText(valueSet, 'valueSetName')) {
            // Filled from the global value set once every file is read.
            field.picklistValues = [`@global:${childText(valueSet, 'valueSetName')}`];
        }
    }
    return field;
}

/** The fields every custom object, custom metadata type or platform event has without declaring them. */
function implicitFields(object: ObjectInfo, root: XmlElement | undefined, isDetail: boolean): FieldInfo[] {
    const make = (name: string, type: string, extra: Partial<FieldInfo> = {}): FieldInfo => ({
        object: object.name,
        name,
        type,
        custom: false,
        required: false,
        formula: false,
        readOnly: true,
        fls: false,
        referenceTo: [],
        ...extra
    });
    const audit = [
        make('Id', 'Id'),
        make('CreatedDate', 'DateTime'),
        make('CreatedById', 'Lookup', { referenceTo: ['User'], parentRelationship: 'CreatedBy' }),
        make('LastModifiedDate', 'DateTime'),
        make('LastModifiedById', 'Lookup', { referenceTo: ['User'], parentRelationship: 'LastModifiedBy' }),
        make('SystemModstamp', 'DateTime')
    ];
    if (object.kind === 'metadata') {
        return [
            ...audit,
            make('DeveloperName', 'Text'),
            make('MasterLabel', 'Text'),
            make('Label', 'Text'),
            make('Language', 'Picklist'),
            make('NamespacePrefix', 'Text'),
            make('QualifiedApiName', 'Text')
        ];
    }
    if (object.kind === 'event') {
        return [make('ReplayId', 'Text'), make('CreatedDate', 'DateTime'), make('EventUuid', 'Text')];
    }
    if (object.kind === 'setting') {
        // SetupOwnerId is the organization, a profile or a user: the level a hierarchy setting's record is for.
        return [
            ...audit,
            make('Name', 'Text', { readOnly: false }),
            make('IsDeleted', 'Checkbox'),
            make('SetupOwnerId', 'Lookup', { parentRelationship: 'SetupOwner', readOnly: false })
        ];
    }
    const nameType = childText(child(root, 'nameField'), 'type') ?? 'Text';
    const fields = [
        ...audit,
        make('Name', nameType, { readOnly: nameType === 'AutoNumber' }),
        make('IsDeleted', 'Checkbox'),
        make('LastViewedDate', 'DateTime'),
        make('LastReferencedDate', 'DateTime'),
        make('LastActivityDate', 'Date')
    ];
    // Apex sets OwnerId on insert and update of any object that has an owner (not a detail record).
    if (!isDetail) {
        fields.push(make('OwnerId', 'Lookup', { referenceTo: ['User'], parentRelationship: 'Owner', readOnly: false }));
    }
    return fields;
}

/** Maps file-name suffixes to metadata types whose names rules may need to look up. */
const COMPONENT_SUFFIXES: [RegExp, string][] = [
    [/\.cls$/, 'ApexClass'],
    [/\.trigger$/, 'ApexTrigger'],
    [/\.tab-meta\.xml$/, 'CustomTab'],
    [/\.app-meta\.xml$/, 'CustomApplication'],
    [/\.layout-meta\.xml$/, 'Layout'],
    [/\.flexipage-meta\.xml$/, 'FlexiPage'],
    [/\.permissionset-meta\.xml$/, 'PermissionSet'],
    [/\.customPermission-meta\.xml$/, 'CustomPermission'],
    [/\.notiftype-meta\.xml$/, 'CustomNotificationType'],
    [/\.reportType-meta\.xml$/, 'ReportType'],
    [/\.globalValueSet-meta\.xml$/, 'GlobalValueSet'],
    [/\.standardValueSet-meta\.xml$/, 'StandardValueSet'],
    [/\.resource-meta\.xml$/, 'StaticResource'],
    [/\.page$/, 'ApexPage'],
    [/\.md-meta\.xml$/, 'CustomMetadata'],
    [/\.flow-meta\.xml$/, 'Flow']
];

function componentName(fileName: string, suffix: RegExp): string {
    return fileName.replace(suffix, '');
}

/** Builds the index from the project's files. */
export function buildModel(files: SourceFile[]): ModelIndex {
    const model = new ModelIndex();

    for (const spec of standardObjects()) {
        const object = newObject(spec.name, 'standard', true);
        for (const f of spec.fields) {
            const field: FieldInfo = {
                object: spec.name,
                name: f.name,
                type: f.type,
                custom: false,
                required: f.required,
                formula: false,
                readOnly: f.calculated,
                fls: f.fls,
                referenceTo: f.referenceTo ? [f.referenceTo] : []
            };
            if (f.relationshipName) field.parentRelationship = f.relationshipName;
            if (f.childRelationshipName) field.childRelationship = f.childRelationshipName;
            if (f.picklistValues) field.picklistValues = [...f.picklistValues];
            addField(object, field);
        }
        model.objects.set(spec.name.toLowerCase(), object);
    }
    for (const name of OPAQUE_STANDARD_OBJECTS) model.objects.set(name.toLowerCase(), newObject(name, 'opaque', true));

    // Objects first (their -meta.xml decides the implicit fields), then the files inside their folders.
    const objectFiles = new Map<string, SourceFile>();
    const inObjects: { parts: NonNullable<ReturnType<typeof objectPathParts>>; file: SourceFile }[] = [];
    for (const file of files) {
        const parts = objectPathParts(file.rel);
        if (!parts) continue;
        if (!parts.folder && parts.file === `${parts.object}.object-meta.xml`) objectFiles.set(parts.object, file);
        else if (parts.folder) inObjects.push({ parts, file });
    }
    const objectNames = new Set([...objectFiles.keys(), ...inObjects.map((e) => e.parts.object)]);
    const fieldsByObject = new Map<string, { file: SourceFile; root: XmlElement }[]>();
    for (const { parts, file } of inObjects) {
        const root = file.root();
        if (parts.folder === 'fields' && root && file.name.endsWith('.field-meta.xml')) {
            const list = fieldsByObject.get(parts.object) ?? [];
            list.push({ file, root });
            fieldsByObject.set(parts.object, list);
        }
    }
    for (const name of objectNames) {
        const existing = model.object(name);
        const objectFile = objectFiles.get(name);
        const object = existing ?? newObject(name, objectKind(name), true);
        if (objectFile) object.file = objectFile;
        if (!existing && object.kind === 'custom' && child(objectFile?.root(), 'customSettingsType')) {
            object.kind = 'setting';
        }
        if (!existing) {
            if (object.kind === 'standard') object.kind = 'opaque';
            const fieldFiles = fieldsByObject.get(name) ?? [];
            const isDetail = fieldFiles.some(({ root }) => childText(root, 'type') === 'MasterDetail');
            if (object.kind !== 'opaque') {
                for (const f of implicitFields(object, objectFile?.root(), isDetail)) addField(object, f);
            }
            model.objects.set(name.toLowerCase(), object);
        }
        for (const { file, root } of fieldsByObject.get(name) ?? []) addField(object, customField(object, file, root));
    }
    for (const { parts, file } of inObjects) {
        const object = model.object(parts.object);
        if (parts.folder === 'recordTypes' && object)
            object.recordTypes.add(file.name.replace(/\.recordType-meta\.xml$/, ''));
    }

    // Child relationships, now that every lookup is known.
    for (const object of model.objects.values()) {
        for (const field of object.fields.values()) {
            const parent = field.referenceTo[0] ? model.object(field.referenceTo[0]) : undefined;
            if (parent && field.childRelationship)
                parent.childRelationships.set(field.childRelationship.toLowerCase(), field);
        }
    }

    for (const file of files) {
        for (const [suffix, type] of COMPONENT_SUFFIXES) {
            if (suffix.test(file.name)) model.addComponent(type, { name: componentName(file.name, suffix), file });
        }
        if (/(?:^|\/)lwc\/([^/]+)\/\1\.js-meta\.xml$/.test(file.rel)) {
            model.addComponent('LightningComponentBundle', { name: file.name.replace(/\.js-meta\.xml$/, ''), file });
        }
        if (file.name.endsWith('.labels-meta.xml')) {
            for (const label of children(file.root(), 'labels')) {
                const name = childText(label, 'fullName');
                if (name) model.addComponent('CustomLabel', { name, file, element: label });
            }
        }
    }

    resolveValueSets(model);
    return model;
}

/** Fills picklist values from global value sets and replaces standard picklists' defaults by the project's sets. */
function resolveValueSets(model: ModelIndex): void {
    const valuesOf = (type: string, name: string, element: string): string[] | undefined => {
        const root = model.component(type, name)?.file.root();
        if (!root) return undefined;
        return children(root, element).map((v) => childText(v, 'fullName') ?? '');
    };
    for (const object of model.objects.values()) {
        for (const field of object.fields.values()) {
            const first = field.picklistValues?.[0];
            if (first?.startsWith('@global:')) {
                const values = valuesOf('GlobalValueSet', first.slice('@global:'.length), 'customValue');
                if (values) field.picklistValues = values;
                else delete field.picklistValues;
            }
            const standardSet = STANDARD_VALUE_SETS[`${object.name}.${field.name}`];
            if (!field.custom && standardSet) {
                const values = valuesOf('StandardValueSet', standardSet, 'standardValue');
                if (values) field.picklistValues = values;
            }
        }
    }
}
