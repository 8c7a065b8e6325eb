import { childFlag, children, descendants } from '../core/xml';
import type { CheckContext } from '../core/types';

export interface DesignProperty {
    name: string;
    type: string;
    min?: number;
    max?: number;
}

export interface ExposedComponent {
    exists: boolean;
    exposed: boolean;
    targets: Set<string>;
    /** Objects a record-page target is limited to (empty: any object). */
    recordPageObjects: Set<string>;
    /** Properties declared in any targetConfig, by name. */
    properties: Map<string, DesignProperty>;
}

/** What a Lightning web component's js-meta.xml exposes: targets, record-page objects, design properties. */
export function lwcExposure(context: CheckContext, name: string): ExposedComponent {
    const entry = context.model.component('LightningComponentBundle', name);
    const root = entry?.file.root();
    const result: ExposedComponent = {
        exists: entry !== undefined,
        exposed: childFlag(root, 'isExposed'),
        targets: new Set(children(children(root, 'targets')[0], 'target').map((t) => t.text)),
        recordPageObjects: new Set(),
        properties: new Map()
    };
    for (const config of root ? descendants(root, 'targetConfig') : []) {
        const targets = (config.attributes.targets ?? '').split(',').map((t) => t.trim());
        for (const property of children(config, 'property')) {
            const { name: propertyName, type = 'String', min, max } = property.attributes;
            if (!propertyName) continue;
            const spec: DesignProperty = { name: propertyName, type };
            if (min !== undefined) spec.min = Number(min);
            if (max !== undefined) spec.max = Number(max);
            result.properties.set(propertyName, spec);
        }
        if (targets.includes('lightning__RecordPage')) {
            for (const object of descendants(config, 'object')) result.recordPageObjects.add(object.text.toLowerCase());
        }
    }
    return result;
}

/** Why a value does not fit a design property, or undefined when it does. */
export function propertyValueError(property: DesignProperty, value: string): string | undefined {
    if (property.type === 'Boolean' && value !== 'true' && value !== 'false')
        return `${property.name} is Boolean: ${value} is not true or false`;
    if (property.type === 'Integer') {
        if (!/^-?\d+$/.test(value)) return `${property.name} is Integer: ${value} is not a whole number`;
        const n = Number(value);
        if ((property.min !== undefined && n < property.min) || (property.max !== undefined && n > property.max)) {
            return `${property.name} ${value} is outside ${property.min ?? '-∞'}..${property.max ?? '∞'}`;
        }
    }
    return undefined;
}
