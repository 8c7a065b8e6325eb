import { test } from 'node:test';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureEdited, fixtureWith, PATHS } from '../fixtureProject';
import { fieldSecurity } from './fieldSecurity';
import { objectPermissions } from './objectPermissions';
import { permissionSetReferences } from './permissionSetReferences';

const PS = PATHS.permissionSet;

function grant(field: string, editable: boolean, readable = true): string {
    return `    <fieldPermissions>\n        <editable>${editable}</editable>\n        <field>${field}</field>\n        <readable>${readable}</readable>\n    </fieldPermissions>\n    <label>`;
}

test('permission sets naming missing objects, fields, classes, tabs, apps and metadata types are reported', () => {
    const files = fixtureEdited(PS, '<field>Thing__c.Status__c</field>', '<field>Thing__c.Stage__c</field>');
    files[PS] = files[PS]!.replace('<object>Part__c</object>', '<object>Piece__c</object>')
        .replace('<apexClass>ThingsSelector</apexClass>', '<apexClass>ThingSelector</apexClass>')
        .replace('<tab>Thing__c</tab>', '<tab>Thingy__c</tab>')
        .replace('<application>Things</application>', '<application>Stuff</application>')
        .replace('<name>Thing_Setting__mdt</name>', '<name>Thing__c</name>');
    const text = files[PS];
    assertProblems(check(files, [permissionSetReferences]), [
        {
            file: PS,
            line: lineOf(text, '<fieldPermissions>', 5),
            message: /field Thing__c\.Stage__c, which does not exist/
        },
        { file: PS, line: lineOf(text, '<objectPermissions>', 2), message: /object Piece__c, which does not exist/ },
        { file: PS, line: lineOf(text, '<classAccesses>'), message: /Apex class ThingSelector/ },
        { file: PS, line: lineOf(text, '<tabSettings>'), message: /tab Thingy__c/ },
        { file: PS, line: lineOf(text, '<applicationVisibilities>'), message: /app Stuff/ },
        {
            file: PS,
            line: lineOf(text, '<customMetadataTypeAccesses>'),
            message: /Thing__c, which is not a custom metadata type/
        }
    ]);
});

test('a field listed twice, a profile-only tab visibility and objectPermissions on a metadata type are reported', () => {
    const files = fixtureEdited(
        PS,
        '    <label>',
        `${grant('Thing__c.Status__c', false).replace('    <label>', '')}    <label>`
    );
    files[PS] = files[PS]!.replace('<visibility>Visible</visibility>', '<visibility>DefaultOn</visibility>').replace(
        '<object>Account</object>',
        '<object>Thing_Setting__mdt</object>'
    );
    const text = files[PS];
    assertProblems(check(files, [permissionSetReferences]), [
        {
            file: PS,
            line: lineOf(text, '<fieldPermissions>', 6),
            message: /lists Thing__c\.Status__c again \(first at line \d+\)/
        },
        {
            file: PS,
            line: lineOf(text, '<tabSettings>'),
            message: /visibility DefaultOn is not valid in a permission set/
        },
        {
            file: PS,
            line: lineOf(text, '<objectPermissions>'),
            message: /custom metadata type: grant it with customMetadataTypeAccesses/
        }
    ]);
});

