/**
 * `npm test`: runs every test suite in turn and prints one closing line, `N passed, N failed`, summed over
 * all of them. A suite that cannot report counts (type check, lint, format) counts as one test.
 *
 * Usage: tsx scripts/tools/runSuites.ts [suite ...]   (no names: all suites)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface SuiteResult {
    name: string;
    passed: number;
    failed: number;
    seconds: number;
}

interface Suite {
    name: string;
    run: () => Omit<SuiteResult, 'name' | 'seconds'>;
}

const ROOT = join(__dirname, '..', '..');
const SKIP_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', 'dist']);

/** Runs a command with inherited output; returns its exit code. */
function sh(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
    const result = spawnSync(command, args, {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true', ...env }
    });
    if (result.error) {
        console.error(`Could not run ${command}: ${result.error.message}`);
        return 1;
    }
    return result.status ?? 1;
}

function npxBin(name: string): string {
    return join(ROOT, 'node_modules', '.bin', name);
}

/** A suite that passes when its command exits 0. */
function commandSuite(name: string, command: string, args: string[]): Suite {
    return {
        name,
        run: () => (sh(command, args) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 })
    };
}

/** Test files for node's test runner, found under the given folders. */
export function findTestFiles(dirs: string[]): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        let entries: string[];
        try {
            entries = readdirSync(dir);
        } catch {
            return;
        }
        for (const entry of entries.sort()) {
            if (SKIP_DIRS.has(entry)) continue;
            const full = join(dir, entry);
            if (statSync(full).isDirectory()) walk(full);
            else if (/\.test\.ts$/.test(entry)) found.push(relative(ROOT, full));
        }
    };
    dirs.forEach((dir) => walk(join(ROOT, dir)));
    return found;
}

/** Reads the pass and fail counts from node's TAP reporter output. */
export function parseTapCounts(tap: string): { passed: number; failed: number } {
    const count = (label: string): number => {
        const match = new RegExp(`^# ${label} (\\d+)$`, 'm').exec(tap);
        return match ? Number(match[1]) : 0;
    };
    return { passed: count('pass'), failed: count('fail') + count('cancelled') };
}

const nodeSuite: Suite = {
    name: 'node tests (scripts, checks, preview)',
    run: () => {
        const files = findTestFiles(['scripts', 'preview']);
        if (files.length === 0) return { passed: 0, failed: 0 };
        const dir = mkdtempSync(join(tmpdir(), 'crossway-tests-'));
        const tapFile = join(dir, 'results.tap');
        try {
            const code = sh(npxBin('tsx'), [
                '--test',
                '--test-reporter=spec',
                '--test-reporter-destination=stdout',
                '--test-reporter=tap',
                `--test-reporter-destination=${tapFile}`,
                ...files
            ]);
            const counts = parseTapCounts(readFileSync(tapFile, 'utf8'));
            if (code !== 0 && counts.failed === 0) counts.failed = 1;
            return counts;
        } catch (error) {
            console.error(`node tests did not report: ${(error as Error).message}`);
            return { passed: 0, failed: 1 };
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }
};

const jestSuite: Suite = {
    name: 'LWC Jest',
    run: () => {
        const dir = mkdtempSync(join(tmpdir(), 'crossway-jest-'));
        const out = join(dir, 'jest.json');
        try {
            const code = sh(npxBin('sfdx-lwc-jest'), [
                '--coverage',
                '--',
                '--passWithNoTests',
                '--json',
                `--outputFile=${out}`
            ]);
            const report = JSON.parse(readFileSync(out, 'utf8')) as {
                numPassedTests: number;
                numFailedTests: number;
                numRuntimeErrorTestSuites: number;
            };
            const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
            // A non-zero exit with no failing test is a coverage threshold miss: count it.
            return { passed: report.numPassedTests, failed: code !== 0 && failed === 0 ? 1 : failed };
        } catch (error) {
            console.error(`Jest did not report: ${(error as Error).message}`);
            return { passed: 0, failed: 1 };
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }
};

const SUITES: Suite[] = [
    commandSuite('type check', 'npm', ['run', '--silent', 'typecheck']),
    commandSuite('lint', 'npm', ['run', '--silent', 'lint']),
    commandSuite('format', 'npm', ['run', '--silent', 'format:check']),
    nodeSuite,
    jestSuite
];

function main(): void {
    const wanted = process.argv.slice(2);
    const suites = wanted.length ? SUITES.filter((s) => wanted.some((w) => s.name.startsWith(w))) : SUITES;
    const results: SuiteResult[] = [];
    for (const suite of suites) {
        console.log(`\n=== ${suite.name} ===`);
        const started = Date.now();
        const counts = suite.run();
        results.push({ name: suite.name, ...counts, seconds: (Date.now() - started) / 1000 });
    }
    console.log('\n=== summary ===');
    for (const r of results) {
        const mark = r.failed ? 'FAIL' : 'ok  ';
        console.log(`${mark} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(1)} s)`);
    }
    const passed = results.reduce((n, r) => n + r.passed, 0);
    const failed = results.reduce((n, r) => n + r.failed, 0);
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
}

if (require.main === module) main();
