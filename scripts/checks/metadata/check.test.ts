import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withProject } from './testing';
import { fixtureEdited, fixtureProject, PATHS } from './fixtureProject';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(projectRoot: string): { status: number | null; stdout: string } {
    const result = spawnSync(TSX, [join(__dirname, 'check.ts'), projectRoot], { encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout };
}

test('check:metadata prints file:line: message per problem and exits 1', () => {
    const files = fixtureEdited(PATHS.listView, '<columns>Status__c</columns>', '<columns>Stage__c</columns>');
    const { status, stdout } = withProject(files, run);
    assert.equal(status, 1);
    assert.match(
        stdout,
        /^force-app\/main\/default\/objects\/Thing__c\/listViews\/Open\.listView-meta\.xml:5:5: list view column: Thing__c\.Stage__c does not exist \[list-view-references\]$/m
    );
    assert.match(stdout, /^1 metadata problem\(s\)$/m);
});

test('check:metadata exits 0 on a clean project', () => {
    const { status, stdout } = withProject(fixtureProject(), run);
    assert.equal(status, 0, stdout);
    assert.match(stdout, /no problems/);
});
