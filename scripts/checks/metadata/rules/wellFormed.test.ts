import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, DEFAULT, xml } from '../testing';
import { wellFormed } from './wellFormed';

test('a mismatched close tag is reported at its line and column', () => {
    const problems = check(
        {
            [`${DEFAULT}/labels/App.labels-meta.xml`]:
                '<?xml version="1.0"?>\n<CustomLabels>\n  <labels>\n    <fullName>X</fullNam>\n  </labels>\n</CustomLabels>\n'
        },
        [wellFormed]
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, `${DEFAULT}/labels/App.labels-meta.xml`);
    assert.equal(problems[0]!.line, 4);
    assert.ok((problems[0]!.column ?? 0) > 1);
    assert.match(problems[0]!.message, /malformed XML/);
});

test('an unescaped ampersand and a truncated file are both reported, well-formed files are not', () => {
    const problems = check(
        {
            [`${DEFAULT}/objects/A__c/A__c.object-meta.xml`]: xml('CustomObject', '<label>A & B</label>'),
            [`${DEFAULT}/objects/B__c/B__c.object-meta.xml`]:
                '<?xml version="1.0"?>\n<CustomObject>\n  <label>B</label>\n',
            [`${DEFAULT}/objects/C__c/C__c.object-meta.xml`]: xml('CustomObject', '<label>C &amp; D</label>'),
            [`${DEFAULT}/classes/Foo.cls`]: 'public class Foo { /* < not XML */ }'
        },
        [wellFormed]
    );
    assert.deepEqual(
        problems.map((p) => p.file),
        [`${DEFAULT}/objects/A__c/A__c.object-meta.xml`, `${DEFAULT}/objects/B__c/B__c.object-meta.xml`]
    );
    assert.equal(problems[0]!.line, 3);
});

test('an empty XML file is malformed', () => {
    const problems = check({ [`${DEFAULT}/tabs/X__c.tab-meta.xml`]: '' }, [wellFormed]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 1);
});
