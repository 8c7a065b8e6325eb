import { child, childFlag, childText, children, type XmlElement } from '../core/xml';
import type { FieldInfo, ObjectInfo } from '../core/model';
import { columnError } from './columns';
import { problemAt, type CheckContext, type Problem, type Rule } from '../core/types';

const RULE = 'object-definitions';

/** Org-wide defaults from narrowest to widest (ControlledByParent follows the master and is not ranked). */
const ACCESS_ORDER = ['Private', 'Read', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess'];

/**
 * Objects and fields are defined so the platform accepts them: custom objects state their sharing model (and a
 * detail object's is ControlledByParent), lookups point to existing objects with a relationship name, required
 * lookups do not clear on delete, picklists are restricted with unique values and one default at most,
 * roll-up summaries summarize existing fields, and the object's compact layout and search columns exist.
 */
export const objectDefinitions: Rule = {
    name: RULE,
    description: 'object and field definitions are consistent and refer to existing things',
    check(context) {
        const problems: Problem[] = [];
        for (const object of context.model.objects.values()) {
            if (['custom', 'setting', 'metadata', 'event'].includes(object.kind)) {
                problems.push(...checkObject(context, object));
            }
            for (const field of object.fields.values()) {
                if (field.custom && field.file) problems.push(...checkField(context, object, field));
            }
        }
        return problems;
    }
};

function checkObject(context: CheckContext, object: ObjectInfo): Problem[] {
    const problems: Problem[] = [];
    const file = object.file;
    if (!file) {
        const anyField = [...object.fields.values()].find((f) => f.file);
        if (anyField?.file) {
            problems.push(
                problemAt(RULE, anyField.file, 1, `custom object ${object.name} has no ${object.name}.object-meta.xml`)
            );
        }
        return problems;
    }
    const root = file.root();
    if (root && object.kind === 'setting') return checkSetting(object, file, root);
    if (!root || object.kind !== 'custom') return problems;
    const masters = [...object.fields.values()].filter((f) => f.type === 'MasterDetail');
    const sharing = child(root, 'sharingModel');
    if (!sharing) {
        problems.push(problemAt(RULE, file, root, `${object.name} states no sharingModel (organization-wide default)`));
    } else if (masters.length && sharing.text !== 'ControlledByParent') {
        problems.push(
            problemAt(
                RULE,
                file,
                sharing,
                `${object.name} has a master-detail field, so its sharingModel must be ControlledByParent`
            )
        );
    } else if (!masters.length && sharing.text === 'ControlledByParent') {
        problems.push(
            problemAt(
                RULE,
                file,
                sharing,
                `${object.name} has no master-detail field, so it cannot be ControlledByParent`
            )
        );
    }
    const external = child(root, 'externalSharingModel');
    if (
        external &&
        sharing &&
        ![external.text, sharing.text].includes('ControlledByParent') &&
        ACCESS_ORDER.indexOf(external.text) > ACCESS_ORDER.indexOf(sharing.text)
    ) {
        problems.push(
            problemAt(
                RULE,
                file,
                external,
                `${object.name}: external access ${external.text} cannot be wider than internal ${sharing.text}`
            )
        );
    }
    if (external && masters.length && external.text !== 'ControlledByParent') {
        problems.push(
            problemAt(
                RULE,
                file,
                external,
                `${object.name} has a master-detail field, so its externalSharingModel must be ControlledByParent`
            )
        );
    }
    const enterprise = ['enableSharing', 'enableBulkApi', 'enableStreamingApi'].map((name) => child(root, name));
    const states = new Set(enterprise.filter((e) => e).map((e) => e!.text));
    if (states.size > 1) {
        problems.push(
            problemAt(
                RULE,
                file,
                enterprise.find((e) => e) ?? root,
                `${object.name}: enableSharing, enableBulkApi and enableStreamingApi must be all true or all false`
            )
        );
    }
    const nameField = child(root, 'nameField');
    if (nameField && !childText(nameField, 'label'))
        problems.push(problemAt(RULE, file, nameField, `${object.name}: nameField needs a label`));
    if (childText(nameField, 'type') === 'AutoNumber' && !childText(nameField, 'displayFormat')) {
        problems.push(problemAt(RULE, file, nameField, `${object.name}: an auto-number name needs a displayFormat`));
    }
    if (masters.length > 2) {
        problems.push(
            problemAt(
                RULE,
                file,
                root,
                `${object.name} has ${masters.length} master-detail fields; an object can have at most two`
            )
        );
    }
    if (!child(root, 'nameField')) problems.push(problemAt(RULE, file, root, `${object.name} has no nameField`));
    if (!childText(root, 'label')) problems.push(problemAt(RULE, file, root, `${object.name} has no label`));

    const assignment = child(root, 'compactLayoutAssignment');
    if (assignment && assignment.text !== 'SYSTEM') {
        const exists = context.files.some(
            (f) =>
                f.rel.includes(`/objects/${object.name}/compactLayouts/`) &&
                f.name === `${assignment.text}.compactLayout-meta.xml`
        );
        if (!exists)
            problems.push(
                problemAt(RULE, file, assignment, `compact layout ${assignment.text} does not exist on ${object.name}`)
            );
    }
    for (const search of children(root, 'searchLayouts')) {
        for (const column of search.children.filter((c) => c.name.endsWith('AdditionalFields'))) {
            const error = columnError(context, object.name, column.text);
            if (error) problems.push(problemAt(RULE, file, column, `search layout: ${error}`));
        }
    }
    for (const override of children(root, 'actionOverrides')) {
        if (childText(override, 'type') !== 'Flexipage') continue;
        const content = child(override, 'content');
        if (content && !context.model.component('FlexiPage', content.text)) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    content,
                    `action override uses Lightning page ${content.text}, which does not exist`
                )
            );
        }
    }
    return problems;
}

