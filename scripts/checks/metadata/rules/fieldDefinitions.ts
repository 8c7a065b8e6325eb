import { child, childFlag, childText } from '../core/xml';
import type { FieldInfo, ObjectInfo } from '../core/model';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'field-definitions';
const MAX_TRACKED_FIELDS = 20;

/** Limits the Metadata API enforces per field type. */
const LENGTHS: Record<string, [number, number]> = {
    Text: [1, 255],
    LongTextArea: [256, 131072],
    Html: [256, 131072],
    EncryptedText: [1, 175]
};
const NUMERIC = new Set(['Number', 'Currency', 'Percent']);

/**
 * Each custom field carries the attributes its type requires, within the platform's limits: lengths for text,
 * visible lines for long text, precision and scale for numbers, a default for checkboxes, a display format for
 * auto numbers; field history is tracked only on objects that enable it, for at most 20 fields.
 */
export const fieldDefinitions: Rule = {
    name: RULE,
    description: 'custom fields have the attributes their type requires',
    check(context) {
        const problems: Problem[] = [];
        for (const object of context.model.objects.values()) {
            const tracked: FieldInfo[] = [];
            for (const field of object.fields.values()) {
                if (!field.custom || !field.file || !field.element) continue;
                problems.push(...checkField(field));
                if (childFlag(field.element, 'trackHistory')) tracked.push(field);
            }
            problems.push(...checkHistory(object, tracked));
        }
        return problems;
    }
};

function checkField(field: FieldInfo): Problem[] {
    const problems: Problem[] = [];
    const root = field.element!;
    const file = field.file!;
    const full = `${field.object}.${field.name}`;
    const report = (message: string, at = root): void => {
        problems.push(problemAt(RULE, file, at, `${full}: ${message}`));
    };
    const number = (name: string): number | undefined => {
        const text = childText(root, name);
        return text === undefined || text === '' ? undefined : Number(text);
    };
    if (!childText(root, 'label')) report('has no label');
    const range = LENGTHS[field.type];
    if (range && !field.formula) {
        const length = number('length');
        if (length === undefined) report(`a ${field.type} field needs a length`);
        else if (!(length >= range[0] && length <= range[1])) {
            report(`length ${length} is outside ${range[0]}..${range[1]}`, child(root, 'length'));
        }
    }
    if ((field.type === 'LongTextArea' || field.type === 'Html') && number('visibleLines') === undefined) {
        report(`a ${field.type} field needs visibleLines`);
    }
    if (NUMERIC.has(field.type)) {
        const precision = number('precision');
        const scale = number('scale');
        if (precision === undefined || scale === undefined) report(`a ${field.type} field needs precision and scale`);
        else if (precision > 18 || precision < 1 || scale < 0 || scale > precision) {
            report(
                `precision ${precision} and scale ${scale} must satisfy 0 <= scale <= precision <= 18`,
                child(root, 'precision')
            );
        }
    }
    if (field.type === 'Checkbox' && !field.formula && childText(root, 'defaultValue') === undefined) {
        report('a checkbox needs a defaultValue (true or false)');
    }
    if (field.type === 'AutoNumber' && !childText(root, 'displayFormat'))
        report('an auto-number field needs a displayFormat');
    if (
        field.formula &&
        ['LongTextArea', 'Html', 'Picklist', 'MultiselectPicklist', 'Lookup', 'MasterDetail'].includes(field.type)
    ) {
        report(`a formula cannot return ${field.type}`, child(root, 'type'));
    }
    if (childFlag(root, 'externalId') && !['Text', 'Number', 'Email', 'AutoNumber'].includes(field.type)) {
        report(`a ${field.type} field cannot be an external id`, child(root, 'externalId'));
    }
    return problems;
}

function checkHistory(object: ObjectInfo, tracked: FieldInfo[]): Problem[] {
    if (!tracked.length) return [];
    const problems: Problem[] = [];
    const root = object.file?.root();
    // Standard objects' history settings live in the org; only custom objects state them here.
    if (object.kind === 'custom' && root && !childFlag(root, 'enableHistory')) {
        for (const field of tracked) {
            problems.push(
                problemAt(
                    RULE,
                    field.file!,
                    child(field.element, 'trackHistory'),
                    `${object.name}.${field.name} tracks history, but ${object.name} does not enable history`
                )
            );
        }
    }
    if (tracked.length > MAX_TRACKED_FIELDS) {
        const extra = tracked[MAX_TRACKED_FIELDS]!;
        problems.push(
            problemAt(
                RULE,
                extra.file!,
                extra.element,
                `${object.name} tracks history on ${tracked.length} fields; the limit is ${MAX_TRACKED_FIELDS}`
            )
        );
    }
    return problems;
}
