import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureWith, PATHS } from '../fixtureProject';
import { formulas } from './formulas';
import { readFormula } from '../core/formula';

const RULE_FILE = `${DEFAULT}/objects/Thing__c/validationRules/Done_Needs_Account.validationRule-meta.xml`;

function validationRule(condition: string, display = 'Account__c'): string {
    return xml(
        'ValidationRule',
        `    <fullName>Done_Needs_Account</fullName>
    <active>true</active>
    <errorConditionFormula>${condition}</errorConditionFormula>
    <errorDisplayField>${display}</errorDisplayField>
    <errorMessage>Choose an account before you mark a thing done.</errorMessage>`
    );
}

function scoreFormula(formula: string): string {
    return xml(
        'CustomField',
        `    <fullName>Score__c</fullName>\n    <label>Score</label>\n    <type>Number</type>\n    <formula>${formula}</formula>`
    );
}

test('valid formulas pass: ISPICKVAL, TEXT, CASE, relationship paths, globals, polymorphic paths', () => {
    const files = fixtureWith({
        [RULE_FILE]: validationRule(
            'AND(ISPICKVAL(Status__c, &quot;Done&quot;), ISBLANK(Account__c), TEXT(Account__r.Industry) &lt;&gt; &quot;x&quot;, $User.Id &lt;&gt; Owner:User.Id)'
        ),
        [PATHS.score]: scoreFormula(
            'CASE(Status__c, &quot;Open&quot;, 1, 0) + LEN(TEXT(Status__c)) /* Status__c = 1 */'
        )
    });
    assert.deepEqual(check(files, [formulas]), []);
});

test('unknown fields, picklists outside picklist functions, unknown values and display fields are reported', () => {
    const files = fixtureWith({
        [RULE_FILE]: validationRule(
            'AND(ISPICKVAL(Status__c, &quot;Finished&quot;),\n    ISBLANK(Acount__c))',
            'Acount__c'
        ),
        [PATHS.score]: scoreFormula('IF(Status__c = &quot;Open&quot;, 1, Account__r.Revenue)')
    });
    assertProblems(check(files, [formulas]), [
        {
            file: RULE_FILE,
            line: lineOf(files[RULE_FILE], 'Finished'),
            message: /"Finished" is not a value of Thing__c\.Status__c/
        },
        {
            file: RULE_FILE,
            line: lineOf(files[RULE_FILE], 'ISBLANK(Acount__c)'),
            message: /Thing__c\.Acount__c does not exist/
        },
        {
            file: RULE_FILE,
            line: lineOf(files[RULE_FILE], '<errorDisplayField>'),
            message: /errorDisplayField Thing__c\.Acount__c does not exist/
        },
        {
            file: PATHS.score,
            line: lineOf(files[PATHS.score], '<formula>'),
            message: /Status__c is a picklist; use it inside ISPICKVAL/
        },
        { file: PATHS.score, line: lineOf(files[PATHS.score], '<formula>'), message: /Account\.Revenue does not exist/ }
    ]);
});

test('the formula reader finds references with their enclosing function', () => {
    const reading = readFormula('IF(ISPICKVAL(A__c, "x"), (B__c + 1), TEXT(C__r.D__c)) & $Label.Foo & "E__c"');
    assert.deepEqual(
        reading.references.map((r) => [r.path, r.enclosingFunction]),
        [
            ['A__c', 'ISPICKVAL'],
            ['B__c', undefined],
            ['C__r.D__c', 'TEXT']
        ]
    );
    assert.deepEqual(
        reading.picklistTests.map((t) => [t.path, t.value]),
        [['A__c', 'x']]
    );
});
