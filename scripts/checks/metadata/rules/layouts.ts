import { childText, children, descendants } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';
import { columnError } from './columns';

const RULE = 'layout-references';

/**
 * Page layouts (`<Object>-<Layout name>.layout-meta.xml`) name existing fields of their object, and their
 * custom related lists (`Child__c.Lookup__c`) name a lookup on a child object that points to this object,
 * with columns that exist on the child.
 */
export const layouts: Rule = {
    name: RULE,
    description: 'page layouts name existing objects, fields and related lists',
    check(context) {
        const problems: Problem[] = [];
        const { model } = context;
        for (const file of context.filesEnding('.layout-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const objectName = file.name.slice(0, file.name.indexOf('-'));
            const object = model.object(objectName);
            if (file.name.indexOf('-') < 0 || !object?.defined) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        root,
                        `layout ${file.name} is not named after an existing object (Object-Layout Name)`
                    )
                );
                continue;
            }
            for (const item of descendants(root, 'layoutItems')) {
                const field = childText(item, 'field');
                if (field && object.kind !== 'opaque' && !object.fields.has(field.toLowerCase())) {
                    problems.push(problemAt(RULE, file, item, `layout field ${objectName}.${field} does not exist`));
                }
            }
            for (const related of children(root, 'relatedLists')) {
                const name = childText(related, 'relatedList') ?? '';
                const match = /^([^.]+)\.([^.]+)$/.exec(name);
                if (!match) continue;
                const [, childName = '', lookupName = ''] = match;
                const lookup = model.field(childName, lookupName);
                if (!model.object(childName)?.defined) {
                    problems.push(
                        problemAt(RULE, file, related, `related list ${name}: object ${childName} does not exist`)
                    );
                    continue;
                }
                if (!lookup || !lookup.referenceTo.some((r) => r.toLowerCase() === object.name.toLowerCase())) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            related,
                            `related list ${name}: ${childName}.${lookupName} is not a lookup to ${object.name}`
                        )
                    );
                    continue;
                }
                for (const column of children(related, 'fields')) {
                    const error = columnError(context, childName, column.text);
                    if (error) problems.push(problemAt(RULE, file, column, `related list ${name} column: ${error}`));
                }
            }
        }
        return problems;
    }
};
