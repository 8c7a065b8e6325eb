import { children } from '../core/xml';
import { problemAt, type Problem, type Rule } from '../core/types';

const RULE = 'api-version';

/** Metadata whose -meta.xml must state an API version (the platform compiles or runs it at that version). */
const NEEDS_VERSION = ['.cls-meta.xml', '.trigger-meta.xml', '.js-meta.xml', '.page-meta.xml', '.component-meta.xml'];

/** Every apiVersion in a -meta.xml equals sfdx-project.json's sourceApiVersion: one version everywhere. */
export const apiVersion: Rule = {
    name: RULE,
    description: "every -meta.xml's apiVersion equals sourceApiVersion",
    check(context) {
        const problems: Problem[] = [];
        const expected = context.sourceApiVersion;
        if (!expected) {
            return [problemAt(RULE, 'sfdx-project.json', 1, 'sfdx-project.json has no sourceApiVersion')];
        }
        for (const file of context.files) {
            if (!file.name.endsWith('-meta.xml')) continue;
            const root = file.root();
            if (!root) continue;
            const versions = children(root, 'apiVersion');
            for (const version of versions) {
                if (version.text !== expected) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            version,
                            `apiVersion ${version.text || '(empty)'} differs from sourceApiVersion ${expected}`
                        )
                    );
                }
            }
            if (!versions.length && NEEDS_VERSION.some((s) => file.name.endsWith(s))) {
                problems.push(problemAt(RULE, file, root, `${file.name} has no apiVersion (expected ${expected})`));
            }
        }
        return problems;
    }
};
