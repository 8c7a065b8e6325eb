import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblems, check, DEFAULT, lineOf } from '../testing';
import { fixtureEdited, fixtureWith, PATHS, SELECTOR_CLASS } from '../fixtureProject';
import { apexReferences } from './apexReferences';

const CLS = PATHS.apexClass;

function withClass(body: string): Record<string, string> {
    return fixtureWith({
        [`${DEFAULT}/classes/Probe.cls`]: `public class Probe {\n${body}\n}\n`,
        [`${DEFAULT}/classes/Probe.cls-meta.xml`]:
            '<?xml version="1.0"?><ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion></ApexClass>'
    });
}

test('the fixture selector (sub-queries, aliases, aggregates, semi-joins, binds, date literals) is clean', () => {
    assert.deepEqual(check(fixtureWith({}), [apexReferences]), []);
});

test('an unknown field in the select list is reported at its line and column', () => {
    const files = fixtureEdited(CLS, 'SELECT Id, Name, Status__c,', 'SELECT Id, Name, Stage__c,');
    const problems = check(files, [apexReferences]);
    assertProblems(problems, [
        { file: CLS, line: lineOf(files[CLS], 'Stage__c'), message: /SOQL: Thing__c\.Stage__c does not exist/ }
    ]);
    const line = files[CLS]!.split('\n')[problems[0]!.line - 1]!;
    assert.equal(line.slice(problems[0]!.column! - 1).startsWith('Stage__c'), true);
});

test('bad relationship paths, child relationships, FROM objects and picklist values in queries are reported', () => {
    let text = SELECTOR_CLASS.replace('Account__r.Owner.Name', 'Account__r.Owner.Nickname')
        .replace('FROM Parts__r', 'FROM Pieces__r')
        .replace("IN ('Open', 'Done')", "IN ('Open', 'Finished')")
        .replace('SELECT Thing__c FROM Part__c', 'SELECT Thing__c FROM Piece__c')
        .replace('GROUP BY Status__c', 'GROUP BY Statuz__c')
        .replace('Thing__r.Name', 'Thingy__r.Name');
    const files = fixtureWith({ [CLS]: text });
    text = files[CLS]!;
    assertProblems(check(files, [apexReferences]), [
        { file: CLS, line: lineOf(text, 'Owner.Nickname'), message: /User\.Nickname does not exist/ },
        { file: CLS, line: lineOf(text, 'Pieces__r'), message: /Thing__c has no child relationship Pieces__r/ },
        { file: CLS, line: lineOf(text, "'Finished'"), message: /'Finished' is not a value of Thing__c\.Status__c/ },
        { file: CLS, line: lineOf(text, 'FROM Piece__c'), message: /object Piece__c does not exist/ },
        { file: CLS, line: lineOf(text, 'Statuz__c'), message: /Thing__c\.Statuz__c does not exist/ },
        { file: CLS, line: lineOf(text, 'Thingy__r'), message: /Product2 has no relationship Thingy__r/ }
    ]);
});

test('sObject constructors: unknown field and read-only field; SObjectField tokens; trigger object', () => {
    const files = fixtureEdited(
        CLS,
        "Status__c = 'Open', Name",
        "Status__c = 'Open', Score__c = 2, Colour__c = 'red', Name"
    );
    files[CLS] = files[CLS]!.replace('return Thing__c.Status__c;', 'return Thing__c.Stage__c;');
    files[PATHS.trigger] = files[PATHS.trigger]!.replace('on Thing__c', 'on Thingy__c');
    assertProblems(check(files, [apexReferences]), [
        { file: CLS, line: lineOf(files[CLS], 'Score__c = 2'), message: /Thing__c\.Score__c is read-only/ },
        { file: CLS, line: lineOf(files[CLS], 'Colour__c'), message: /Thing__c\.Colour__c does not exist/ },
        { file: CLS, line: lineOf(files[CLS], 'Thing__c.Stage__c'), message: /Thing__c\.Stage__c does not exist/ },
        { file: PATHS.trigger, line: 1, message: /trigger on Thingy__c, which does not exist/ }
    ]);
});

test('a query the reader cannot follow is reported, not skipped', () => {
    const broken = withClass('    List<Thing__c> x = [SELECT Id, FROM Thing__c];');
    const found = check(broken, [apexReferences]);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.file, `${DEFAULT}/classes/Probe.cls`);
    assert.equal(found[0]!.line, 2);
    assert.match(found[0]!.message, /could not read this SOQL query/);
});

test('words that are neither fields nor SOQL in a condition are reported as unknown fields', () => {
    const found = check(withClass("    List<Thing__c> x = [SELECT Id FROM Thing__c WHERE Name = 'a' Bogus];"), [
        apexReferences
    ]);
    assert.deepEqual(
        found.map((p) => p.message),
        ['SOQL: Thing__c.Bogus does not exist']
    );
});

test('queries in comments and strings are ignored; TYPEOF, FIELDS(), toLabel, FOR UPDATE and ALL ROWS are read', () => {
    const files = withClass(`
    // [SELECT Bogus__c FROM Nowhere__c]
    /* [SELECT Bogus__c FROM Nowhere__c] */
    String s = '[SELECT Bogus__c FROM Nowhere__c]';
    List<Thing__c> a = [SELECT FIELDS(STANDARD) FROM Thing__c LIMIT 200];
    List<Thing__c> b = [SELECT Id, toLabel(Status__c) FROM Thing__c WHERE Id = :someIds[0] FOR UPDATE];
    List<Thing__c> c = [SELECT Id FROM Thing__c WHERE Status__c NOT IN ('Dropped') ALL ROWS];
    List<AggregateResult> d = [SELECT CALENDAR_YEAR(CreatedDate) yr, MAX(Score__c) top FROM Thing__c GROUP BY CALENDAR_YEAR(CreatedDate)];
    List<Account> e = [SELECT Id, (SELECT Id, Status__c FROM Things__r WHERE Status__c = 'Open') FROM Account WHERE Industry = 'Banking'];
    Integer n = [SELECT COUNT() FROM Part__c WHERE Thing__r.Account__r.Name LIKE 'A%' AND Weight__c >= 1.5];`);
    assert.deepEqual(check(files, [apexReferences]), []);
});

test('queries that filter, sort or group by long text, or sum a non-number, are reported', () => {
    const files = withClass(`    List<Thing__c> a = [SELECT Id FROM Thing__c WHERE Body__c = 'x' ORDER BY Body__c];
    List<AggregateResult> b = [SELECT SUM(Status__c) s, MAX(Name) m FROM Thing__c GROUP BY Body__c];`);
    files[`${DEFAULT}/objects/Thing__c/fields/Body__c.field-meta.xml`] =
        '<?xml version="1.0"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Body__c</fullName><label>Body</label><length>32768</length><type>LongTextArea</type><visibleLines>5</visibleLines></CustomField>';
    const probe = `${DEFAULT}/classes/Probe.cls`;
    assertProblems(check(files, [apexReferences]), [
        { file: probe, line: 2, message: /Thing__c\.Body__c is LongTextArea, which cannot be filtered/ },
        { file: probe, line: 2, message: /Thing__c\.Body__c is LongTextArea, which cannot be sorted/ },
        { file: probe, line: 3, message: /Thing__c\.Status__c is Picklist: SUM needs a number/ },
        { file: probe, line: 3, message: /Thing__c\.Body__c is LongTextArea, which cannot be grouped/ }
    ]);
});
