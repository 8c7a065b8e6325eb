import { test } from 'node:test';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureEdited, fixtureWith, PATHS } from '../fixtureProject';
import { fieldDefinitions } from './fieldDefinitions';
import { objectDefinitions } from './objectDefinitions';

const FIELDS = `${DEFAULT}/objects/Thing__c/fields`;

function field(name: string, body: string): string {
    return xml('CustomField', `    <fullName>${name}</fullName>\n    <label>${name}</label>\n${body}`);
}

test('field attributes: text length, long text lines, number precision, checkbox default, formula type', () => {
    const files = fixtureWith({
        [`${FIELDS}/Title__c.field-meta.xml`]: field('Title__c', '    <type>Text</type>\n    <length>300</length>'),
        [`${FIELDS}/Body__c.field-meta.xml`]: field(
            'Body__c',
            '    <type>LongTextArea</type>\n    <length>32768</length>'
        ),
        [`${FIELDS}/Size__c.field-meta.xml`]: field(
            'Size__c',
            '    <type>Number</type>\n    <precision>20</precision>\n    <scale>2</scale>'
        ),
        [`${FIELDS}/Price__c.field-meta.xml`]: field('Price__c', '    <type>Currency</type>'),
        [`${FIELDS}/Flag__c.field-meta.xml`]: field('Flag__c', '    <type>Checkbox</type>'),
        [`${FIELDS}/Calc__c.field-meta.xml`]: field(
            'Calc__c',
            '    <type>LongTextArea</type>\n    <formula>Name</formula>\n    <visibleLines>3</visibleLines>\n    <length>1000</length>'
        )
    });
    const at = (name: string, needle: string): { file: string; line: number } => {
        const path = `${FIELDS}/${name}.field-meta.xml`;
        return { file: path, line: lineOf(files[path], needle) };
    };
    assertProblems(check(files, [fieldDefinitions]), [
        { ...at('Title__c', '<length>'), message: /Thing__c\.Title__c: length 300 is outside 1\.\.255/ },
        { ...at('Body__c', '<CustomField'), message: /Body__c: a LongTextArea field needs visibleLines/ },
        { ...at('Size__c', '<precision>'), message: /precision 20 and scale 2 must satisfy/ },
        { ...at('Price__c', '<CustomField'), message: /a Currency field needs precision and scale/ },
        { ...at('Flag__c', '<CustomField'), message: /a checkbox needs a defaultValue/ },
        { ...at('Calc__c', '<type>'), message: /a formula cannot return LongTextArea/ }
    ]);
});

test('history tracking needs the object to enable it', () => {
    const files = fixtureEdited(
        PATHS.status,
        '<type>Picklist</type>',
        '<trackHistory>true</trackHistory>\n    <type>Picklist</type>'
    );
    assertProblems(check(files, [fieldDefinitions]), [
        {
            file: PATHS.status,
            line: lineOf(files[PATHS.status], '<trackHistory>'),
            message: /tracks history, but Thing__c does not enable history/
        }
    ]);
});

test('sharing: external wider than internal, detail external model, enterprise settings that disagree', () => {
    const files = fixtureWith({});
    files[PATHS.thingObject] = files[PATHS.thingObject]!.replace(
        '<sharingModel>ReadWrite</sharingModel>',
        '<sharingModel>Private</sharingModel>\n    <externalSharingModel>Read</externalSharingModel>\n    <enableSharing>true</enableSharing>\n    <enableBulkApi>false</enableBulkApi>'
    );
    files[PATHS.partObject] = files[PATHS.partObject]!.replace(
        '<sharingModel>ControlledByParent</sharingModel>',
        '<sharingModel>ControlledByParent</sharingModel>\n    <externalSharingModel>Private</externalSharingModel>'
    );
    assertProblems(check(files, [objectDefinitions]), [
        {
            file: PATHS.thingObject,
            line: lineOf(files[PATHS.thingObject], '<externalSharingModel>'),
            message: /external access Read cannot be wider than internal Private/
        },
        {
            file: PATHS.thingObject,
            line: lineOf(files[PATHS.thingObject], '<enableSharing>'),
            message: /must be all true or all false/
        },
        {
            file: PATHS.partObject,
            line: lineOf(files[PATHS.partObject], '<externalSharingModel>'),
            message: /externalSharingModel must be ControlledByParent/
        }
    ]);
});
