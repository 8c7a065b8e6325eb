import { test } from 'node:test';
import { assertProblems, check, lineOf } from '../testing';
import { fixtureEdited, PATHS } from '../fixtureProject';
import { componentImports } from './componentImports';
import { labels } from './labels';

const PANEL = PATHS.lwcMeta.replace('.js-meta.xml', '.ts');

const LABEL = (name: string, value = 'x'): string => `    <labels>
        <fullName>${name}</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>${name}</shortDescription>
        <value>${value}</value>
    </labels>
</CustomLabels>`;

test('labels: a duplicate across files, a missing prefix, no value, an over-long value', () => {
    const files = fixtureEdited(PATHS.labels, '</CustomLabels>', `${LABEL('Things_Subtitle')}`);
    files[PATHS.labels] = files[PATHS.labels]!.replace('</CustomLabels>', LABEL('Crossway_Empty', ''));
    const other = PATHS.labels.replace('App.', 'Panel.');
    files[other] = files[PATHS.labels]!.replace(/<labels>[\s\S]*<\/labels>/, '').replace(
        '</CustomLabels>',
        LABEL('Crossway_Things_Title', 'y'.repeat(1001))
    );
    const text = files[PATHS.labels];
    assertProblems(check(files, [labels]), [
        {
            file: PATHS.labels,
            line: lineOf(text, '<fullName>Things_Subtitle'),
            message: /Things_Subtitle must start with Crossway_/
        },
        { file: PATHS.labels, line: lineOf(text, '<labels>', 3), message: /label Crossway_Empty has no value/ },
        {
            file: other,
            line: lineOf(files[other], '<labels>'),
            message: /Crossway_Things_Title is defined twice \(also in .*App\.labels-meta\.xml:3\)/
        },
        { file: other, line: lineOf(files[other], '<value>'), message: /longer than 1000 characters/ }
    ]);
});

test('labels used by Apex and by components must exist', () => {
    const files = fixtureEdited(
        PATHS.apexClass,
        'System.Label.Crossway_Things_Title',
        'System.Label.Crossway_Thing_Title'
    );
    files[PANEL] = files[PANEL]!.replace(
        "'@salesforce/label/c.Crossway_Things_Title'",
        "'@salesforce/label/c.Crossway_Missing'"
    );
    assertProblems(check(files, [labels]), [
        {
            file: PATHS.apexClass,
            line: lineOf(files[PATHS.apexClass], 'System.Label'),
            message: /custom label Crossway_Thing_Title does not exist/
        },
        {
            file: PANEL,
            line: lineOf(files[PANEL], 'Crossway_Missing'),
            message: /custom label Crossway_Missing does not exist/
        }
    ]);
});

test('component imports: unknown field, relationship, object, Apex class and non-AuraEnabled method', () => {
    const files = fixtureEdited(PANEL, 'Thing__c.Status__c', 'Thing__c.Stage__c');
    files[PANEL] = files[PANEL]!.replace('Thing__c.Account__r.Name', 'Thing__c.Acount__r.Name')
        .replace("'@salesforce/schema/Thing__c'", "'@salesforce/schema/Thingy__c'")
        .replace('ThingsSelector.getThings', 'ThingsSelector.selectOpen')
        .replace('import THING', "import other from '@salesforce/apex/ThingSelector.getThings';\nimport THING");
    const text = files[PANEL];
    assertProblems(check(files, [componentImports]), [
        { file: PANEL, line: lineOf(text, 'Stage__c'), message: /Thing__c\.Stage__c does not exist/ },
        { file: PANEL, line: lineOf(text, 'Acount__r'), message: /Thing__c has no relationship Acount__r/ },
        { file: PANEL, line: lineOf(text, 'Thingy__c'), message: /object Thingy__c does not exist/ },
        {
            file: PANEL,
            line: lineOf(text, 'selectOpen'),
            message: /ThingsSelector has no static @AuraEnabled method selectOpen/
        },
        {
            file: PANEL,
            line: lineOf(text, 'ThingSelector.getThings'),
            message: /Apex class ThingSelector does not exist/
        }
    ]);
});
