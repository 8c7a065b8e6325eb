import { childFlag, children, descendants } from '../core/xml';
import type { CheckContext } from '../core/types';

export interface ExposedComponent {
    exists: boolean;
    exposed: boolean;
    targets: Set<string>;
    /** Objects a record-page target is limited to (empty: any object). */
    recordPageObjects: Set<string>;
    /** Property names declared in any targetConfig. */
    properties: Set<string>;
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
        properties: new Set()
    };
    for (const config of root ? descendants(root, 'targetConfig') : []) {
        const targets = (config.attributes.targets ?? '').split(',').map((t) => t.trim());
        for (const property of children(config, 'property')) {
            if (property.attributes.name) result.properties.add(property.attributes.name);
        }
        if (targets.includes('lightning__RecordPage')) {
            for (const object of descendants(config, 'object')) result.recordPageObjects.add(object.text.toLowerCase());
        }
    }
    return result;
}
