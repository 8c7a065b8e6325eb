import { childText, children, type XmlElement } from '../core/xml';
import { problemAt, type CheckContext, type Problem, type Rule, type SourceFile } from '../core/types';

const RULE = 'permission-set-references';

/** Tab visibilities a permission set may grant (DefaultOn/DefaultOff are profile-only values). */
const TAB_VISIBILITIES = new Set(['Available', 'Visible', 'None']);

/**
 * Everything a permission set names exists: objects, fields, record types, tabs, Apex classes, Visualforce
 * pages, apps, custom metadata types, custom permissions, flows. And nothing is listed twice.
 */
export const permissionSetReferences: Rule = {
    name: RULE,
    description: 'permission sets name only existing components, each once',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.filesEnding('.permissionset-meta.xml')) {
            const root = file.root();
            if (root) problems.push(...checkPermissionSet(context, file, root));
        }
        return problems;
    }
};

function checkPermissionSet(context: CheckContext, file: SourceFile, root: XmlElement): Problem[] {
    const problems: Problem[] = [];
    const { model } = context;
    const report = (at: XmlElement, message: string): void => {
        problems.push(problemAt(RULE, file, at, message));
    };
    const seen = new Map<string, XmlElement>();
    const once = (section: string, key: string | undefined, at: XmlElement): void => {
        if (!key) {
            report(at, `${section} entry has no name`);
            return;
        }
        const id = `${section}:${key.toLowerCase()}`;
        const first = seen.get(id);
        if (first) report(at, `${section} lists ${key} again (first at line ${first.line})`);
        else seen.set(id, at);
    };

    for (const entry of children(root, 'objectPermissions')) {
        const name = childText(entry, 'object');
        once('objectPermissions', name, entry);
        if (!name) continue;
        const object = model.object(name);
        if (!object?.defined) report(entry, `objectPermissions names object ${name}, which does not exist`);
        else if (object.kind === 'metadata') {
            report(
                entry,
                `${name} is a custom metadata type: grant it with customMetadataTypeAccesses, not objectPermissions`
            );
        } else if (object.kind === 'setting') {
            report(entry, `${name} is a custom setting: it takes no objectPermissions`);
        }
    }
    for (const entry of children(root, 'fieldPermissions')) {
        const name = childText(entry, 'field');
        once('fieldPermissions', name, entry);
        if (!name) continue;
        const dot = name.indexOf('.');
        if (dot < 0) {
            report(entry, `fieldPermissions field ${name} must be written Object.Field`);
            continue;
        }
        const objectName = name.slice(0, dot);
        const fieldName = name.slice(dot + 1);
        const object = model.object(objectName);
        if (!object?.defined) report(entry, `fieldPermissions names object ${objectName}, which does not exist`);
        else if (object.kind !== 'opaque' && !object.fields.has(fieldName.toLowerCase())) {
            report(entry, `fieldPermissions names field ${name}, which does not exist`);
        }
    }
    for (const entry of children(root, 'recordTypeVisibilities')) {
        const name = childText(entry, 'recordType');
        once('recordTypeVisibilities', name, entry);
        if (!name) continue;
        const [objectName = '', recordType = ''] = name.split('.');
        const object = model.object(objectName);
        if (!object || ![...object.recordTypes].some((r) => r.toLowerCase() === recordType.toLowerCase())) {
            report(entry, `recordTypeVisibilities names record type ${name}, which does not exist`);
        }
    }
    for (const entry of children(root, 'tabSettings')) {
        const tab = childText(entry, 'tab');
        once('tabSettings', tab, entry);
        const visibility = childText(entry, 'visibility') ?? '';
        if (!TAB_VISIBILITIES.has(visibility)) {
            report(
                entry,
                `tab visibility ${visibility || '(empty)'} is not valid in a permission set (Available, Visible or None)`
            );
        }
        if (!tab) continue;
        if (tab.startsWith('standard-')) {
            const object = model.object(tab.slice('standard-'.length));
            if (!object?.defined && !STANDARD_ONLY_TABS.has(tab))
                report(entry, `tabSettings names unknown standard tab ${tab}`);
        } else if (!model.component('CustomTab', tab)) {
            report(entry, `tabSettings names tab ${tab}, which the project does not define`);
        }
    }
    const named: [string, string, string, string][] = [
        ['classAccesses', 'apexClass', 'ApexClass', 'Apex class'],
        ['pageAccesses', 'apexPage', 'ApexPage', 'Visualforce page'],
        ['applicationVisibilities', 'application', 'CustomApplication', 'app'],
        ['customPermissions', 'name', 'CustomPermission', 'custom permission'],
        ['flowAccesses', 'flowName', 'Flow', 'flow']
    ];
    for (const [section, key, type, what] of named) {
        for (const entry of children(root, section)) {
            const name = childText(entry, key);
            once(section, name, entry);
            if (
                name &&
                !model.component(type, name) &&
                !(type === 'CustomApplication' && name.startsWith('standard__'))
            ) {
                report(entry, `${section} names ${what} ${name}, which the project does not define`);
            }
        }
    }
    for (const entry of children(root, 'customMetadataTypeAccesses')) {
        const name = childText(entry, 'name');
        once('customMetadataTypeAccesses', name, entry);
        if (name && model.object(name)?.kind !== 'metadata') {
            report(
                entry,
                `customMetadataTypeAccesses names ${name}, which is not a custom metadata type of the project`
            );
        }
    }
    return problems;
}

/** Standard tabs that are not object tabs. */
const STANDARD_ONLY_TABS = new Set([
    'standard-home',
    'standard-Chatter',
    'standard-report',
    'standard-Dashboard',
    'standard-File'
]);
