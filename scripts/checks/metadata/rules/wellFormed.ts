import type { Problem, Rule } from '../core/types';

/** Every XML file parses: the CLI converts and deploys malformed XML without complaint until the org refuses it. */
export const wellFormed: Rule = {
    name: 'well-formed-xml',
    description: 'every XML file under the package directories is well-formed',
    check(context) {
        const problems: Problem[] = [];
        for (const file of context.files) {
            const result = file.xml();
            if (result?.error) {
                problems.push({
                    file: file.rel,
                    line: result.error.line,
                    column: result.error.column,
                    rule: 'well-formed-xml',
                    message: `malformed XML: ${result.error.message}`
                });
            }
        }
        return problems;
    }
};
