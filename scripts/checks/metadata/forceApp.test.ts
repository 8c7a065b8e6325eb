import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatProblem } from './core/checker';
import { checkProject } from './check';

const ROOT = join(__dirname, '..', '..', '..');

test('the project metadata has no problems', () => {
    const problems = checkProject(ROOT);
    assert.deepEqual(problems.map(formatProblem), []);
});
