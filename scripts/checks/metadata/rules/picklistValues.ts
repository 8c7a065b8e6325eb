import { childText, children, type XmlElement } from '../core/xml';
import { objectPathParts, type FieldInfo } from '../core/model';
import { problemAt, type Problem, type Rule, type SourceFile } from '../core/types';

const RULE = 'picklist-values';

/** Operations whose value is a list of picklist values. */
const VALUE_OPERATIONS = new Set(['equals', 'notEqual', 'includes', 'excludes']);

/**
 * Picklist values that metadata refers to exist in the field's value set: list view filters and record type
 * picklist selections. A wrong value deploys or silently filters nothing, depending on the type.
 */
export const picklistValues: Rule = {
    name: RULE,
    description: 'referenced picklist values exist in the value set',
    check(context) {
        const problems: Problem[] = [];
        const { model } = context;
        const checkValue = (file: SourceFile, at: XmlElement, field: FieldInfo, value: string, where: string): void => {
            if (!field.picklistValues) return;
            const known = field.picklistValues.some((v) => v.toLowerCase() === value.toLowerCase());
            if (!known) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        at,
                        `${where}: ${value} is not a value of ${field.object}.${field.name} (${field.picklistValues.join(', ')})`
                    )
                );
            }
        };

        for (const file of context.filesEnding('.listView-meta.xml')) {
            const root = file.root();
            const parts = objectPathParts(file.rel);
            if (!root || !parts) continue;
            for (const filter of children(root, 'filters')) {
                const field = model.resolvePath(parts.object, childText(filter, 'field') ?? '').field;
                const operation = childText(filter, 'operation') ?? '';
                const value = childText(filter, 'value');
                if (!field || value === undefined || value === '') continue;
                if (
                    (field.type === 'Picklist' || field.type === 'MultiselectPicklist') &&
                    VALUE_OPERATIONS.has(operation)
                ) {
                    for (const item of value.split(/[,;]/).map((v) => v.trim())) {
                        checkValue(file, filter, field, item, 'list view filter');
                    }
                }
                if (field.type === 'Checkbox' && !['0', '1', 'true', 'false'].includes(value)) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            filter,
                            `list view filter on checkbox ${field.name} must be 1 or 0, not ${value}`
                        )
                    );
                }
            }
        }

        for (const file of context.filesEnding('.recordType-meta.xml')) {
            const root = file.root();
            const parts = objectPathParts(file.rel);
            if (!root || !parts) continue;
            for (const picklist of children(root, 'picklistValues')) {
                const name = childText(picklist, 'picklist') ?? '';
                const field = model.field(parts.object, name);
                if (!field) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            picklist,
                            `record type names picklist ${parts.object}.${name}, which does not exist`
                        )
                    );
                    continue;
                }
                for (const value of children(picklist, 'values')) {
                    checkValue(
                        file,
                        value,
                        field,
                        decodeURIComponentSafe(childText(value, 'fullName') ?? ''),
                        'record type'
                    );
                }
            }
        }
        return problems;
    }
};

/** Record types store values URL-encoded (`Food %26 Beverage`). */
function decodeURIComponentSafe(value: string): string {
    try {
        return decodeURIComponent(value);
    } catch {
        return value;
    }
}
