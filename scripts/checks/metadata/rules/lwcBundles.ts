import { child, childText, children, descendants } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'lwc-bundles';

/** Property types Lightning pages accept (flow screens and other targets accept more). */
const PAGE_TARGETS = new Set([
    'lightning__RecordPage',
    'lightning__AppPage',
    'lightning__HomePage',
    'lightning__UtilityBar'
]);
const PAGE_PROPERTY_TYPES = new Set(['Boolean', 'Integer', 'String', 'Color']);
const FORM_FACTORS = new Set(['Large', 'Small']);

/**
 * Lightning web component js-meta.xml files that deploy: an exposed component has targets, each targetConfig
 * configures only listed targets, page properties use types pages support with defaults of that type within
 * their bounds, objects are limited only on record targets, and form factors are Large or Small.
 */
export const lwcBundles: Rule = {
    name: RULE,
    description: 'component configuration files are consistent',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.filesEnding('.js-meta.xml')) {
            const root = file.root();
            if (!root || root.name !== 'LightningComponentBundle') continue;
            const report = (at: Parameters<typeof problemAt>[2], message: string): void => {
                problems.push(problemAt(RULE, file, at, message));
            };
            const targets = new Set(children(child(root, 'targets'), 'target').map((t) => t.text));
            if (childText(root, 'isExposed') === 'true' && !targets.size)
                report(root, 'an exposed component needs targets');
            for (const config of descendants(root, 'targetConfig')) {
                const configured = (config.attributes.targets ?? '')
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean);
                if (!configured.length) report(config, 'targetConfig needs a targets attribute');
                for (const target of configured) {
                    if (!targets.has(target))
                        report(config, `targetConfig configures ${target}, which <targets> does not list`);
                }
                const onPages = configured.some((t) => PAGE_TARGETS.has(t));
                for (const property of children(config, 'property')) {
                    const { name, type, default: fallback, min, max } = property.attributes;
                    if (!name || !type) {
                        report(property, 'a property needs a name and a type');
                        continue;
                    }
                    if (onPages && !PAGE_PROPERTY_TYPES.has(type))
                        report(property, `property ${name}: Lightning pages do not support type ${type}`);
                    if ((min !== undefined || max !== undefined) && type !== 'Integer')
                        report(property, `property ${name}: min and max apply to Integer only`);
                    if (fallback !== undefined && type === 'Boolean' && !['true', 'false'].includes(fallback)) {
                        report(property, `property ${name}: default ${fallback} is not true or false`);
                    }
                    if (fallback !== undefined && type === 'Integer') {
                        const n = Number(fallback);
                        if (
                            !/^-?\d+$/.test(fallback) ||
                            (min !== undefined && n < Number(min)) ||
                            (max !== undefined && n > Number(max))
                        ) {
                            report(
                                property,
                                `property ${name}: default ${fallback} is not a whole number within ${min ?? '-∞'}..${max ?? '∞'}`
                            );
                        }
                    }
                }
                const objects = child(config, 'objects');
                if (objects && !configured.every((t) => /^lightning__Record(Page|Action)$/.test(t))) {
                    report(objects, 'objects can limit only record page and record action targets');
                }
                for (const formFactor of descendants(config, 'supportedFormFactor')) {
                    if (!FORM_FACTORS.has(formFactor.attributes.type ?? '')) {
                        report(
                            formFactor,
                            `supportedFormFactor type ${formFactor.attributes.type ?? '(missing)'} is not Large or Small`
                        );
                    }
                }
            }
        }
        return problems;
    }
};
