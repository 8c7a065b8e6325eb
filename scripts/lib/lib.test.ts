/**
 * Shared script helpers: argument parsing with clear errors, the org scripts' `--target-org` and sf CLI login
 * (against the local Salesforce API, with an sf CLI home of the test's own), CSV, progress output.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type LocalOrgSession, startSession } from '../fake-org/testkit';
import { type OptionSpec, parseArgs, usage, UsageError } from './args';
import { connectTargetOrg, type Io, readOrgOptions, TARGET_ORG_OPTION } from './cli';
import { csvToObjects, formatCsv, parseCsv } from './csv';
import { Progress } from './progress';

const SPECS: OptionSpec[] = [
    { name: 'target-org', alias: 'o', type: 'string', description: 'org' },
    { name: 'scale', type: 'number', default: 1, min: 1, max: 20, description: 'scale' },
    { name: 'dry-run', type: 'boolean', description: 'dry' }
];

describe('parseArgs', () => {
    test('values, aliases, = forms, defaults and flags', () => {
        assert.deepEqual(parseArgs(['-o', 'dev', '--scale=3', '--dry-run'], SPECS), {
            'target-org': 'dev',
            scale: 3,
            'dry-run': true
        });
        assert.deepEqual(parseArgs([], SPECS), { scale: 1 });
    });

    test('every mistake is a UsageError that names the option', () => {
        const cases: [string[], RegExp][] = [
            [['--colour', 'red'], /Unknown option '--colour'/],
            [['--scale'], /--scale needs a value/],
            [['--scale', 'two'], /--scale must be a number, got 'two'/],
            [['--scale', '0'], /--scale must be at least 1/],
            [['--scale', '99'], /--scale must be at most 20/],
            [['--dry-run=maybe'], /--dry-run takes no value/],
            [['--target-org', '--dry-run'], /--target-org needs a value/],
            [['stray'], /Unexpected argument 'stray'/]
        ];
        for (const [argv, message] of cases)
            assert.throws(
                () => parseArgs(argv, SPECS),
                (e: Error) => e instanceof UsageError && message.test(e.message)
            );
    });

    test('usage lists every option with its default', () => {
        const text = usage('npm run seed --', 'Loads data.', SPECS);
        assert.match(text, /-o, --target-org <value>/);
        assert.match(text, /--scale <n> +scale \(default: 1\)/);
    });
});

/** An Io that keeps what a script prints, to assert on the exact words. */
function captureIo(): Io & { stdout: string[]; stderr: string[] } {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

describe('readOrgOptions', () => {
    const specs: OptionSpec[] = [TARGET_ORG_OPTION, { name: 'dry-run', type: 'boolean', description: 'dry' }];
    const read = (argv: string[], io: Io): ReturnType<typeof readOrgOptions> =>
        readOrgOptions(argv, 'npm run seed --', 'Loads data.', specs, io);

    test('a missing --target-org is an argument error (exit 2) that says what to pass and where help is', () => {
        const io = captureIo();
        assert.deepEqual(read(['--dry-run'], io), { code: 2 });
        assert.deepEqual(io.stderr, [
            "Error: --target-org is required (an alias or username from 'sf org list').\n" +
                "Run 'npm run seed -- --help' for the options."
        ]);
        assert.deepEqual(io.stdout, []);
    });

    test('the org comes back as the target, by name or by -o; help and bad options behave as readOptions', () => {
        const io = captureIo();
        const parsed = read(['-o', 'dev', '--dry-run'], io);
        assert.equal(parsed.code, undefined);
        assert.equal(parsed.options && parsed.target, 'dev');
        assert.equal(parsed.options?.['dry-run'], true);
        assert.equal(read(['--target-org=uat@acme.com'], io).options?.['target-org'], 'uat@acme.com');
        assert.deepEqual(read(['--help'], io), { code: 0 });
        assert.match(io.stdout.join('\n'), /-o, --target-org <value> +Alias or username .*\(required\)/);
        assert.deepEqual(read(['--colour'], io), { code: 2 });
        assert.deepEqual(io.stderr, [
            "Error: Unknown option '--colour'.\nRun 'npm run seed -- --help' for the options."
        ]);
    });
});

describe('connectTargetOrg', () => {
    let session: LocalOrgSession;
    const saved = { ...process.env };
    before(async () => {
        session = await startSession({ alias: 'crossway-lib' });
        // the helper reads the sf CLI auth in this process: it must see the test's sf home, never a real one
        Object.assign(process.env, session.env);
    });
    after(async () => {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
        await session.close();
    });

    test('an alias the sf CLI is logged in to gives a connection to that org', async () => {
        const io = captureIo();
        const connected = await connectTargetOrg(session.alias, io);
        assert.ok(connected.org, io.stderr.join('\n'));
        assert.equal(connected.org.alias, 'crossway-lib');
        assert.equal(connected.org.username, 'admin@crossway.example');
        assert.equal(connected.org.instanceUrl, session.org.url.replace(/\/+$/, ''));
        const result = await connected.org.conn.query<{ Username: string }>('SELECT Username FROM User LIMIT 1');
        assert.equal(result.records.length, 1);
        assert.deepEqual(io.stderr, []);
    });

    test('an alias it is not logged in to says how to log in, and stops with exit 1', async () => {
        const io = captureIo();
        assert.deepEqual(await connectTargetOrg('not-logged-in', io), { code: 1 });
        assert.deepEqual(io.stderr, [
            "Error: sf is not logged in to 'not-logged-in'. Log in first, for example:\n" +
                '  sf org login web --alias not-logged-in\n' +
                'and check with: sf org list'
        ]);
    });
});

describe('csv', () => {
    test('quotes, commas, doubled quotes and line breaks survive a round trip', () => {
        const rows = [
            ['External_Id__c', 'Name', 'Notes__c'],
            ['A-1', 'Smith, Jones & "Partners"', 'line one\nline two'],
            ['A-2', ' padded ', '']
        ];
        assert.deepEqual(parseCsv(formatCsv(rows)), rows);
        assert.deepEqual(csvToObjects('a,b\r\n1,2\r\n').rows, [{ a: '1', b: '2' }]);
        assert.throws(() => parseCsv('"open'), /unterminated/);
    });
});

describe('Progress', () => {
    test('plain lines at each tenth when the output is not a terminal', () => {
        const lines: string[] = [];
        const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
        const progress = new Progress({ label: 'Seeding', total: 100, stream, intervalMs: 60_000 });
        for (let i = 0; i < 100; i++) progress.tick(1, i === 50 ? 1 : 0);
        progress.finish();
        assert.equal(lines.length, 12);
        assert.match(lines[lines.length - 1], /^Seeding: 100\/100 \(100%, 1 failed\)/);
    });
});
