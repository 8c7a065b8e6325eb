/**
 * The Metadata API schema, read from the WSDL that jsforce ships (API 47.0): for each metadata type the ordered
 * child elements with their types (inherited ones first), and the allowed values of enumerations. Newer API
 * versions only add elements and values, so what this schema knows is checked exactly and what it lacks is
 * listed in NEWER_ELEMENTS / NEWER_VALUES by the rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { children, parseXml, type XmlElement } from './xml';

export interface SchemaElement {
    name: string;
    type: string;
}

export interface MetadataSchema {
    /** Child elements of a complex type, in sequence order, or undefined for unknown types. */
    elements(type: string): SchemaElement[] | undefined;
    /** Allowed values of an enumeration type, or undefined when the type is not an enumeration. */
    values(type: string): Set<string> | undefined;
}

export const WSDL_PATH = join(
    __dirname,
    '..',
    '..',
    '..',
    '..',
    'node_modules',
    'jsforce',
    'src',
    'api',
    'metadata',
    'wsdl.xml'
);

let cached: MetadataSchema | undefined;

/** Loads the schema once; undefined when the WSDL is not installed. */
export function metadataSchema(path = WSDL_PATH): MetadataSchema | undefined {
    if (cached) return cached;
    if (!existsSync(path)) return undefined;
    const definitions = parseXml(readFileSync(path, 'utf8')).root;
    const schema = children(children(definitions, 'types')[0], 'xsd:schema')[0];
    if (!schema) return undefined;
    const own = new Map<string, { base?: string; elements: SchemaElement[] }>();
    const unqualified = (type: string | undefined): string => (type ?? '').replace(/^tns:/, '');
    for (const complex of children(schema, 'xsd:complexType')) {
        let holder: XmlElement | undefined = complex;
        let base: string | undefined;
        const content = children(complex, 'xsd:complexContent')[0];
        if (content) {
            holder = children(content, 'xsd:extension')[0];
            base = unqualified(holder?.attributes.base);
        }
        const sequence = children(holder, 'xsd:sequence')[0];
        const elements = children(sequence, 'xsd:element').map((e) => ({
            name: e.attributes.name ?? '',
            type: unqualified(e.attributes.type)
        }));
        own.set(complex.attributes.name ?? '', base ? { base, elements } : { elements });
    }
    const enums = new Map<string, Set<string>>();
    for (const simple of children(schema, 'xsd:simpleType')) {
        const values = children(children(simple, 'xsd:restriction')[0], 'xsd:enumeration').map(
            (e) => e.attributes.value ?? ''
        );
        if (values.length) enums.set(simple.attributes.name ?? '', new Set(values));
    }
    const flattened = new Map<string, SchemaElement[]>();
    const elements = (type: string): SchemaElement[] | undefined => {
        const hit = flattened.get(type);
        if (hit) return hit;
        const entry = own.get(type);
        if (!entry) return undefined;
        const all = [...((entry.base && elements(entry.base)) || []), ...entry.elements];
        flattened.set(type, all);
        return all;
    };
    cached = { elements, values: (type) => enums.get(type) };
    return cached;
}