/** Field types a custom setting can have (no lookups, picklists, long text or formulas). */
const SETTING_FIELD_TYPES = new Set([
    'Checkbox',
    'Currency',
    'Date',
    'DateTime',
    'Email',
    'Number',
    'Percent',
    'Phone',
    'Text',
    'TextArea',
    'Url'
]);

/**
 * A custom setting states its type (Hierarchy or List), its visibility and a label, has none of an object's
 * sharing or name field, and only the field types settings support.
 */
function checkSetting(object: ObjectInfo, file: NonNullable<ObjectInfo['file']>, root: XmlElement): Problem[] {
    const problems: Problem[] = [];
    const type = child(root, 'customSettingsType');
    if (!['Hierarchy', 'List'].includes(type?.text ?? '')) {
        problems.push(
            problemAt(RULE, file, type ?? root, `${object.name}: customSettingsType must be Hierarchy or List`)
        );
    }
    if (!['Public', 'Protected'].includes(childText(root, 'visibility') ?? '')) {
        problems.push(problemAt(RULE, file, root, `${object.name}: a custom setting states its visibility`));
    }
    if (!childText(root, 'label')) problems.push(problemAt(RULE, file, root, `${object.name} has no label`));
    for (const name of ['sharingModel', 'nameField', 'externalSharingModel', 'compactLayoutAssignment']) {
        const element = child(root, name);
        if (element) problems.push(problemAt(RULE, file, element, `${object.name} is a custom setting: no ${name}`));
    }
    for (const field of object.fields.values()) {
        if (field.custom && field.file && !SETTING_FIELD_TYPES.has(field.type)) {
            problems.push(
                problemAt(
                    RULE,
                    field.file,
                    child(field.element, 'type') ?? 1,
                    `${object.name}.${field.name}: a custom setting cannot have a ${field.type} field`
                )
            );
        }
    }
    return problems;
}

function checkField(context: CheckContext, object: ObjectInfo, field: FieldInfo): Problem[] {
    const problems: Problem[] = [];
    const file = field.file!;
    const root = field.element!;
    const at = (name: string) => child(root, name) ?? root;
    const full = `${object.name}.${field.name}`;
    if (!field.type) problems.push(problemAt(RULE, file, root, `${full} has no type`));
    if ((object.kind === 'custom' || object.kind === 'setting') && !/__c$/.test(field.name)) {
        problems.push(problemAt(RULE, file, root, `custom field ${full} must end in __c`));
    }
    if (field.type === 'MasterDetail' && object.kind !== 'custom') {
        problems.push(
            problemAt(
                RULE,
                file,
                at('type'),
                `${full}: only custom objects can be the detail of a master-detail relationship`
            )
        );
    }
    if (['Lookup', 'MasterDetail'].includes(field.type)) {
        if (!field.referenceTo.length) problems.push(problemAt(RULE, file, root, `${full} has no referenceTo`));
        for (const target of field.referenceTo) {
            if (!context.model.object(target)?.defined) {
                problems.push(
                    problemAt(RULE, file, at('referenceTo'), `${full} refers to object ${target}, which does not exist`)
                );
            }
        }
        if (!childText(root, 'relationshipName'))
            problems.push(problemAt(RULE, file, root, `${full} has no relationshipName`));
        if (field.type === 'Lookup' && field.required && childText(root, 'deleteConstraint') === 'SetNull') {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    at('deleteConstraint'),
                    `${full} is required, so deleting its parent cannot clear it: use Restrict`
                )
            );
        }
    }
    if (field.type === 'Picklist' || field.type === 'MultiselectPicklist') {
        const valueSet = child(root, 'valueSet');
        const definition = child(valueSet, 'valueSetDefinition');
        if (!valueSet) problems.push(problemAt(RULE, file, root, `${full} has no valueSet`));
        else if (definition && !childFlag(valueSet, 'restricted')) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    valueSet,
                    `${full}: the picklist must be restricted (project rule: every picklist restricted)`
                )
            );
        } else if (!definition && !field.picklistValues && childText(valueSet, 'valueSetName')) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    valueSet,
                    `${full} uses global value set ${childText(valueSet, 'valueSetName')}, which does not exist`
                )
            );
        }
        const seen = new Set<string>();
        let defaults = 0;
        for (const value of children(definition, 'value')) {
            const name = childText(value, 'fullName') ?? '';
            if (seen.has(name.toLowerCase()))
                problems.push(problemAt(RULE, file, value, `${full} lists value ${name} twice`));
            seen.add(name.toLowerCase());
            if (childFlag(value, 'default')) defaults++;
            if (defaults > 1 && childFlag(value, 'default') && field.type === 'Picklist') {
                problems.push(problemAt(RULE, file, value, `${full} has more than one default value`));
            }
        }
    }
    if (field.type === 'Summary') {
        const key = child(root, 'summaryForeignKey');
        const operation = childText(root, 'summaryOperation');
        const [childObject = '', masterField = ''] = (key?.text ?? '').split('.');
        const masterDetail = context.model.field(childObject, masterField);
        if (!key || masterDetail?.type !== 'MasterDetail') {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    key ?? root,
                    `${full}: summaryForeignKey must name a master-detail field on a child object`
                )
            );
        }
        const summarized = child(root, 'summarizedField');
        if (operation !== 'count' && summarized) {
            const [obj = '', name = ''] = summarized.text.split('.');
            if (!context.model.field(obj, name)) {
                problems.push(
                    problemAt(RULE, file, summarized, `${full} summarizes ${summarized.text}, which does not exist`)
                );
            }
        }
    }
    return problems;
}
