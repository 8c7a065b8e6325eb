import { childText } from '../core/xml';
import { objectPathParts } from '../core/model';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'metadata-shape';
const NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** The root element each kind of source file must have. */
const ROOTS: [string, string][] = [
    ['.object-meta.xml', 'CustomObject'],
    ['.field-meta.xml', 'CustomField'],
    ['.listView-meta.xml', 'ListView'],
    ['.compactLayout-meta.xml', 'CompactLayout'],
    ['.recordType-meta.xml', 'RecordType'],
    ['.validationRule-meta.xml', 'ValidationRule'],
    ['.fieldSet-meta.xml', 'FieldSet'],
    ['.webLink-meta.xml', 'WebLink'],
    ['.permissionset-meta.xml', 'PermissionSet'],
    ['.permissionsetgroup-meta.xml', 'PermissionSetGroup'],
    ['.layout-meta.xml', 'Layout'],
    ['.flexipage-meta.xml', 'FlexiPage'],
    ['.tab-meta.xml', 'CustomTab'],
    ['.app-meta.xml', 'CustomApplication'],
    ['.labels-meta.xml', 'CustomLabels'],
    ['.md-meta.xml', 'CustomMetadata'],
    ['.notiftype-meta.xml', 'CustomNotificationType'],
    ['.cls-meta.xml', 'ApexClass'],
    ['.trigger-meta.xml', 'ApexTrigger'],
    ['.js-meta.xml', 'LightningComponentBundle'],
    ['.reportType-meta.xml', 'ReportType'],
    ['.report-meta.xml', 'Report'],
    ['.dashboard-meta.xml', 'Dashboard'],
    ['.reportFolder-meta.xml', 'ReportFolder'],
    ['.dashboardFolder-meta.xml', 'DashboardFolder'],
    ['.globalValueSet-meta.xml', 'GlobalValueSet'],
    ['.standardValueSet-meta.xml', 'StandardValueSet'],
    ['.customPermission-meta.xml', 'CustomPermission'],
    ['.resource-meta.xml', 'StaticResource'],
    ['.flow-meta.xml', 'Flow']
];

/** Where object children must live: `objects/<Object>/<folder>/`. */
const OBJECT_FOLDERS: Record<string, string> = {
    '.field-meta.xml': 'fields',
    '.listView-meta.xml': 'listViews',
    '.compactLayout-meta.xml': 'compactLayouts',
    '.recordType-meta.xml': 'recordTypes',
    '.validationRule-meta.xml': 'validationRules',
    '.fieldSet-meta.xml': 'fieldSets',
    '.webLink-meta.xml': 'webLinks'
};

/**
 * Each metadata file has the root element its suffix promises, in the Metadata API namespace, sits where the
 * CLI looks for it, and (for object children) names itself as its file does.
 */
export const metadataShape: Rule = {
    name: RULE,
    description: 'root element, namespace, folder and fullName agree with the file name',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.files) {
            const entry = ROOTS.find(([suffix]) => file.name.endsWith(suffix));
            if (!entry) continue;
            const root = file.root();
            if (!root) continue;
            const [suffix, expected] = entry;
            if (root.name !== expected) {
                problems.push(
                    problemAt(RULE, file, root, `${file.name} must have root element ${expected}, not ${root.name}`)
                );
            }
            if (root.attributes.xmlns !== NAMESPACE) {
                problems.push(problemAt(RULE, file, root, `${root.name} must declare xmlns="${NAMESPACE}"`));
            }
            const folder = OBJECT_FOLDERS[suffix];
            if (folder) {
                const parts = objectPathParts(file.rel);
                if (parts?.folder !== folder) {
                    problems.push(problemAt(RULE, file, root, `${file.name} must be in objects/<Object>/${folder}/`));
                }
                const fullName = childText(root, 'fullName');
                const fileName = file.name.slice(0, -suffix.length);
                if (fullName !== undefined && fullName !== fileName) {
                    problems.push(
                        problemAt(RULE, file, root, `fullName ${fullName} differs from the file name ${fileName}`)
                    );
                }
            }
        }
        return problems;
    }
};
