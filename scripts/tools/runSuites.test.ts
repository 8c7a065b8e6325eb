import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTestFiles, parseTapCounts } from './runSuites';

test('parseTapCounts reads the closing pass and fail counts of a TAP stream', () => {
    const tap = ['TAP version 13', 'ok 1 - a', 'not ok 2 - b', '1..2', '# tests 2', '# pass 1', '# fail 1'].join('\n');
    assert.deepEqual(parseTapCounts(tap), { passed: 1, failed: 1 });
});

test('parseTapCounts counts cancelled tests as failed and a silent stream as nothing', () => {
    assert.deepEqual(parseTapCounts('# pass 3\n# fail 0\n# cancelled 2\n'), { passed: 3, failed: 2 });
    assert.deepEqual(parseTapCounts(''), { passed: 0, failed: 0 });
});

test('findTestFiles finds this file and nothing under node_modules', () => {
    const files = findTestFiles(['scripts']);
    assert.ok(files.includes('scripts/tools/runSuites.test.ts'));
    assert.ok(files.every((f) => !f.includes('node_modules') && f.endsWith('.test.ts')));
});
