import { apexText, matchingBracket, type ApexText } from '../core/apexText';
import type { FieldInfo, ModelIndex, ObjectInfo } from '../core/model';
import { findInlineQueries, parseSoql, SoqlError, type SoqlName, type SoqlQuery } from '../core/soql';
import type { Problem, Rule } from '../core/types';

const RULE = 'apex-references';

/**
 * Objects and fields that Apex names exist: in inline SOQL (select lists, relationship paths, sub-queries over
 * child relationships, conditions, GROUP BY, ORDER BY, semi-joins; string values compared with picklists are
 * values of the set), in sObject constructors (`new Cross_Sell_Attempt__c(Status__c = ...)`, which also may not
 * set read-only fields), in `Object__c.Field__c` tokens, and in trigger declarations. Apex compiles these
 * against the org, so a wrong name fails the whole deploy.
 */
export const apexReferences: Rule = {
    name: RULE,
    description: 'Apex SOQL, sObject constructors and triggers name existing objects, fields and picklist values',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.files) {
            if (!/\.(cls|trigger)$/.test(file.name)) continue;
            const text = apexText(file.text());
            const report = (offset: number, message: string): void => {
                const { line, column } = text.position(offset);
                problems.push({ file: file.rel, line, column, rule: RULE, message });
            };
            checkQueries(context.model, text, report);
            checkConstructors(context.model, text, report);
            checkFieldTokens(context.model, text, report);
            if (file.name.endsWith('.trigger')) checkTrigger(context.model, text, report);
        }
        return problems;
    }
};

type Report = (offset: number, message: string) => void;

function checkQueries(model: ModelIndex, text: ApexText, report: Report): void {
    for (const { start, end } of findInlineQueries(text)) {
        let query: SoqlQuery;
        try {
            query = parseSoql(text, start, end);
        } catch (error) {
            if (error instanceof SoqlError) {
                report(error.offset, `could not read this SOQL query: ${error.message}`);
                continue;
            }
            throw error;
        }
        const object = model.object(query.from.text);
        if (!object?.defined) {
            report(query.from.offset, `SOQL: object ${query.from.text} does not exist`);
            continue;
        }
        checkQuery(model, object, query, report);
    }
}

function checkQuery(model: ModelIndex, object: ObjectInfo, query: SoqlQuery, report: Report): void {
    for (const reference of query.fields) {
        const { field, error } = model.resolvePath(object.name, reference.text);
        if (error) report(reference.offset, `SOQL: ${error}`);
        const misuse = field && fieldMisuse(field, reference);
        if (misuse) report(reference.offset, `SOQL: ${field.object}.${field.name} ${misuse}`);
    }
    for (const comparison of query.comparisons) {
        const field = model.resolvePath(object.name, comparison.field.text).field;
        if (!field?.picklistValues || !['Picklist', 'MultiselectPicklist'].includes(field.type)) continue;
        for (const value of comparison.values) {
            if (!field.picklistValues.includes(value.text)) {
                report(value.offset, `SOQL: '${value.text}' is not a value of ${field.object}.${field.name}`);
            }
        }
    }
    for (const sub of query.children) {
        if (object.kind === 'opaque') continue;
        const lookup = object.childRelationships.get(sub.from.text.toLowerCase());
        const childObject = lookup ? model.object(lookup.object) : undefined;
        if (!childObject) {
            report(sub.from.offset, `SOQL: ${object.name} has no child relationship ${sub.from.text}`);
            continue;
        }
        checkQuery(model, childObject, sub, report);
    }
    for (const join of query.joins) {
        const joined = model.object(join.from.text);
        if (!joined?.defined) report(join.from.offset, `SOQL: object ${join.from.text} does not exist`);
        else checkQuery(model, joined, join, report);
    }
}

const UNFILTERABLE = new Set(['LongTextArea', 'Html', 'EncryptedText']);
const UNSORTABLE = new Set(['LongTextArea', 'Html', 'EncryptedText', 'MultiselectPicklist']);
const NUMERIC = new Set(['Number', 'Currency', 'Percent', 'Summary']);

/** What the Apex compiler refuses about a field's use in a query, by its type. */
function fieldMisuse(field: FieldInfo, reference: SoqlName): string | undefined {
    const type = field.type;
    if ((reference.function === 'SUM' || reference.function === 'AVG') && !NUMERIC.has(type)) {
        return `is ${type}: ${reference.function} needs a number, currency or percent field`;
    }
    if (reference.clause === 'where' && !reference.function && UNFILTERABLE.has(type)) {
        return `is ${type}, which cannot be filtered`;
    }
    if (reference.clause === 'order' && UNSORTABLE.has(type)) return `is ${type}, which cannot be sorted`;
    if (reference.clause === 'group' && UNSORTABLE.has(type)) return `is ${type}, which cannot be grouped`;
    return undefined;
}

/** `new Object__c(Field__c = value, ...)` for objects the model knows. */
function checkConstructors(model: ModelIndex, text: ApexText, report: Report): void {
    const pattern = /\bnew\s+([A-Za-z_]\w*)\s*\(/g;
    for (let match = pattern.exec(text.masked); match; match = pattern.exec(text.masked)) {
        const object = model.object(match[1]!);
        if (!object?.defined || object.kind === 'opaque') continue;
        const open = match.index + match[0].length - 1;
        const close = matchingBracket(text.masked, open);
        if (close < 0) continue;
        for (const arg of topLevelArguments(text.masked, open + 1, close)) {
            const assignment = /^(\s*)([A-Za-z_]\w*)\s*=(?!=)/.exec(text.masked.slice(arg.start, arg.end));
            if (!assignment) continue;
            const name = assignment[2]!;
            const offset = arg.start + assignment[1]!.length;
            const field = object.fields.get(name.toLowerCase());
            if (!field) report(offset, `${object.name}.${name} does not exist`);
            else if (field.readOnly && field.name !== 'Id') {
                report(offset, `${object.name}.${field.name} is read-only: Apex cannot set it`);
            }
        }
    }
}

function topLevelArguments(masked: string, start: number, end: number): { start: number; end: number }[] {
    const args: { start: number; end: number }[] = [];
    let depth = 0;
    let from = start;
    for (let i = start; i < end; i++) {
        const c = masked[i]!;
        if ('([{'.includes(c)) depth++;
        else if (')]}'.includes(c)) depth--;
        else if (c === ',' && depth === 0) {
            args.push({ start: from, end: i });
            from = i + 1;
        }
    }
    args.push({ start: from, end });
    return args;
}

/** `Cross_Sell_Attempt__c.Status__c` (an SObjectField token) names a field of that custom object. */
function checkFieldTokens(model: ModelIndex, text: ApexText, report: Report): void {
    const pattern = /(?<![\w.])([A-Za-z]\w*__(?:c|mdt))\.([A-Za-z]\w*__c)\b/g;
    for (let match = pattern.exec(text.masked); match; match = pattern.exec(text.masked)) {
        const object = model.object(match[1]!);
        if (!object?.defined) continue;
        if (!object.fields.has(match[2]!.toLowerCase())) {
            report(match.index + match[1]!.length + 1, `${object.name}.${match[2]} does not exist`);
        }
    }
}

function checkTrigger(model: ModelIndex, text: ApexText, report: Report): void {
    const match = /\btrigger\s+\w+\s+on\s+(\w+)/i.exec(text.masked);
    if (!match) return;
    if (!model.object(match[1]!)?.defined) {
        report(match.index + match[0].length - match[1]!.length, `trigger on ${match[1]}, which does not exist`);
    }
}
