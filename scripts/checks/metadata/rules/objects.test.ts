import { test } from 'node:test';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureEdited, fixtureWith, PATHS } from '../fixtureProject';
import { compactLayouts } from './compactLayouts';
import { layouts } from './layouts';
import { listViews } from './listViews';
import { objectDefinitions } from './objectDefinitions';
import { picklistValues } from './picklistValues';
import { customMetadataRecords } from './customMetadataRecords';

const FIELDS = `${DEFAULT}/objects/Thing__c/fields`;

test('object definitions: sharing model, lookups, required lookup delete rule, picklists', () => {
    const files = fixtureEdited(PATHS.partObject, 'ControlledByParent', 'ReadWrite');
    files[PATHS.thingObject] = files[PATHS.thingObject]!.replace(/\s*<sharingModel>ReadWrite<\/sharingModel>/, '');
    files[`${FIELDS}/Owner_Contact__c.field-meta.xml`] = xml(
        'CustomField',
        `    <fullName>Owner_Contact__c</fullName>
    <label>Contact</label>
    <type>Lookup</type>
    <referenceTo>Contakt</referenceTo>
    <deleteConstraint>SetNull</deleteConstraint>
    <required>true</required>`
    );
    files[PATHS.status] = files[PATHS.status]!.replace(
        '<restricted>true</restricted>',
        '<restricted>false</restricted>'
    ).replace('<fullName>Dropped</fullName>', '<fullName>Open</fullName>');
    const contact = files[`${FIELDS}/Owner_Contact__c.field-meta.xml`];
    assertProblems(check(files, [objectDefinitions]), [
        {
            file: PATHS.partObject,
            line: lineOf(files[PATHS.partObject], '<sharingModel>'),
            message: /must be ControlledByParent/
        },
        { file: PATHS.thingObject, line: 2, message: /Thing__c states no sharingModel/ },
        {
            file: `${FIELDS}/Owner_Contact__c.field-meta.xml`,
            line: lineOf(contact, '<referenceTo>'),
            message: /refers to object Contakt/
        },
        { file: `${FIELDS}/Owner_Contact__c.field-meta.xml`, line: 2, message: /has no relationshipName/ },
        {
            file: `${FIELDS}/Owner_Contact__c.field-meta.xml`,
            line: lineOf(contact, '<deleteConstraint>'),
            message: /use Restrict/
        },
        { file: PATHS.status, line: lineOf(files[PATHS.status], '<valueSet>'), message: /must be restricted/ },
        { file: PATHS.status, line: lineOf(files[PATHS.status], '<value>', 3), message: /lists value Open twice/ }
    ]);
});

test('object definitions: a missing compact layout assignment and a field folder without object file', () => {
    const files = fixtureEdited(
        PATHS.thingObject,
        'Thing_Compact</compactLayoutAssignment>',
        'Thing_Card</compactLayoutAssignment>'
    );
    files[`${DEFAULT}/objects/Widget__c/fields/Size__c.field-meta.xml`] = xml(
        'CustomField',
        '<fullName>Size__c</fullName>\n<label>Size</label>\n<type>Number</type>'
    );
    assertProblems(check(files, [objectDefinitions]), [
        {
            file: PATHS.thingObject,
            line: lineOf(files[PATHS.thingObject], '<compactLayoutAssignment>'),
            message: /compact layout Thing_Card does not exist/
        },
        {
            file: `${DEFAULT}/objects/Widget__c/fields/Size__c.field-meta.xml`,
            line: 1,
            message: /Widget__c has no Widget__c\.object-meta\.xml/
        }
    ]);
});

test('list views: unknown column and filter field, bad operation, Mine on an object without owner', () => {
    const files = fixtureEdited(PATHS.listView, '<columns>Account__c</columns>', '<columns>Acount__c</columns>');
    files[PATHS.listView] = files[PATHS.listView]!.replace(
        '<field>Status__c</field>',
        '<field>Stage__c</field>'
    ).replace('<operation>equals</operation>', '<operation>is</operation>');
    files[`${DEFAULT}/objects/Part__c/listViews/Mine.listView-meta.xml`] = xml(
        'ListView',
        '    <fullName>Mine</fullName>\n    <columns>NAME</columns>\n    <filterScope>Mine</filterScope>\n    <label>My Parts</label>'
    );
    const text = files[PATHS.listView];
    assertProblems(check(files, [listViews]), [
        {
            file: PATHS.listView,
            line: lineOf(text, '<columns>Acount__c'),
            message: /list view column: Thing__c\.Acount__c does not exist/
        },
        {
            file: PATHS.listView,
            line: lineOf(text, '<filters>'),
            message: /list view filter: Thing__c\.Stage__c does not exist/
        },
        { file: PATHS.listView, line: lineOf(text, '<filters>'), message: /operation is is not valid/ },
        {
            file: `${DEFAULT}/objects/Part__c/listViews/Mine.listView-meta.xml`,
            line: 2,
            message: /have no owner .* cannot be Mine/
        }
    ]);
});

