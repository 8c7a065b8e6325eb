import { metadataSchema, type MetadataSchema } from '../core/metadataSchema';
import type { XmlElement } from '../core/xml';
import { problemAt, type Problem, type Rule, type SourceFile } from '../core/types';

const RULE = 'metadata-schema';

/**
 * Elements and values added to the Metadata API after the schema we read (API 47.0). Extend when the project
 * starts to use a newer element; its contents are then not checked.
 */
const NEWER_ELEMENTS: Record<string, string[]> = {
    FlexiPageRegion: ['itemInstances'],
    ObjectPermissions: ['viewAllFields'],
    CustomApplication: ['brand', 'setupExperience'],
    CustomObject: ['enableLicensing']
};
const NEWER_VALUES: Record<string, string[]> = {};

/**
 * Is not checked: component bundles, whose -meta.xml the platform reads in any order.
 */
const UNORDERED_ROOTS = new Set(['LightningComponentBundle']);

/**
 * Every metadata file follows the Metadata API schema: known elements only, in the schema's order (a deploy
 * answers "Element ... invalid at this location"), and enumeration values the API accepts.
 */
export const metadataSchemaRule: Rule = {
    name: RULE,
    description: 'metadata files use known elements in schema order with valid enumeration values',
    check(context) {
        const schema = metadataSchema();
        if (!schema) {
            return [
                problemAt(
                    RULE,
                    'package.json',
                    1,
                    'the Metadata API schema (jsforce wsdl.xml) is not installed: run npm install'
                )
            ];
        }
        const problems: Problem[] = [];
        for (const file of context.files) {
            const root = file.root();
            if (!root || !file.name.endsWith('-meta.xml') || UNORDERED_ROOTS.has(root.name)) continue;
            if (!schema.elements(root.name)) continue;
            checkElement(schema, file, root, root.name, problems);
        }
        return problems;
    }
};

function checkElement(
    schema: MetadataSchema,
    file: SourceFile,
    element: XmlElement,
    type: string,
    problems: Problem[]
): void {
    const allowed = schema.elements(type);
    if (!allowed) return;
    let lastIndex = -1;
    let lastName = '';
    for (const child of element.children) {
        const index = allowed.findIndex((e) => e.name === child.name);
        if (index < 0) {
            if (!NEWER_ELEMENTS[type]?.includes(child.name)) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        child,
                        `<${child.name}> is not an element of ${type} in the Metadata API (schema 47.0; an element added later belongs in NEWER_ELEMENTS of rules/metadataSchema.ts)`
                    )
                );
            }
            continue;
        }
        if (index < lastIndex) {
            problems.push(
                problemAt(RULE, file, child, `<${child.name}> must come before <${lastName}> in ${type} (schema order)`)
            );
        } else {
            lastIndex = index;
            lastName = child.name;
        }
        const childType = allowed[index]!.type;
        const values = schema.values(childType);
        if (values && !values.has(child.text) && !NEWER_VALUES[childType]?.includes(child.text)) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    child,
                    `<${child.name}> ${child.text || '(empty)'} is not a ${childType} value (${[...values].slice(0, 8).join(', ')}${values.size > 8 ? ', ...' : ''})`
                )
            );
        }
        checkElement(schema, file, child, childType, problems);
    }
}
