import { childText, children } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'custom-metadata-records';

/** The xsi:type each field type's value must carry. */
const VALUE_TYPES: Record<string, string[]> = {
    Checkbox: ['xsd:boolean'],
    Number: ['xsd:double', 'xsd:int', 'xsd:long', 'xsd:decimal'],
    Percent: ['xsd:double', 'xsd:decimal'],
    Currency: ['xsd:double', 'xsd:decimal'],
    Date: ['xsd:date'],
    DateTime: ['xsd:dateTime']
};

/**
 * Custom metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`) belong to an existing type, set only
 * its fields, with values of the right XML type and, for picklists, a value of the set.
 */
export const customMetadataRecords: Rule = {
    name: RULE,
    description: 'custom metadata records set existing fields with well-typed values',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.filesEnding('.md-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const typeName = `${file.name.split('.')[0]}__mdt`;
            const type = context.model.object(typeName);
            if (type?.kind !== 'metadata') {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        root,
                        `record of ${typeName}, which is not a custom metadata type of the project`
                    )
                );
                continue;
            }
            if (!childText(root, 'label'))
                problems.push(problemAt(RULE, file, root, 'custom metadata record has no label'));
            for (const entry of children(root, 'values')) {
                const name = childText(entry, 'field') ?? '';
                const field = type.fields.get(name.toLowerCase());
                if (!field?.custom) {
                    problems.push(problemAt(RULE, file, entry, `${typeName} has no field ${name}`));
                    continue;
                }
                const value = children(entry, 'value')[0];
                if (!value) continue;
                const xsiType = value.attributes['xsi:type'];
                const nil = value.attributes['xsi:nil'] === 'true';
                const expected = VALUE_TYPES[field.type];
                if (!nil && expected && xsiType && !expected.includes(xsiType)) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            value,
                            `${name} is ${field.type}: its value must be ${expected.join(' or ')}, not ${xsiType}`
                        )
                    );
                }
                if (
                    !nil &&
                    field.type === 'Picklist' &&
                    field.picklistValues &&
                    !field.picklistValues.includes(value.text)
                ) {
                    problems.push(problemAt(RULE, file, value, `${value.text} is not a value of ${typeName}.${name}`));
                }
            }
        }
        return problems;
    }
};