test('object permissions breaking the platform dependencies are reported', () => {
    const files = fixtureEdited(
        PS,
        /<allowRead>true<\/allowRead>\n(\s*)<modifyAllRecords>false<\/modifyAllRecords>\n(\s*)<object>Thing__c<\/object>\n(\s*)<viewAllRecords>false/,
        '<allowRead>false</allowRead>\n$1<modifyAllRecords>true</modifyAllRecords>\n$2<object>Thing__c</object>\n$3<viewAllRecords>false'
    );
    const text = files[PS];
    const at = lineOf(text, '<objectPermissions>', 3);
    assertProblems(check(files, [objectPermissions]), [
        { file: PS, line: at, message: /allowCreate requires allowRead/ },
        { file: PS, line: at, message: /allowEdit requires allowRead/ },
        { file: PS, line: at, message: /allowDelete requires allowRead \(/ },
        { file: PS, line: at, message: /modifyAllRecords requires allowRead, viewAllRecords/ },
        {
            file: PS,
            line: lineOf(text, '<objectPermissions>', 2),
            message: /Part__c is a detail of Thing__c .* requires Read on Thing__c/
        }
    ]);
});

test('delete without edit is reported', () => {
    const files = fixtureEdited(
        PS,
        /<allowEdit>true<\/allowEdit>(\s*<allowRead>true<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>Thing__c)/,
        '<allowEdit>false</allowEdit>$1'
    );
    assertProblems(check(files, [objectPermissions]), [
        {
            file: PS,
            line: lineOf(files[PS], '<objectPermissions>', 3),
            message: /Thing__c: allowDelete requires allowEdit/
        }
    ]);
});

test('grants the platform refuses are reported: required, master-detail, edit on formula, edit without read', () => {
    const files = fixtureEdited(PS, '    <label>', grant('Thing__c.Code__c', false));
    files[PS] = files[PS]!.replace('    <label>', grant('Part__c.Thing__c', false))
        .replace('    <label>', grant('Account.Name', false))
        .replace(
            '<editable>false</editable>\n        <field>Thing__c.Score__c</field>',
            '<editable>true</editable>\n        <field>Thing__c.Score__c</field>'
        )
        .replace(
            '<field>Part__c.Weight__c</field>\n        <readable>true</readable>',
            '<field>Part__c.Weight__c</field>\n        <readable>false</readable>'
        );
    const text = files[PS];
    const nth = (field: string): number => lineOf(text, `<field>${field}</field>`) - 2;
    assertProblems(check(files, [fieldSecurity]), [
        { file: PS, line: nth('Thing__c.Code__c'), message: /cannot be named in fieldPermissions: it is required/ },
        { file: PS, line: nth('Part__c.Thing__c'), message: /it is a master-detail field/ },
        { file: PS, line: nth('Account.Name'), message: /Account\.Name cannot be named .* required/ },
        { file: PS, line: nth('Thing__c.Score__c'), message: /is a formula field: it can be granted read access only/ },
        { file: PS, line: nth('Part__c.Weight__c'), message: /edit access requires read access/ },
        // Part__c.Weight__c is no longer readable anywhere
        {
            file: `force-app/main/default/objects/Part__c/fields/Weight__c.field-meta.xml`,
            line: 2,
            message: /readable through no permission set/
        }
    ]);
});

test('a custom field that no permission set covers is reported at the field file', () => {
    const files = fixtureEdited(
        PS,
        /\s*<fieldPermissions>\s*<editable>true<\/editable>\s*<field>Product2\.Thing__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
        ''
    );
    assertProblems(check(files, [fieldSecurity]), [
        {
            file: 'force-app/main/default/objects/Product2/fields/Thing__c.field-meta.xml',
            line: 2,
            message: /Product2\.Thing__c is readable through no permission set/
        }
    ]);
});

test('a custom setting takes no object permissions and its fields no field-level security', () => {
    const files = fixtureWith({
        [`${DEFAULT}/objects/Thing_Run__c/Thing_Run__c.object-meta.xml`]: xml(
            'CustomObject',
            `    <customSettingsType>Hierarchy</customSettingsType>
    <label>Thing Run</label>
    <visibility>Public</visibility>`
        ),
        [`${DEFAULT}/objects/Thing_Run__c/fields/Runs__c.field-meta.xml`]: xml(
            'CustomField',
            `    <fullName>Runs__c</fullName>
    <label>Runs</label>
    <type>Number</type>`
        )
    });
    files[PS] = files[PS]!.replace(
        '    <label>',
        `    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Thing_Run__c</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
${grant('Thing_Run__c.Runs__c', false)}`
    );
    const text = files[PS];
    const problems = check(files, [permissionSetReferences, fieldSecurity]);
    assertProblems(
        problems.filter((p) => /Thing_Run__c/.test(p.message)),
        [
            {
                file: PS,
                line: lineOf(text, '<object>Thing_Run__c</object>') - 6,
                message: /Thing_Run__c is a custom setting: it takes no objectPermissions/
            },
            {
                file: PS,
                line: lineOf(text, '<field>Thing_Run__c.Runs__c</field>') - 2,
                message: /field-level security does not apply/
            }
        ]
    );
    assertProblems(check(fixtureWith({}), [permissionSetReferences, fieldSecurity]), []);
});
