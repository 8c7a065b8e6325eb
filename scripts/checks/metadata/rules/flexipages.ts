import { child, childText, children, descendants } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';
import { lwcExposure, propertyValueError } from './lwcTargets';

const RULE = 'flexipage-references';

/** The js-meta.xml target a component needs to be placed on each kind of Lightning page. */
const PAGE_TARGETS: Record<string, string> = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

/**
 * Lightning pages name an existing object, fields of it (`Record.Field__c`), related lists it has, and custom
 * components that exist, are exposed for that kind of page (and that object) and declare the properties the
 * page sets.
 */
export const flexipages: Rule = {
    name: RULE,
    description: 'Lightning pages name existing objects, fields, related lists and exposed components',
    check(context) {
        const problems: Problem[] = [];
        const { model } = context;
        for (const file of context.filesEnding('.flexipage-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const pageType = childText(root, 'type') ?? '';
            const sobject = child(root, 'sobjectType');
            const object = sobject ? model.object(sobject.text) : undefined;
            if (sobject && !object?.defined) {
                problems.push(problemAt(RULE, file, sobject, `sobjectType ${sobject.text} does not exist`));
            }
            if (pageType === 'RecordPage' && !sobject)
                problems.push(problemAt(RULE, file, root, 'a record page needs a sobjectType'));

            const facets = new Set(
                children(root, 'flexiPageRegions')
                    .filter((r) => childText(r, 'type') === 'Facet')
                    .map((r) => childText(r, 'name'))
            );
            for (const instance of descendants(root, 'componentInstance')) {
                const name = childText(instance, 'componentName') ?? '';
                for (const property of children(instance, 'componentInstanceProperties')) {
                    const key = childText(property, 'name');
                    const value = childText(property, 'value') ?? '';
                    const facetProperty =
                        (name === 'flexipage:tab' && key === 'body') || (name === 'flexipage:tabset' && key === 'tabs');
                    if (facetProperty && !facets.has(value)) {
                        problems.push(
                            problemAt(
                                RULE,
                                file,
                                property,
                                `${name} ${key} names facet ${value}, which the page does not define`
                            )
                        );
                    }
                }
            }
            const identifiers = new Map<string, number>();
            for (const identifier of descendants(root, 'identifier')) {
                const first = identifiers.get(identifier.text);
                if (first)
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            identifier,
                            `identifier ${identifier.text} is used twice (first at line ${first})`
                        )
                    );
                else identifiers.set(identifier.text, identifier.line);
            }
            for (const item of descendants(root, 'fieldItem')) {
                const path = item.text.replace(/^Record\./, '');
                if (!object || path === item.text) continue;
                const error = model.resolvePath(object.name, path).error;
                if (error) problems.push(problemAt(RULE, file, item, `field ${item.text}: ${error}`));
            }
            for (const instance of descendants(root, 'componentInstance')) {
                const name = childText(instance, 'componentName') ?? '';
                const properties = children(instance, 'componentInstanceProperties').map((p) => ({
                    element: p,
                    name: childText(p, 'name') ?? '',
                    value: childText(p, 'value') ?? ''
                }));
                if (name === 'force:relatedListSingleContainer' && object && object.kind !== 'opaque') {
                    const related = properties.find((p) => p.name === 'relatedListApiName');
                    if (
                        related &&
                        related.value.endsWith('__r') &&
                        !object.childRelationships.has(related.value.toLowerCase())
                    ) {
                        problems.push(
                            problemAt(
                                RULE,
                                file,
                                related.element,
                                `related list ${related.value} is not a child relationship of ${object.name}`
                            )
                        );
                    }
                }
                const custom = /^c:(\w+)$/.exec(name) ?? /^(\w+)$/.exec(name);
                if (!custom) continue;
                const bundle = custom[1]!;
                const exposure = lwcExposure(context, bundle);
                if (!exposure.exists) {
                    problems.push(problemAt(RULE, file, instance, `component ${name} does not exist in the project`));
                    continue;
                }
                const target = PAGE_TARGETS[pageType];
                if (!exposure.exposed)
                    problems.push(problemAt(RULE, file, instance, `component ${bundle} is not exposed (isExposed)`));
                if (target && !exposure.targets.has(target)) {
                    problems.push(
                        problemAt(RULE, file, instance, `component ${bundle} does not list target ${target}`)
                    );
                }
                if (
                    target === 'lightning__RecordPage' &&
                    object &&
                    exposure.recordPageObjects.size &&
                    !exposure.recordPageObjects.has(object.name.toLowerCase())
                ) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            instance,
                            `component ${bundle} is not configured for ${object.name} record pages`
                        )
                    );
                }
                for (const property of properties) {
                    const spec = exposure.properties.get(property.name);
                    const error = spec
                        ? propertyValueError(spec, property.value)
                        : `component ${bundle} declares no property ${property.name}`;
                    if (error) problems.push(problemAt(RULE, file, property.element, error));
                }
            }
        }
        return problems;
    }
};