test('picklist values: a list view filter value and a record type value outside the set', () => {
    const files = fixtureEdited(PATHS.listView, '<value>Open,Done</value>', '<value>Open,Closed</value>');
    const recordType = `${DEFAULT}/objects/Thing__c/recordTypes/Big.recordType-meta.xml`;
    files[recordType] = xml(
        'RecordType',
        `    <fullName>Big</fullName>
    <active>true</active>
    <label>Big</label>
    <picklistValues>
        <picklist>Status__c</picklist>
        <values>
            <fullName>Open</fullName>
            <default>true</default>
        </values>
        <values>
            <fullName>Archived</fullName>
            <default>false</default>
        </values>
    </picklistValues>`
    );
    assertProblems(check(files, [picklistValues]), [
        {
            file: PATHS.listView,
            line: lineOf(files[PATHS.listView], '<filters>'),
            message: /Closed is not a value of Thing__c\.Status__c \(Open, Done, Dropped\)/
        },
        {
            file: recordType,
            line: lineOf(files[recordType], '<values>', 2),
            message: /record type: Archived is not a value/
        }
    ]);
});

test('compact layouts: unknown field, long text field', () => {
    const files = fixtureEdited(
        PATHS.compactLayout,
        '<fields>Status__c</fields>',
        '<fields>Stage__c</fields>\n    <fields>Notes__c</fields>'
    );
    files[`${FIELDS}/Notes__c.field-meta.xml`] = xml(
        'CustomField',
        '<fullName>Notes__c</fullName>\n<label>Notes</label>\n<type>LongTextArea</type>\n<length>1000</length>\n<visibleLines>3</visibleLines>'
    );
    const text = files[PATHS.compactLayout];
    assertProblems(check(files, [compactLayouts]), [
        { file: PATHS.compactLayout, line: lineOf(text, 'Stage__c'), message: /Thing__c\.Stage__c does not exist/ },
        { file: PATHS.compactLayout, line: lineOf(text, 'Notes__c'), message: /cannot show LongTextArea fields/ }
    ]);
});

test('layouts: unknown field, related list through a field that is not a lookup to the object, unknown column', () => {
    const files = fixtureEdited(PATHS.layout, '<field>Status__c</field>', '<field>Stage__c</field>');
    files[PATHS.layout] = files[PATHS.layout]!.replace(
        '<fields>Weight__c</fields>',
        '<fields>Mass__c</fields>'
    ).replace(
        '</relatedLists>',
        '</relatedLists>\n    <relatedLists>\n        <relatedList>Part__c.Weight__c</relatedList>\n    </relatedLists>'
    );
    files[`${DEFAULT}/layouts/Gadget__c-Gadget Layout.layout-meta.xml`] = xml('Layout', '');
    const text = files[PATHS.layout];
    assertProblems(check(files, [layouts]), [
        {
            file: PATHS.layout,
            line: lineOf(text, '<layoutItems>', 2),
            message: /layout field Thing__c\.Stage__c does not exist/
        },
        { file: PATHS.layout, line: lineOf(text, 'Mass__c'), message: /column: Part__c\.Mass__c does not exist/ },
        {
            file: PATHS.layout,
            line: lineOf(text, '<relatedLists>', 2),
            message: /Part__c\.Weight__c is not a lookup to Thing__c/
        },
        {
            file: `${DEFAULT}/layouts/Gadget__c-Gadget Layout.layout-meta.xml`,
            line: 2,
            message: /not named after an existing object/
        }
    ]);
});

test('custom metadata records: unknown field, wrong value type, unknown type', () => {
    const files = fixtureEdited(PATHS.mdtRecord, 'xsi:type="xsd:double">1.5', 'xsi:type="xsd:string">heavy');
    files[PATHS.mdtRecord] = files[PATHS.mdtRecord]!.replace(
        '</CustomMetadata>',
        '    <values>\n        <field>Colour__c</field>\n        <value xsi:type="xsd:string">red</value>\n    </values>\n</CustomMetadata>'
    );
    const other = `${DEFAULT}/customMetadata/Gizmo_Setting.Default.md-meta.xml`;
    const withOther = fixtureWith({ ...files, [other]: xml('CustomMetadata', '<label>Default</label>') });
    const text = files[PATHS.mdtRecord];
    assertProblems(check(withOther, [customMetadataRecords]), [
        {
            file: PATHS.mdtRecord,
            line: lineOf(text, '<value '),
            message: /Weight__c is Number: its value must be xsd:double/
        },
        {
            file: PATHS.mdtRecord,
            line: lineOf(text, '<values>', 2),
            message: /Thing_Setting__mdt has no field Colour__c/
        },
        { file: other, line: 2, message: /Gizmo_Setting__mdt, which is not a custom metadata type/ }
    ]);
});

