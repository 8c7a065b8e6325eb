import { apexText } from '../core/apexText';
import { childFlag, childText, children } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';
import { auraEnabledMethods } from './componentImports';

const RULE = 'access-coverage';

/**
 * What the project ships, some permission set grants, so that assigning the permission sets is all an admin
 * does: read access to every custom object, visibility of every custom tab and app, access to every Apex class
 * that components call (@AuraEnabled), and to every custom metadata type. Without it users meet "insufficient
 * privileges" or a panel error instead of the feature.
 */
export const accessCoverage: Rule = {
    name: RULE,
    description: 'permission sets grant access to every object, tab, app, component-facing class and settings type',
    check(context) {
        const problems: Problem[] = [];
        const granted = {
            objects: new Set<string>(),
            tabs: new Set<string>(),
            apps: new Set<string>(),
            classes: new Set<string>(),
            metadataTypes: new Set<string>()
        };
        const permissionSets = context.filesEnding('.permissionset-meta.xml');
        for (const file of permissionSets) {
            const root = file.root();
            if (!root) continue;
            const add = (set: Set<string>, value: string | undefined): void => {
                if (value) set.add(value.toLowerCase());
            };
            for (const e of children(root, 'objectPermissions'))
                if (childFlag(e, 'allowRead')) add(granted.objects, childText(e, 'object'));
            for (const e of children(root, 'tabSettings'))
                if (childText(e, 'visibility') !== 'None') add(granted.tabs, childText(e, 'tab'));
            for (const e of children(root, 'applicationVisibilities'))
                if (childFlag(e, 'visible')) add(granted.apps, childText(e, 'application'));
            for (const e of children(root, 'classAccesses'))
                if (childFlag(e, 'enabled')) add(granted.classes, childText(e, 'apexClass'));
            for (const e of children(root, 'customMetadataTypeAccesses'))
                if (childFlag(e, 'enabled')) add(granted.metadataTypes, childText(e, 'name'));
        }
        if (!permissionSets.length) return problems;

        for (const object of context.model.objects.values()) {
            if (!object.file) continue;
            if (object.kind === 'custom' && !granted.objects.has(object.name.toLowerCase())) {
                problems.push(
                    problemAt(RULE, object.file, object.file.root(), `no permission set grants Read on ${object.name}`)
                );
            }
            if (object.kind === 'metadata' && !granted.metadataTypes.has(object.name.toLowerCase())) {
                problems.push(
                    problemAt(
                        RULE,
                        object.file,
                        object.file.root(),
                        `no permission set grants access to custom metadata type ${object.name}`
                    )
                );
            }
        }
        for (const [name, entry] of context.model.components.get('CustomTab') ?? []) {
            if (!granted.tabs.has(name))
                problems.push(
                    problemAt(RULE, entry.file, entry.file.root(), `no permission set makes tab ${entry.name} visible`)
                );
        }
        for (const [name, entry] of context.model.components.get('CustomApplication') ?? []) {
            if (!granted.apps.has(name))
                problems.push(
                    problemAt(RULE, entry.file, entry.file.root(), `no permission set makes app ${entry.name} visible`)
                );
        }
        for (const [name, entry] of context.model.components.get('ApexClass') ?? []) {
            // Class access matters for the classes components call; wrappers they return need none.
            if (!auraEnabledMethods(entry.file).size || granted.classes.has(name)) continue;
            const masked = apexText(entry.file.text()).masked;
            if (/@IsTest\b/i.test(masked)) continue;
            const line = masked.slice(0, /@AuraEnabled\b/i.exec(masked)?.index ?? 0).split('\n').length;
            problems.push(
                problemAt(
                    RULE,
                    entry.file,
                    line,
                    `${entry.name} has @AuraEnabled methods, but no permission set grants access to the class`
                )
            );
        }
        return problems;
    }
};
