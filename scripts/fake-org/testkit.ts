/**
 * Test helpers around the local Salesforce API: an isolated sf CLI home logged in to a local org with
 * `sf org login access-token` (tests never touch a real sf auth), and runners for the real sf CLI and the
 * project's scripts as child processes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeOrg, type FakeOrgOptions, startFakeOrg } from './server';

export const ROOT = join(__dirname, '..', '..');
const SF = join(ROOT, 'node_modules', '.bin', 'sf');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
    ms: number;
}

/** Runs a command with the isolated home; resolves with its exit code and output (never rejects on exit code). */
export function run(
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    input?: string,
    timeoutMs = 120_000
): Promise<RunResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', reject);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
        });
        child.stdin.end(input ?? '');
    });
}

export interface LocalOrgSession {
    org: FakeOrg;
    alias: string;
    home: string;
    env: NodeJS.ProcessEnv;
    sf: (args: string[], input?: string, timeoutMs?: number) => Promise<RunResult>;
    script: (path: string, args: string[]) => Promise<RunResult>;
    close: () => Promise<void>;
}

/** Starts a local org and logs an isolated sf CLI in to it under `alias`. */
export async function startSession(options: FakeOrgOptions & { alias?: string } = {}): Promise<LocalOrgSession> {
    const org = await startFakeOrg(options);
    const alias = options.alias ?? 'crossway-local';
    const home = mkdtempSync(join(tmpdir(), 'crossway-sf-home-'));
    const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: home,
        USERPROFILE: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        SF_DISABLE_TELEMETRY: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SF_DISABLE_LOG_FILE: 'true',
        SF_CONTAINER_MODE: 'true',
        NODE_OPTIONS: '',
        // the scripts retry a failed request after 50 ms rather than 1 s (the local API's faults are instant)
        CROSSWAY_RETRY_DELAY_MS: '50',
        CI: 'true'
    };
    const sf = (args: string[], input?: string, timeoutMs?: number): Promise<RunResult> =>
        run(SF, args, env, input, timeoutMs);
    const login = await run(
        SF,
        ['org', 'login', 'access-token', '--instance-url', org.url, '--alias', alias, '--no-prompt', '--json'],
        { ...env, SF_ACCESS_TOKEN: org.accessToken }
    );
    if (login.code !== 0) {
        await org.stop();
        rmSync(home, { recursive: true, force: true });
        throw new Error(`sf org login access-token failed (${login.code}): ${login.stdout}${login.stderr}`);
    }
    return {
        org,
        alias,
        home,
        env,
        sf,
        script: (path, args) => run(TSX, [join(ROOT, path), ...args], env),
        close: async () => {
            await org.stop();
            rmSync(home, { recursive: true, force: true });
        }
    };
}
