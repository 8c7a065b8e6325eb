import { children } from '../core/xml';
import { objectPathParts } from '../core/model';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'compact-layout-references';

/** Field types a compact layout cannot show. */
const UNSUPPORTED = new Set(['TextArea', 'LongTextArea', 'Html', 'MultiselectPicklist', 'EncryptedText']);
const MAX_FIELDS = 10;

/** Compact layouts name existing fields of types they can show, at most ten. */
export const compactLayouts: Rule = {
    name: RULE,
    description: 'compact layouts name existing, displayable fields',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.filesEnding('.compactLayout-meta.xml')) {
            const root = file.root();
            const parts = objectPathParts(file.rel);
            if (!root || !parts) continue;
            const object = context.model.object(parts.object);
            if (!object || object.kind === 'opaque') continue;
            const fields = children(root, 'fields');
            for (const element of fields) {
                const field = object.fields.get(element.text.toLowerCase());
                if (!field) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            element,
                            `compact layout field ${object.name}.${element.text} does not exist`
                        )
                    );
                } else if (UNSUPPORTED.has(field.type)) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            element,
                            `compact layouts cannot show ${field.type} fields like ${object.name}.${field.name}`
                        )
                    );
                }
            }
            if (fields.length > MAX_FIELDS) {
                problems.push(
                    problemAt(RULE, file, fields[MAX_FIELDS], `a compact layout shows at most ${MAX_FIELDS} fields`)
                );
            }
        }
        return problems;
    }
};
