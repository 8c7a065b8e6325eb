import { childFlag, childText, children, type XmlElement } from '../core/xml';
import type { FieldInfo } from '../core/model';
import { problemAt, type Problem, type Rule, type SourceFile } from '../core/types';

const RULE = 'field-security';

/** Why a permission set cannot name this field at all, or undefined when it can. */
function refusal(field: FieldInfo): string | undefined {
    if (field.required) return 'it is required (required fields are always readable and editable)';
    if (field.type === 'MasterDetail') return 'it is a master-detail field (its access follows the master record)';
    if (!field.fls) return 'field-level security does not apply to it';
    return undefined;
}

function readOnlyKind(field: FieldInfo): string {
    if (field.formula) return 'a formula field';
    if (field.type === 'Summary') return 'a roll-up summary field';
    if (field.type === 'AutoNumber') return 'an auto-number field';
    return 'read-only';
}

/**
 * Field-level security that deploys and is complete: each custom field that can carry field-level security is
 * readable through at least one permission set (otherwise nobody but admins sees it), and no permission set
 * grants what the platform refuses: any access to required or master-detail fields, edit access to formula,
 * roll-up summary and auto-number fields, or edit without read.
 */
export const fieldSecurity: Rule = {
    name: RULE,
    description: 'every custom field is covered by a permission set, and no grant is one the platform refuses',
    check(context) {
        const problems: Problem[] = [];
        const covered = new Set<string>();
        for (const file of context.filesEnding('.permissionset-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            for (const entry of children(root, 'fieldPermissions')) {
                const name = childText(entry, 'field') ?? '';
                const dot = name.indexOf('.');
                if (dot < 0) continue;
                const field = context.model.field(name.slice(0, dot), name.slice(dot + 1));
                const readable = childFlag(entry, 'readable');
                const editable = childFlag(entry, 'editable');
                if (readable) covered.add(name.toLowerCase());
                if (!field) continue;
                problems.push(...grantProblems(file, entry, name, field, readable, editable));
            }
        }
        for (const object of context.model.objects.values()) {
            for (const field of object.fields.values()) {
                if (!field.custom || !field.file || refusal(field)) continue;
                if (!covered.has(`${object.name}.${field.name}`.toLowerCase())) {
                    problems.push(
                        problemAt(
                            RULE,
                            field.file,
                            field.element,
                            `${object.name}.${field.name} is readable through no permission set: grant it in the permission set of the users who need it`
                        )
                    );
                }
            }
        }
        return problems;
    }
};

function grantProblems(
    file: SourceFile,
    entry: XmlElement,
    name: string,
    field: FieldInfo,
    readable: boolean,
    editable: boolean
): Problem[] {
    const why = refusal(field);
    if (why) return [problemAt(RULE, file, entry, `${name} cannot be named in fieldPermissions: ${why}`)];
    const problems: Problem[] = [];
    if (editable && field.readOnly) {
        problems.push(
            problemAt(RULE, file, entry, `${name} is ${readOnlyKind(field)}: it can be granted read access only`)
        );
    }
    if (editable && !readable) {
        problems.push(problemAt(RULE, file, entry, `${name}: edit access requires read access`));
    }
    return problems;
}
