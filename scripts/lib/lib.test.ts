/** Shared script helpers: argument parsing with clear errors, CSV, progress output. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type OptionSpec, parseArgs, usage, UsageError } from './args';
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