test('object definitions: master-detail on a standard object, auto-number name without format', () => {
    const files = fixtureEdited(PATHS.partObject, /\s*<displayFormat>P-\{0000\}<\/displayFormat>/, '');
    const onAccount = `${DEFAULT}/objects/Account/fields/Thing__c.field-meta.xml`;
    files[onAccount] = xml(
        'CustomField',
        '    <fullName>Thing__c</fullName>\n    <label>Thing</label>\n    <type>MasterDetail</type>\n    <referenceTo>Thing__c</referenceTo>\n    <relationshipName>Accounts</relationshipName>'
    );
    assertProblems(check(files, [objectDefinitions]), [
        {
            file: PATHS.partObject,
            line: lineOf(files[PATHS.partObject], '<nameField>'),
            message: /auto-number name needs a displayFormat/
        },
        { file: onAccount, line: lineOf(files[onAccount], '<type>'), message: /only custom objects can be the detail/ }
    ]);
});

test('custom metadata records: required field without value, non-numeric number; getInstance names a missing record', () => {
    const required = `${DEFAULT}/objects/Thing_Setting__mdt/fields/Mode__c.field-meta.xml`;
    const files = fixtureEdited(PATHS.mdtRecord, '>1.5<', '>heavy<');
    files[required] = xml(
        'CustomField',
        '    <fullName>Mode__c</fullName>\n    <label>Mode</label>\n    <type>Text</type>\n    <length>20</length>\n    <required>true</required>'
    );
    files[PATHS.apexClass] = files[PATHS.apexClass]!.replace(
        'public static List<Product2> products() {',
        "static final String SETTING_NAME = 'Standard';\n    public static Object settings() {\n        return Thing_Setting__mdt.getInstance('Deflt').Weight__c + Thing_Setting__mdt.getInstance(ThingsSelector.SETTING_NAME).Weight__c + Thing_Setting__mdt.getInstance('Default').Weight__c;\n    }\n\n    public static List<Product2> products() {"
    );
    const cls = files[PATHS.apexClass];
    assertProblems(check(files, [customMetadataRecords]), [
        {
            file: PATHS.mdtRecord,
            line: 2,
            message: /Thing_Setting__mdt\.Mode__c is required, but the record sets no value/
        },
        {
            file: PATHS.mdtRecord,
            line: lineOf(files[PATHS.mdtRecord], '<value '),
            message: /Weight__c is Number: heavy is not a number/
        },
        { file: PATHS.apexClass, line: lineOf(cls, "'Deflt'"), message: /Thing_Setting__mdt has no record Deflt/ },
        {
            file: PATHS.apexClass,
            line: lineOf(cls, 'getInstance(ThingsSelector'),
            message: /Thing_Setting__mdt has no record Standard/
        }
    ]);
});

const SETTING = `${DEFAULT}/objects/Thing_Run__c`;

/** A hierarchy custom setting with one Number field, as the project ships one. */
function withSetting(objectBody: string, fieldType = 'Number'): Record<string, string> {
    return fixtureWith({
        [`${SETTING}/Thing_Run__c.object-meta.xml`]: xml('CustomObject', objectBody),
        [`${SETTING}/fields/Runs__c.field-meta.xml`]: xml(
            'CustomField',
            `    <fullName>Runs__c</fullName>
    <label>Runs</label>
    <type>${fieldType}</type>`
        )
    });
}

const GOOD_SETTING = `    <customSettingsType>Hierarchy</customSettingsType>
    <label>Thing Run</label>
    <visibility>Public</visibility>`;

test('custom settings: a well-formed hierarchy setting needs no sharing model, name field or field security', () => {
    const files = withSetting(GOOD_SETTING);
    assertProblems(check(files, [objectDefinitions]), []);
});

test('custom settings: type, visibility, object-only elements and unsupported field types are reported', () => {
    const files = withSetting(
        `    <customSettingsType>Tree</customSettingsType>
    <label>Thing Run</label>
    <sharingModel>ReadWrite</sharingModel>`,
        'Picklist'
    );
    const object = files[`${SETTING}/Thing_Run__c.object-meta.xml`];
    const field = files[`${SETTING}/fields/Runs__c.field-meta.xml`];
    assertProblems(check(files, [objectDefinitions]), [
        {
            file: `${SETTING}/Thing_Run__c.object-meta.xml`,
            line: lineOf(object, '<customSettingsType>'),
            message: /must be Hierarchy or List/
        },
        { file: `${SETTING}/Thing_Run__c.object-meta.xml`, line: 2, message: /states its visibility/ },
        {
            file: `${SETTING}/Thing_Run__c.object-meta.xml`,
            line: lineOf(object, '<sharingModel>'),
            message: /custom setting: no sharingModel/
        },
        {
            file: `${SETTING}/fields/Runs__c.field-meta.xml`,
            line: lineOf(field, '<type>'),
            message: /cannot have a Picklist field/
        },
        { file: `${SETTING}/fields/Runs__c.field-meta.xml`, line: 2, message: /has no valueSet/ }
    ]);
});
