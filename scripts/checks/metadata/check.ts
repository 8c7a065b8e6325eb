/**
 * `npm run check:metadata`: checks the project's metadata offline and prints `file:line: message` per problem.
 * Exits 1 when there is any problem, 0 otherwise.
 *
 * Usage: tsx scripts/checks/metadata/check.ts [projectRoot]
 */
import { resolve } from 'node:path';
import { createContext, formatProblem, runRules } from './core/checker';
import { RULES } from './rules';
import type { Problem } from './core/types';

/** Checks the project at root with every registered rule. */
export function checkProject(root: string): Problem[] {
    return runRules(createContext(root), RULES);
}

function main(): void {
    const root = resolve(process.argv[2] ?? resolve(__dirname, '..', '..', '..'));
    const problems = checkProject(root);
    for (const problem of problems) console.log(formatProblem(problem));
    console.log(problems.length ? `${problems.length} metadata problem(s)` : 'metadata: no problems');
    process.exitCode = problems.length ? 1 : 0;
}

if (require.main === module) main();
