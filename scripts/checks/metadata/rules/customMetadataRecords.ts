import { childText, children } from '../core/xml';
import { apexText } from '../core/apexText';
import { problemAt, type CheckContext, type Problem, type Rule } from '../core/types';

const RULE = 'custom-metadata-records';
const NUMERIC = new Set(['Number', 'Percent', 'Currency']);

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
            const set = new Set(children(root, 'values').map((v) => (childText(v, 'field') ?? '').toLowerCase()));
            for (const field of type.fields.values()) {
                if (field.custom && field.required && !set.has(field.name.toLowerCase())) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            root,
                            `${typeName}.${field.name} is required, but the record sets no value`
                        )
                    );
                }
            }
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
                const typeMismatch =
                    !nil && expected !== undefined && xsiType !== undefined && !expected.includes(xsiType);
                if (
                    !typeMismatch &&
                    !nil &&
                    NUMERIC.has(field.type) &&
                    (value.text === '' || !Number.isFinite(Number(value.text)))
                ) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            value,
                            `${name} is ${field.type}: ${value.text || '(empty)'} is not a number`
                        )
                    );
                }
                if (!nil && field.type === 'Checkbox' && !['true', 'false'].includes(value.text)) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            value,
                            `${name} is a checkbox: ${value.text || '(empty)'} is not true or false`
                        )
                    );
                }
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
        problems.push(...checkApexRecordNames(context));
        return problems;
    }
};

/** `Type__mdt.getInstance('Name')` in Apex names a record the project deploys. */
function checkApexRecordNames(context: CheckContext): Problem[] {
    const problems: Problem[] = [];
    const records = new Set(
        context.filesEnding('.md-meta.xml').map((f) => f.name.replace(/\.md-meta\.xml$/, '').toLowerCase())
    );
    const apex = context.files.filter((f) => /\.(cls|trigger)$/.test(f.name));
    const constants = new Map<string, string>();
    for (const file of apex) {
        const pattern = /\bfinal\s+String\s+(\w+)\s*=\s*'(\w+)'\s*;/gi;
        for (let match = pattern.exec(file.text()); match; match = pattern.exec(file.text()))
            constants.set(match[1]!.toLowerCase(), match[2]!);
    }
    for (const file of apex) {
        const text = apexText(file.text());
        const pattern = /\b(\w+)__mdt\s*\.\s*getInstance\s*\(\s*('|(?:\w+\s*\.\s*)?(\w+)\s*\))/gi;
        for (let match = pattern.exec(text.masked); match; match = pattern.exec(text.masked)) {
            let name: string | undefined;
            let offset: number;
            if (match[2] === "'") {
                offset = match.index + match[0].length;
                name = text.source.slice(offset, text.source.indexOf("'", offset));
            } else {
                // A constant: `static final String RECORD_NAME = 'Default'` somewhere in the project's Apex.
                offset = match.index + match[0].length - 1 - match[3]!.length;
                name = constants.get(match[3]!.toLowerCase());
                if (name === undefined) continue;
            }
            if (!/^\w+$/.test(name) || records.has(`${match[1]}.${name}`.toLowerCase())) continue;
            if (context.model.object(`${match[1]}__mdt`)?.kind !== 'metadata') continue;
            const { line, column } = text.position(offset);
            problems.push({
                file: file.rel,
                line,
                column,
                rule: RULE,
                message: `${match[1]}__mdt has no record ${name} in the project`
            });
        }
    }
    return problems;
}
