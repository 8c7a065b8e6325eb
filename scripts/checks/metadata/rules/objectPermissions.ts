import { childFlag, childText, children } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'object-permissions';

/** Each permission and the permissions the platform requires with it. */
const DEPENDS: [string, string[]][] = [
    ['allowCreate', ['allowRead']],
    ['allowEdit', ['allowRead']],
    ['allowDelete', ['allowRead', 'allowEdit']],
    ['viewAllRecords', ['allowRead']],
    ['modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']]
];

/**
 * objectPermissions obey the platform's dependencies, which a deploy enforces: edit and create need read,
 * delete needs edit, view all needs read, modify all needs every other permission; and access to a detail
 * object of a master-detail relationship needs read on its master in the same permission set.
 */
export const objectPermissions: Rule = {
    name: RULE,
    description: 'object permissions respect the platform dependencies',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.filesEnding('.permissionset-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const entries = children(root, 'objectPermissions');
            const readable = new Set(
                entries
                    .filter((e) => childFlag(e, 'allowRead'))
                    .map((e) => (childText(e, 'object') ?? '').toLowerCase())
            );
            for (const entry of entries) {
                const name = childText(entry, 'object') ?? '';
                for (const [permission, needs] of DEPENDS) {
                    if (!childFlag(entry, permission)) continue;
                    const missing = needs.filter((n) => !childFlag(entry, n));
                    if (missing.length) {
                        problems.push(
                            problemAt(
                                RULE,
                                file,
                                entry,
                                `${name}: ${permission} requires ${missing.join(', ')} (the deploy is refused)`
                            )
                        );
                    }
                }
                const granted = DEPENDS.some(([p]) => childFlag(entry, p)) || childFlag(entry, 'allowRead');
                if (!granted) continue;
                const object = context.model.object(name);
                for (const field of object?.fields.values() ?? []) {
                    if (field.type !== 'MasterDetail') continue;
                    for (const master of field.referenceTo) {
                        if (!readable.has(master.toLowerCase())) {
                            problems.push(
                                problemAt(
                                    RULE,
                                    file,
                                    entry,
                                    `${name} is a detail of ${master} (${field.name}): access to it requires Read on ${master} in the same permission set`
                                )
                            );
                        }
                    }
                }
            }
        }
        return problems;
    }
};
