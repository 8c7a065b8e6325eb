import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, lines } from './testing';
import { fixtureProject } from './fixtureProject';
import { RULES } from './rules';

test('the valid fixture project passes every rule (no false positives)', () => {
    assert.deepEqual(lines(check(fixtureProject(), RULES)), []);
});
