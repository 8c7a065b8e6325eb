/**
 * Runs rules over a project: builds the context (files, project config, model index) once and collects every
 * rule's problems, sorted by file and line.
 */
import { listSourceFiles, readProjectConfig } from './files';
import { buildModel } from './model';
import type { CheckContext, Problem, Rule } from './types';

export function createContext(root: string): CheckContext {
    const config = readProjectConfig(root);
    const files = listSourceFiles(root, config.packageDirectories);
    return {
        root,
        sourceApiVersion: config.sourceApiVersion,
        packageDirectories: config.packageDirectories,
        files,
        filesEnding: (suffix) => files.filter((f) => f.name.endsWith(suffix)),
        model: buildModel(files)
    };
}

export function runRules(context: CheckContext, rules: readonly Rule[]): Problem[] {
    const problems: Problem[] = [];
    for (const rule of rules) {
        try {
            problems.push(...rule.check(context));
        } catch (error) {
            // A crashing rule is itself a problem to fix, not a reason to hide the others' findings.
            problems.push({
                file: 'sfdx-project.json',
                line: 1,
                rule: rule.name,
                message: `rule crashed: ${(error as Error).stack ?? String(error)}`
            });
        }
    }
    return problems.sort(
        (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
    );
}

/** `file:line:column: message [rule]`, the format editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
    const position = problem.column ? `${problem.line}:${problem.column}` : `${problem.line}`;
    return `${problem.file}:${position}: ${problem.message} [${problem.rule}]`;
}
