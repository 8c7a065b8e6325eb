/**
 * Runs PMD 7 (the jars shipped by @salesforce/code-analyzer-pmd-engine, through its PmdWrapper entry point)
 * with the project's ruleset on Apex files, offline. Java 17+ must be on the PATH (CI installs
 * default-jre-headless).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './apexSource';

export const RULESET = join(__dirname, 'pmd-ruleset.xml');
const JAVA_LIB = join(ROOT, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib');
const WRAPPER = 'com.salesforce.sfca.pmdwrapper.PmdWrapper';

export interface PmdViolation {
    rule: string;
    message: string;
    /** Path relative to the project root. */
    file: string;
    line: number;
}

interface WrapperOutput {
    violations: { rule: string; message: string; codeLocation: { file: string; startLine: number } }[];
    processingErrors: { file: string; message: string; detail?: string }[];
}

/** Fails with an actionable message when no Java runtime is available. */
export function requireJava(): void {
    const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
        throw new Error(
            'PMD needs Java 17 or newer on the PATH, and `java -version` failed. ' +
                'Install a JRE (Debian: apt-get install default-jre-headless) and run the tests again.'
        );
    }
}

/** Runs the ruleset on the given files (absolute paths) and returns every violation. */
export function runPmd(files: string[], ruleset: string = RULESET): PmdViolation[] {
    requireJava();
    const work = mkdtempSync(join(tmpdir(), 'crossway-pmd-'));
    try {
        const input = join(work, 'input.json');
        const output = join(work, 'output.json');
        writeFileSync(
            input,
            JSON.stringify({
                ruleSetInputFile: ruleset,
                runDataPerLanguage: { apex: { filesToScan: files.map((f) => resolve(f)) } }
            })
        );
        const run = spawnSync('java', ['-cp', join(JAVA_LIB, '*'), WRAPPER, 'run', input, output], {
            encoding: 'utf8',
            maxBuffer: 32 * 1024 * 1024
        });
        if (run.status !== 0) {
            throw new Error(`PMD failed (exit ${run.status}): ${run.stderr || run.stdout}`);
        }
        const result = JSON.parse(readFileSync(output, 'utf8')) as WrapperOutput;
        if (result.processingErrors.length > 0) {
            const first = result.processingErrors[0];
            throw new Error(`PMD could not process ${first.file}: ${first.message}`);
        }
        return result.violations.map((v) => ({
            rule: v.rule,
            message: v.message.trim(),
            file: relative(ROOT, v.codeLocation.file),
            line: v.codeLocation.startLine
        }));
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

/** `file:line rule: message` */
export function formatViolation(v: PmdViolation): string {
    return `${v.file}:${v.line} ${v.rule}: ${v.message}`;
}
