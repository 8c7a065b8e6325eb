import type { CheckContext } from '../core/types';

/**
 * Checks a column or filter name as list views, search layouts and related lists write them. Standard columns
 * are upper-case tokens (`NAME`, `CREATED_DATE`, `CORE.USERS.ALIAS`) and are not checked; anything else is a
 * field API name or a relationship path (`Account__r.Name`) on the object.
 * Returns an error message, or undefined when the name is fine.
 */
export function columnError(context: CheckContext, objectName: string, column: string): string | undefined {
    if (!column || /^[A-Z0-9_.]+$/.test(column)) return undefined;
    // `OBJECT.Field__c` style: an upper-case entity token, then a custom field of that object.
    const path = /^[A-Z0-9_]+\.(?=[^.]*__c$)/.test(column) ? column.replace(/^[A-Z0-9_]+\./, '') : column;
    return context.model.resolvePath(objectName, path).error;
}
