/**
 * Runs the project's own sf CLI (node_modules/.bin/sf) with telemetry and update checks off, asking for JSON,
 * and returns the parsed result: the org scripts rely on the CLI for what it does best (Metadata API deploys,
 * permission set assignment) and never parse its human-readable output.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');

export interface SfResult {
    code: number;
    json: Record<string, unknown> | undefined;
    stdout: string;
    stderr: string;
}

export function sfBinary(): string {
    const local = join(PROJECT_ROOT, 'node_modules', '.bin', 'sf');
    return existsSync(local) ? local : 'sf';
}

export function runSf(
    args: string[],
    options: { cwd?: string; onLine?: (line: string) => void } = {}
): Promise<SfResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(sfBinary(), [...args, '--json'], {
            cwd: options.cwd ?? PROJECT_ROOT,
            env: {
                ...process.env,
                SF_DISABLE_TELEMETRY: 'true',
                SF_SKIP_NEW_VERSION_CHECK: 'true',
                SF_AUTOUPDATE_DISABLE: 'true'
            },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
            options.onLine?.(d.toString());
        });
        child.on('error', (error) => reject(new Error(`Could not run the sf CLI (${sfBinary()}): ${error.message}`)));
        child.on('close', (code) => {
            let json: Record<string, unknown> | undefined;
            try {
                // sf prints one JSON document; warnings before it are ignored
                const start = stdout.indexOf('{');
                json = start >= 0 ? (JSON.parse(stdout.slice(start)) as Record<string, unknown>) : undefined;
            } catch {
                json = undefined;
            }
            resolve({ code: code ?? 1, json, stdout, stderr });
        });
    });
}

export interface ComponentFailure {
    type: string;
    name: string;
    problem: string;
    line?: number;
    column?: number;
}

/** Finds the component errors of a failed deploy in sf's JSON, wherever the CLI version puts them. */
export function componentFailures(json: unknown): ComponentFailure[] {
    const found: ComponentFailure[] = [];
    const seen = new Set<string>();
    const visit = (value: unknown): void => {
        if (Array.isArray(value)) {
            value.forEach(visit);
            return;
        }
        if (!value || typeof value !== 'object') return;
        const v = value as Record<string, unknown>;
        const problem = v.problem ?? (v.state === 'Failed' ? v.error : undefined);
        const name = v.fullName;
        if (typeof problem === 'string' && typeof name === 'string') {
            const failure: ComponentFailure = {
                type: String(v.componentType ?? v.type ?? 'component'),
                name,
                problem,
                line: v.lineNumber === undefined ? undefined : Number(v.lineNumber),
                column: v.columnNumber === undefined ? undefined : Number(v.columnNumber)
            };
            const key = `${failure.type}|${failure.name}|${failure.problem}`;
            if (!seen.has(key)) {
                seen.add(key);
                found.push(failure);
            }
        }
        Object.values(v).forEach(visit);
    };
    visit(json);
    return found;
}

export function formatFailure(f: ComponentFailure): string {
    const where = f.line ? ` (line ${f.line}${f.column ? `, column ${f.column}` : ''})` : '';
    return `  ${f.type} ${f.name}${where}: ${f.problem}`;
}
