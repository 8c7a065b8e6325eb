import { childText, children } from '../core/xml';
import { objectPathParts } from '../core/model';
import { problemAt, type Problem, type Rule } from '../core/types';
import { columnError } from './columns';

const RULE = 'list-view-references';

const SCOPES = new Set([
    'Everything',
    'Mine',
    'MineAndMyGroups',
    'Queue',
    'Delegated',
    'MyTerritory',
    'MyTeamTerritory',
    'Team',
    'SalesTeam',
    'AssignedToMe',
    'ScopingRule'
]);
const OPERATIONS = new Set([
    'equals',
    'notEqual',
    'lessThan',
    'greaterThan',
    'lessOrEqual',
    'greaterOrEqual',
    'contains',
    'notContain',
    'startsWith',
    'includes',
    'excludes',
    'within'
]);

/**
 * List views name existing columns and filter fields, use valid scopes and operators, and do not filter by
 * owner ("Mine") on an object without owners (the detail side of a master-detail relationship).
 */
export const listViews: Rule = {
    name: RULE,
    description: 'list views name existing fields with valid scopes and operators',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.filesEnding('.listView-meta.xml')) {
            const root = file.root();
            const parts = objectPathParts(file.rel);
            if (!root || !parts) continue;
            const object = context.model.object(parts.object);
            if (!object) continue;
            for (const column of children(root, 'columns')) {
                const error = columnError(context, object.name, column.text);
                if (error) problems.push(problemAt(RULE, file, column, `list view column: ${error}`));
            }
            for (const filter of children(root, 'filters')) {
                const field = childText(filter, 'field') ?? '';
                const error = columnError(context, object.name, field);
                if (error) problems.push(problemAt(RULE, file, filter, `list view filter: ${error}`));
                const operation = childText(filter, 'operation') ?? '';
                if (!OPERATIONS.has(operation)) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            filter,
                            `list view filter operation ${operation || '(empty)'} is not valid`
                        )
                    );
                }
            }
            const scope = childText(root, 'filterScope');
            if (scope === undefined || !SCOPES.has(scope)) {
                problems.push(
                    problemAt(RULE, file, root, `list view filterScope ${scope ?? '(missing)'} is not valid`)
                );
            } else if (scope === 'Mine' && object.kind === 'custom' && !object.fields.has('ownerid')) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        root,
                        `${object.name} records have no owner (master-detail), so filterScope cannot be Mine`
                    )
                );
            }
            if (!childText(root, 'label')) problems.push(problemAt(RULE, file, root, 'list view has no label'));
        }
        return problems;
    }
};
