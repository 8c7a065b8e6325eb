import { apexText } from '../core/apexText';
import type { Problem, Rule, SourceFile } from '../core/types';
import type { CheckContext } from '../core/types';
import { isComponentSource } from './labels';

const RULE = 'component-imports';

/**
 * What Lightning web components import from the platform exists in the project: `@salesforce/schema/Obj.Field`
 * (objects, fields, relationship paths) and `@salesforce/apex/Class.method` (a static @AuraEnabled method of a
 * project class). A wrong name compiles locally and fails only on deploy.
 */
export const componentImports: Rule = {
    name: RULE,
    description: 'schema and Apex imports of components name existing objects, fields and @AuraEnabled methods',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.files) {
            if (!isComponentSource(file, context.files)) continue;
            const source = file.text();
            const pattern = /['"]@salesforce\/(schema|apex)\/([\w.]+)['"]/g;
            for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
                const line = source.slice(0, match.index).split('\n').length;
                const message = match[1] === 'schema' ? schemaError(context, match[2]!) : apexError(context, match[2]!);
                if (message) problems.push({ file: file.rel, line, rule: RULE, message });
            }
        }
        return problems;
    }
};

function schemaError(context: CheckContext, reference: string): string | undefined {
    const [objectName = '', ...path] = reference.split('.');
    const object = context.model.object(objectName);
    if (!object?.defined) return `@salesforce/schema/${reference}: object ${objectName} does not exist`;
    if (!path.length) return undefined;
    const error = context.model.resolvePath(object.name, path.join('.')).error;
    return error ? `@salesforce/schema/${reference}: ${error}` : undefined;
}

const aura = new Map<string, Set<string>>();

/** Static @AuraEnabled methods of an Apex class (lower-case names). */
export function auraEnabledMethods(file: SourceFile): Set<string> {
    const cached = aura.get(file.path);
    if (cached) return cached;
    const masked = apexText(file.text()).masked;
    const methods = new Set<string>();
    // The declaration after the annotation, up to its parameter list: modifiers, return type, name.
    const pattern = /@AuraEnabled\b(?:\s*\([^)]*\))?([^;{}()]*?)(\w+)\s*\(/gi;
    for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
        if (/\bstatic\b/i.test(match[1] ?? '')) methods.add(match[2]!.toLowerCase());
    }
    aura.set(file.path, methods);
    return methods;
}

function apexError(context: CheckContext, reference: string): string | undefined {
    const [className = '', method = ''] = reference.split('.');
    const entry = context.model.component('ApexClass', className);
    if (!entry) return `@salesforce/apex/${reference}: Apex class ${className} does not exist`;
    if (!auraEnabledMethods(entry.file).has(method.toLowerCase())) {
        return `@salesforce/apex/${reference}: ${className} has no static @AuraEnabled method ${method}`;
    }
    return undefined;
}
