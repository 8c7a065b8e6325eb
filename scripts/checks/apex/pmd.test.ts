/**
 * PMD with the Salesforce security and performance rules (pmd-ruleset.xml) reports zero violations on the
 * project's Apex; the same run on a deliberately bad fixture proves the rules are live. One JVM run covers
 * both (PMD's start-up dominates the time).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findApexFiles, ROOT } from './apexSource';
import { formatViolation, RULESET, runPmd, type PmdViolation } from './pmd';

const FIXTURE = join('scripts', 'checks', 'apex', 'fixtures', 'BadController.cls');

describe('PMD on Apex', () => {
    let violations: PmdViolation[] = [];

    before(() => {
        const files = findApexFiles().map((f) => join(ROOT, f.path));
        violations = runPmd([...files, join(ROOT, FIXTURE)]);
    });

    it('uses a ruleset with the security, performance and ApexDoc rules', () => {
        const ruleset = readFileSync(RULESET, 'utf8');
        for (const ref of ['category/apex/security.xml', 'category/apex/performance.xml', 'ApexDoc']) {
            assert.ok(ruleset.includes(ref), ref);
        }
    });

    it('finds no violation in the project Apex', () => {
        const found = violations.filter((v) => v.file !== FIXTURE).map(formatViolation);
        assert.deepEqual(found, []);
    });

    it('reports each planted defect of the bad fixture', () => {
        const rules = new Set(violations.filter((v) => v.file === FIXTURE).map((v) => v.rule));
        for (const rule of [
            'ApexSharingViolations',
            'ApexSOQLInjection',
            'ApexCRUDViolation',
            'OperationWithLimitsInLoop',
            'ApexDoc'
        ]) {
            assert.ok(rules.has(rule), `${rule} reported on ${FIXTURE}`);
        }
    });
});
