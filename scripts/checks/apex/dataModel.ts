/**
 * The data model as the Apex checks need it, read from force-app/main/default/objects: objects, their fields,
 * which objects lookups point to and the relationship names (parent `X__r`, child lists), plus custom labels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORCE_APP } from './apexSource';
import { standardObjects } from '../metadata/core/standardObjects';

export interface FieldInfo {
    name: string;
    type: string;
    referenceTo: string | null;
    relationshipName: string | null;
}

export interface DataModel {
    /** Lower-case object name -> its fields by lower-case name. */
    objects: Map<string, Map<string, FieldInfo>>;
    /** Lower-case object name -> spelled object name. */
    objectNames: Map<string, string>;
    /** Lower-case parent object -> child relationship name (lower case) -> child object. */
    childRelationships: Map<string, Map<string, string>>;
    /** Custom label names. */
    labels: Map<string, string>;
    /**
     * Lower-case objects whose every field is known (custom objects, and standard objects in the metadata
     * checker's catalog): a standard field name on them must exist too.
     */
    complete: Set<string>;
}

/** Fields every custom object has. */
export const CUSTOM_OBJECT_STANDARD_FIELDS = [
    'Id',
    'Name',
    'OwnerId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'IsDeleted',
    'LastActivityDate',
    'LastViewedDate',
    'LastReferencedDate'
];

/** Fields every custom setting has: no owner, and SetupOwnerId for the organization, profile or user level. */
export const CUSTOM_SETTING_STANDARD_FIELDS = [
    'Id',
    'Name',
    'SetupOwnerId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'IsDeleted'
];

function tag(xml: string, name: string): string | null {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    return match ? match[1].trim() : null;
}

function decode(text: string): string {
    return text
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

/** Reads the data model and labels of a force-app/main/default folder. */
export function readDataModel(base: string = FORCE_APP): DataModel {
    const model: DataModel = {
        objects: new Map(),
        objectNames: new Map(),
        childRelationships: new Map(),
        labels: new Map(),
        complete: new Set()
    };
    const objectsDir = join(base, 'objects');
    const objects = existsSync(objectsDir) ? readdirSync(objectsDir).sort() : [];
    const settings = new Set<string>();
    for (const object of objects) {
        const objectFile = join(objectsDir, object, `${object}.object-meta.xml`);
        if (existsSync(objectFile) && tag(readFileSync(objectFile, 'utf8'), 'customSettingsType')) {
            settings.add(object.toLowerCase());
        }
        const fields = new Map<string, FieldInfo>();
        model.objects.set(object.toLowerCase(), fields);
        model.objectNames.set(object.toLowerCase(), object);
        const fieldsDir = join(objectsDir, object, 'fields');
        if (!existsSync(fieldsDir)) continue;
        for (const file of readdirSync(fieldsDir)) {
            if (!file.endsWith('.field-meta.xml')) continue;
            const xml = readFileSync(join(fieldsDir, file), 'utf8');
            const info: FieldInfo = {
                name: tag(xml, 'fullName') ?? file.replace('.field-meta.xml', ''),
                type: tag(xml, 'type') ?? '',
                referenceTo: tag(xml, 'referenceTo'),
                relationshipName: tag(xml, 'relationshipName')
            };
            fields.set(info.name.toLowerCase(), info);
        }
    }
    for (const [object, fields] of model.objects) {
        if (!object.endsWith('__c')) continue;
        model.complete.add(object);
        const standard = settings.has(object) ? CUSTOM_SETTING_STANDARD_FIELDS : CUSTOM_OBJECT_STANDARD_FIELDS;
        for (const name of standard) {
            if (!fields.has(name.toLowerCase())) {
                fields.set(name.toLowerCase(), { name, type: 'standard', referenceTo: null, relationshipName: null });
            }
        }
    }
    for (const spec of standardObjects()) {
        const lower = spec.name.toLowerCase();
        if (!model.objects.has(lower)) model.objects.set(lower, new Map());
        if (!model.objectNames.has(lower)) model.objectNames.set(lower, spec.name);
        model.complete.add(lower);
        const fields = model.objects.get(lower)!;
        for (const field of spec.fields) {
            fields.set(field.name.toLowerCase(), {
                name: field.name,
                type: field.type,
                referenceTo: field.referenceTo ?? null,
                relationshipName: field.relationshipName ?? null
            });
            if (field.referenceTo && field.childRelationshipName) {
                const parent = field.referenceTo.toLowerCase();
                if (!model.childRelationships.has(parent)) model.childRelationships.set(parent, new Map());
                model.childRelationships.get(parent)!.set(field.childRelationshipName.toLowerCase(), lower);
            }
        }
    }
    for (const [object, fields] of model.objects) {
        for (const field of fields.values()) {
            if (!field.name.toLowerCase().endsWith('__c')) continue;
            if (!field.referenceTo || !field.relationshipName) continue;
            const parent = field.referenceTo.toLowerCase();
            if (!model.childRelationships.has(parent)) model.childRelationships.set(parent, new Map());
            model.childRelationships.get(parent)!.set(`${field.relationshipName.toLowerCase()}__r`, object);
        }
    }
    const labelsDir = join(base, 'labels');
    for (const file of existsSync(labelsDir) ? readdirSync(labelsDir) : []) {
        const xml = readFileSync(join(labelsDir, file), 'utf8');
        for (const block of xml.split('<labels>').slice(1)) {
            const name = tag(block, 'fullName');
            if (name) model.labels.set(name, decode(tag(block, 'value') ?? ''));
        }
    }
    return model;
}
