/**
 * The stats job's admin commands, run as the docs say with the real sf CLI (`sf apex run --file`) against the
 * local Salesforce API, which compiles anonymous Apex against the grammar and the project's classes: both scripts
 * compile and reach the org as written, and a misspelt class or a syntax error comes back as a compile problem.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, type LocalOrgSession, startSession } from '../fake-org/testkit';

let session: LocalOrgSession;
let scratch: string;

before(async () => {
    session = await startSession({ alias: 'crossway-stats' });
    scratch = mkdtempSync(join(tmpdir(), 'crossway-apex-'));
});
after(async () => {
    await session.close();
    rmSync(scratch, { recursive: true, force: true });
});

interface ApexRunJson {
    status: number;
    result?: { compiled: boolean; success: boolean; compileProblem?: string; line?: number };
    message?: string;
}

async function apexRun(file: string): Promise<{ code: number; json: ApexRunJson }> {
    const run = await session.sf(['apex', 'run', '--target-org', session.alias, '--file', file, '--json']);
    return { code: run.code, json: JSON.parse(run.stdout) as ApexRunJson };
}

describe('stats job commands (sf apex run)', () => {
    test('run-stats.apex and schedule-stats.apex compile and reach the org as written', async () => {
        for (const name of ['run-stats.apex', 'schedule-stats.apex']) {
            const file = join('scripts', 'apex', name);
            const { code, json } = await apexRun(file);
            assert.equal(code, 0, JSON.stringify(json));
            assert.equal(json.result?.compiled, true, name);
            assert.equal(json.result?.success, true, name);
            assert.equal(session.org.executedApex.at(-1), readFileSync(join(ROOT, file), 'utf8'), name);
        }
        assert.match(session.org.executedApex[0]!, /Database\.executeBatch\(new CrossSellStatsBatch\(\), 200\)/);
        assert.match(session.org.executedApex[1]!, /System\.abortJob\(scheduled\.Id\)/);
    });

    test('a class the org does not have and a syntax error are compile problems, and nothing runs', async () => {
        const before = session.org.executedApex.length;
        const misspelt = join(scratch, 'misspelt.apex');
        writeFileSync(misspelt, 'Database.executeBatch(new CrossSellStatBatch(), 200);\n');
        const broken = join(scratch, 'broken.apex');
        writeFileSync(broken, 'Database.executeBatch(new CrossSellStatsBatch(), 200;\n');
        const [unknown, syntax] = await Promise.all([apexRun(misspelt), apexRun(broken)]);
        assert.notEqual(unknown.code, 0);
        assert.equal(unknown.json.result?.compiled ?? false, false, JSON.stringify(unknown.json));
        assert.match(JSON.stringify(unknown.json), /Invalid type: CrossSellStatBatch/);
        assert.notEqual(syntax.code, 0);
        assert.equal(syntax.json.result?.compiled ?? false, false, JSON.stringify(syntax.json));
        assert.equal(session.org.executedApex.length, before, 'nothing that failed to compile is recorded');
    });
});
