import { apexText } from '../core/apexText';
import { child, childText, children } from '../core/xml';
import { problemAt, type Problem, type Rule, type SourceFile } from '../core/types';

const RULE = 'custom-labels';
const PREFIX = 'Crossway_';
const MAX_VALUE = 1000;
const NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;

/**
 * Custom labels are complete and unique across the label files (the CLI merges them into one CustomLabels, so
 * a name used twice breaks the deploy), carry the project prefix, and every label that Apex (`Label.X`,
 * `System.Label.X`) or a component (`@salesforce/label/c.X`) uses exists.
 */
export const labels: Rule = {
    name: RULE,
    description: 'custom labels are complete, unique, prefixed, and every used label exists',
    check(context) {
        const problems: Problem[] = [];
        const seen = new Map<string, string>();
        for (const file of context.filesEnding('.labels-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            for (const label of children(root, 'labels')) {
                const name = childText(label, 'fullName') ?? '';
                const at = (element: string) => child(label, element) ?? label;
                if (!NAME.test(name))
                    problems.push(
                        problemAt(RULE, file, at('fullName'), `label name ${name || '(empty)'} is not a valid API name`)
                    );
                else if (!name.startsWith(PREFIX))
                    problems.push(problemAt(RULE, file, at('fullName'), `label ${name} must start with ${PREFIX}`));
                const first = seen.get(name.toLowerCase());
                if (first)
                    problems.push(problemAt(RULE, file, label, `label ${name} is defined twice (also in ${first})`));
                else seen.set(name.toLowerCase(), `${file.rel}:${label.line}`);
                const value = childText(label, 'value') ?? '';
                if (!value) problems.push(problemAt(RULE, file, label, `label ${name} has no value`));
                if (value.length > MAX_VALUE)
                    problems.push(
                        problemAt(RULE, file, at('value'), `label ${name} is longer than ${MAX_VALUE} characters`)
                    );
                for (const required of ['shortDescription', 'language', 'protected']) {
                    if (childText(label, required) === undefined)
                        problems.push(problemAt(RULE, file, label, `label ${name} has no ${required}`));
                }
            }
        }
        const exists = (name: string): boolean => context.model.component('CustomLabel', name) !== undefined;
        for (const file of context.files) {
            if (/\.(cls|trigger)$/.test(file.name)) problems.push(...apexUses(file, exists));
            else if (isComponentSource(file, context.files)) problems.push(...componentUses(file, exists));
        }
        return problems;
    }
};

function apexUses(file: SourceFile, exists: (name: string) => boolean): Problem[] {
    const problems: Problem[] = [];
    const text = apexText(file.text());
    const pattern = /(?<![\w.])(?:System\s*\.\s*)?Label\s*\.\s*([A-Za-z]\w*)/gi;
    for (let match = pattern.exec(text.masked); match; match = pattern.exec(text.masked)) {
        const name = match[1]!;
        if (!exists(name)) {
            const { line, column } = text.position(match.index + match[0].length - name.length);
            problems.push({ file: file.rel, line, column, rule: RULE, message: `custom label ${name} does not exist` });
        }
    }
    return problems;
}

/** Component JavaScript or TypeScript; a compiled .js beside its .ts is skipped (the .ts is checked). */
export function isComponentSource(file: SourceFile, files: SourceFile[]): boolean {
    if (!/(?:^|\/)lwc\//.test(file.rel)) return false;
    if (file.name.endsWith('.ts') && !file.name.endsWith('.d.ts')) return true;
    if (!file.name.endsWith('.js')) return false;
    const ts = file.rel.replace(/\.js$/, '.ts');
    return !files.some((f) => f.rel === ts);
}

function componentUses(file: SourceFile, exists: (name: string) => boolean): Problem[] {
    const problems: Problem[] = [];
    const source = file.text();
    const pattern = /['"]@salesforce\/label\/c\.([A-Za-z]\w*)['"]/g;
    for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
        if (!exists(match[1]!)) {
            const line = source.slice(0, match.index).split('\n').length;
            problems.push({ file: file.rel, line, rule: RULE, message: `custom label ${match[1]} does not exist` });
        }
    }
    return problems;
}
