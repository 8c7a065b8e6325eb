import { child, childText } from '../core/xml';
import { readFormula } from '../core/formula';
import { objectPathParts, type ModelIndex } from '../core/model';
import { problemAt, type Problem, type Rule, type SourceFile } from '../core/types';
import type { XmlElement } from '../core/xml';

const RULE = 'formula-references';

/** Functions that accept a picklist field as an argument. */
const PICKLIST_FUNCTIONS = new Set(['ISPICKVAL', 'CASE', 'TEXT', 'ISBLANK', 'ISNULL', 'ISCHANGED', 'PRIORVALUE']);
const MULTI_PICKLIST_FUNCTIONS = new Set(['INCLUDES', 'ISBLANK', 'ISNULL', 'ISCHANGED', 'PRIORVALUE']);

/**
 * Formula fields and validation rules name existing fields, use picklists only where formulas accept them
 * (ISPICKVAL, CASE, TEXT, ISBLANK, ...), compare picklists with values of their set, and show their error on an
 * existing field.
 */
export const formulas: Rule = {
    name: RULE,
    description: 'formulas and validation rules name existing fields and picklist values',
    check(context) {
        const problems: Problem[] = [];
        const { model } = context;
        for (const file of context.files) {
            const parts = objectPathParts(file.rel);
            if (!parts?.folder) continue;
            const root = file.root();
            if (!root) continue;
            if (parts.folder === 'fields' && file.name.endsWith('.field-meta.xml')) {
                const formula = child(root, 'formula');
                if (formula) problems.push(...checkFormula(model, parts.object, file, formula));
            } else if (parts.folder === 'validationRules' && file.name.endsWith('.validationRule-meta.xml')) {
                const condition = child(root, 'errorConditionFormula');
                if (!condition)
                    problems.push(problemAt(RULE, file, root, 'validation rule has no errorConditionFormula'));
                else problems.push(...checkFormula(model, parts.object, file, condition));
                const display = child(root, 'errorDisplayField');
                if (display && !model.field(parts.object, display.text)) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            display,
                            `errorDisplayField ${parts.object}.${display.text} does not exist`
                        )
                    );
                }
                if (!childText(root, 'errorMessage'))
                    problems.push(problemAt(RULE, file, root, 'validation rule has no errorMessage'));
            }
        }
        return problems;
    }
};

function checkFormula(model: ModelIndex, objectName: string, file: SourceFile, element: XmlElement): Problem[] {
    const problems: Problem[] = [];
    const text = element.text;
    const lineAt = (offset: number): number => element.line + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
    const reading = readFormula(text);
    for (const reference of reading.references) {
        const { field, error } = model.resolvePath(objectName, reference.path);
        if (error) {
            problems.push(problemAt(RULE, file, lineAt(reference.offset), `formula: ${error}`));
            continue;
        }
        const allowed =
            field?.type === 'Picklist'
                ? PICKLIST_FUNCTIONS
                : field?.type === 'MultiselectPicklist'
                  ? MULTI_PICKLIST_FUNCTIONS
                  : undefined;
        if (field && allowed && !allowed.has(reference.enclosingFunction ?? '')) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    lineAt(reference.offset),
                    `formula: ${reference.path} is a ${field.type === 'Picklist' ? 'picklist' : 'multi-select picklist'}; use it inside ${[...allowed].slice(0, 3).join(', ')}...`
                )
            );
        }
    }
    for (const test of reading.picklistTests) {
        const field = model.resolvePath(objectName, test.path).field;
        if (field?.picklistValues && !field.picklistValues.includes(test.value)) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    lineAt(test.offset),
                    `formula: "${test.value}" is not a value of ${field.object}.${field.name}`
                )
            );
        }
    }
    return problems;
}
