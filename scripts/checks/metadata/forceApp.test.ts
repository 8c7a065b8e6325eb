import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createContext, formatProblem, runRules } from './core/checker';
import { apexText } from './core/apexText';
import { findInlineQueries } from './core/soql';
import { RULES } from './rules';

const ROOT = join(__dirname, '..', '..', '..');
const context = createContext(ROOT);

test('the project metadata has no problems', () => {
    const problems = runRules(context, RULES);
    assert.deepEqual(problems.map(formatProblem), []);
});

test('the checker sees the real project (it is not passing by reading nothing)', () => {
    const { model } = context;
    for (const name of [
        'Offering__c',
        'Specialist__c',
        'Offering_Expertise__c',
        'Cross_Sell_Attempt__c',
        'Colleague_Connection__c'
    ]) {
        const object = model.object(name);
        assert.equal(object?.kind, 'custom', `${name} is indexed`);
        assert.ok(
            [...object.fields.values()].some((f) => f.custom),
            `${name} has custom fields`
        );
    }
    assert.equal(model.object('Cross_Sell_Setting__mdt')?.kind, 'metadata');
    assert.equal(model.field('Product2', 'Offering__c')?.type, 'Lookup');
    assert.deepEqual(model.field('Cross_Sell_Attempt__c', 'Status__c')?.picklistValues?.slice(0, 2), [
        'Identified',
        'Introduced'
    ]);
    assert.ok((context.filesEnding('.permissionset-meta.xml').length ?? 0) >= 3, 'permission sets are read');
    assert.ok((model.components.get('CustomLabel')?.size ?? 0) > 10, 'labels from every label file are indexed');
    const queries = context.files
        .filter((f) => f.name.endsWith('.cls'))
        .reduce((n, f) => n + findInlineQueries(apexText(f.text())).length, 0);
    assert.ok(queries >= 5, `inline SOQL queries are found (${queries})`);
});
