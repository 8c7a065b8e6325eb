/**
 * A small, valid fake project for the checker's tests: two custom objects in a master-detail relationship, a
 * custom field on a standard object, a custom metadata type with a record, a permission set, a layout, a list
 * view, a compact layout, a tab, an app, a Lightning page with a component, labels, an Apex class with queries
 * and a trigger. Tests take it, break one thing, and assert the checker reports exactly that.
 */
import { DEFAULT, xml } from './testing';

const OBJ = `${DEFAULT}/objects`;

function field(name: string, body: string): string {
    return xml('CustomField', `    <fullName>${name}</fullName>\n${body}`);
}

const PICKLIST = (values: string[], restricted = true): string => `    <label>Status</label>
    <type>Picklist</type>
    <valueSet>
        <restricted>${restricted}</restricted>
        <valueSetDefinition>
            <sorted>false</sorted>
${values.map((v) => `            <value>\n                <fullName>${v}</fullName>\n                <default>false</default>\n                <label>${v}</label>\n            </value>`).join('\n')}
        </valueSetDefinition>
    </valueSet>`;

function fieldPermission(name: string, editable: boolean): string {
    return `    <fieldPermissions>
        <editable>${editable}</editable>
        <field>${name}</field>
        <readable>true</readable>
    </fieldPermissions>`;
}

function objectPermission(name: string, all: boolean): string {
    return `    <objectPermissions>
        <allowCreate>${all}</allowCreate>
        <allowDelete>${all}</allowDelete>
        <allowEdit>${all}</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>${name}</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>`;
}

/** Paths of the fixture's files that tests break most often. */
export const PATHS = {
    permissionSet: `${DEFAULT}/permissionsets/Thing_User.permissionset-meta.xml`,
    thingObject: `${OBJ}/Thing__c/Thing__c.object-meta.xml`,
    partObject: `${OBJ}/Part__c/Part__c.object-meta.xml`,
    status: `${OBJ}/Thing__c/fields/Status__c.field-meta.xml`,
    score: `${OBJ}/Thing__c/fields/Score__c.field-meta.xml`,
    partThing: `${OBJ}/Part__c/fields/Thing__c.field-meta.xml`,
    listView: `${OBJ}/Thing__c/listViews/Open.listView-meta.xml`,
    compactLayout: `${OBJ}/Thing__c/compactLayouts/Thing_Compact.compactLayout-meta.xml`,
    layout: `${DEFAULT}/layouts/Thing__c-Thing Layout.layout-meta.xml`,
    flexipage: `${DEFAULT}/flexipages/Account_Record_Page.flexipage-meta.xml`,
    tab: `${DEFAULT}/tabs/Thing__c.tab-meta.xml`,
    app: `${DEFAULT}/applications/Things.app-meta.xml`,
    apexClass: `${DEFAULT}/classes/ThingsSelector.cls`,
    trigger: `${DEFAULT}/triggers/ThingTrigger.trigger`,
    lwcMeta: `${DEFAULT}/lwc/thingPanel/thingPanel.js-meta.xml`,
    mdtRecord: `${DEFAULT}/customMetadata/Thing_Setting.Default.md-meta.xml`,
    labels: `${DEFAULT}/labels/App.labels-meta.xml`
};

export const SELECTOR_CLASS = `public with sharing class ThingsSelector {
    @AuraEnabled(cacheable=true)
    public static List<Thing__c> getThings(Id accountId) {
        String title = System.Label.Crossway_Things_Title;
        return selectOpen(new Set<Id>{ accountId }, 10);
    }

    public static List<Thing__c> selectOpen(Set<Id> accountIds, Integer maxRows) {
        return [
            SELECT Id, Name, Status__c, Account__r.Name, Account__r.Owner.Name, Owner.Name,
                (SELECT Id, Name, Weight__c FROM Parts__r ORDER BY Name)
            FROM Thing__c
            WHERE Account__c IN :accountIds AND Status__c IN ('Open', 'Done') AND CreatedDate = LAST_N_DAYS:30
            WITH USER_MODE
            ORDER BY Name ASC NULLS LAST
            LIMIT :maxRows
        ];
    }

    public static List<AggregateResult> countByStatus() {
        // [SELECT Nope__c FROM Nowhere__c] in a comment is not a query
        String text = '[SELECT Nope__c FROM Nowhere__c]';
        return [
            SELECT Status__c, COUNT(Id) total, SUM(Score__c) score
            FROM Thing__c t
            WHERE t.Account__r.Industry != NULL AND Id IN (SELECT Thing__c FROM Part__c WHERE Weight__c > 1)
            GROUP BY Status__c
            HAVING COUNT(Id) > 1
        ];
    }

    public static Thing__c newThing(Id accountId) {
        return new Thing__c(Account__c = accountId, Status__c = 'Open', Name = String.valueOf(1));
    }

    public static Schema.SObjectField statusField() {
        return Thing__c.Status__c;
    }

    public static List<Product2> products() {
        return [SELECT Id, Name, Thing__r.Name, (SELECT Id FROM PricebookEntries) FROM Product2 WHERE IsActive = TRUE];
    }
}
`;

export const THING_PANEL = `import { LightningElement, wire } from 'lwc';
import getThings from '@salesforce/apex/ThingsSelector.getThings';
import TITLE from '@salesforce/label/c.Crossway_Things_Title';
import STATUS_FIELD from '@salesforce/schema/Thing__c.Status__c';
import ACCOUNT_NAME from '@salesforce/schema/Thing__c.Account__r.Name';
import THING from '@salesforce/schema/Thing__c';

export default class ThingPanel extends LightningElement {
    label = { TITLE };
    fields = [STATUS_FIELD, ACCOUNT_NAME, THING];
    @wire(getThings, { accountId: '$recordId' }) things;
}
`;

/** The valid fixture project, as paths (relative to the project root) and contents. */
export function fixtureProject(): Record<string, string> {
    return {
        [PATHS.thingObject]: xml(
            'CustomObject',
            `    <compactLayoutAssignment>Thing_Compact</compactLayoutAssignment>
    <deploymentStatus>Deployed</deploymentStatus>
    <label>Thing</label>
    <nameField>
        <label>Thing Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>Things</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>`
        ),
        [`${OBJ}/Thing__c/fields/Account__c.field-meta.xml`]: field(
            'Account__c',
            `    <deleteConstraint>SetNull</deleteConstraint>
    <label>Account</label>
    <referenceTo>Account</referenceTo>
    <relationshipName>Things</relationshipName>
    <required>false</required>
    <type>Lookup</type>`
        ),
        [PATHS.status]: field('Status__c', PICKLIST(['Open', 'Done', 'Dropped'])),
        [PATHS.score]: field(
            'Score__c',
            `    <formula>1</formula>
    <label>Score</label>
    <precision>18</precision>
    <scale>0</scale>
    <type>Number</type>`
        ),
        [`${OBJ}/Thing__c/fields/Code__c.field-meta.xml`]: field(
            'Code__c',
            `    <label>Code</label>
    <length>20</length>
    <required>true</required>
    <type>Text</type>`
        ),
        [PATHS.listView]: xml(
            'ListView',
            `    <fullName>Open</fullName>
    <columns>NAME</columns>
    <columns>Status__c</columns>
    <columns>Account__c</columns>
    <filterScope>Everything</filterScope>
    <filters>
        <field>Status__c</field>
        <operation>equals</operation>
        <value>Open,Done</value>
    </filters>
    <label>Open Things</label>`
        ),
        [PATHS.compactLayout]: xml(
            'CompactLayout',
            `    <fullName>Thing_Compact</fullName>
    <fields>Name</fields>
    <fields>Status__c</fields>
    <label>Thing Compact</label>`
        ),
        [PATHS.partObject]: xml(
            'CustomObject',
            `    <deploymentStatus>Deployed</deploymentStatus>
    <label>Part</label>
    <nameField>
        <displayFormat>P-{0000}</displayFormat>
        <label>Part Number</label>
        <type>AutoNumber</type>
    </nameField>
    <pluralLabel>Parts</pluralLabel>
    <sharingModel>ControlledByParent</sharingModel>`
        ),
        [PATHS.partThing]: field(
            'Thing__c',
            `    <label>Thing</label>
    <referenceTo>Thing__c</referenceTo>
    <relationshipName>Parts</relationshipName>
    <type>MasterDetail</type>
    <writeRequiresMasterRead>false</writeRequiresMasterRead>`
        ),
        [`${OBJ}/Part__c/fields/Weight__c.field-meta.xml`]: field(
            'Weight__c',
            `    <label>Weight</label>
    <precision>10</precision>
    <scale>2</scale>
    <type>Number</type>`
        ),
        [`${OBJ}/Product2/fields/Thing__c.field-meta.xml`]: field(
            'Thing__c',
            `    <deleteConstraint>SetNull</deleteConstraint>
    <label>Thing</label>
    <referenceTo>Thing__c</referenceTo>
    <relationshipName>Products</relationshipName>
    <type>Lookup</type>`
        ),
        [`${OBJ}/Thing_Setting__mdt/Thing_Setting__mdt.object-meta.xml`]: xml(
            'CustomObject',
            `    <label>Thing Setting</label>
    <pluralLabel>Thing Settings</pluralLabel>
    <visibility>Public</visibility>`
        ),
        [`${OBJ}/Thing_Setting__mdt/fields/Weight__c.field-meta.xml`]: field(
            'Weight__c',
            `    <fieldManageability>SubscriberControlled</fieldManageability>
    <label>Weight</label>
    <precision>5</precision>
    <scale>2</scale>
    <type>Number</type>`
        ),
        [PATHS.mdtRecord]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Default</label>
    <protected>false</protected>
    <values>
        <field>Weight__c</field>
        <value xsi:type="xsd:double">1.5</value>
    </values>
</CustomMetadata>
`,
        [PATHS.permissionSet]: xml(
            'PermissionSet',
            [
                `    <applicationVisibilities>\n        <application>Things</application>\n        <visible>true</visible>\n    </applicationVisibilities>`,
                `    <classAccesses>\n        <apexClass>ThingsSelector</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>`,
                `    <customMetadataTypeAccesses>\n        <enabled>true</enabled>\n        <name>Thing_Setting__mdt</name>\n    </customMetadataTypeAccesses>`,
                fieldPermission('Part__c.Weight__c', true),
                fieldPermission('Product2.Thing__c', true),
                fieldPermission('Thing__c.Account__c', true),
                fieldPermission('Thing__c.Score__c', false),
                fieldPermission('Thing__c.Status__c', true),
                `    <label>Thing User</label>`,
                objectPermission('Account', false),
                objectPermission('Part__c', true),
                objectPermission('Thing__c', true),
                `    <tabSettings>\n        <tab>Thing__c</tab>\n        <visibility>Visible</visibility>\n    </tabSettings>`
            ].join('\n')
        ),
        [PATHS.layout]: xml(
            'Layout',
            `    <layoutSections>
        <customLabel>false</customLabel>
        <detailHeading>false</detailHeading>
        <editHeading>true</editHeading>
        <label>Information</label>
        <layoutColumns>
            <layoutItems>
                <behavior>Required</behavior>
                <field>Name</field>
            </layoutItems>
            <layoutItems>
                <behavior>Edit</behavior>
                <field>Status__c</field>
            </layoutItems>
        </layoutColumns>
        <style>OneColumn</style>
    </layoutSections>
    <relatedLists>
        <fields>NAME</fields>
        <fields>Weight__c</fields>
        <relatedList>Part__c.Thing__c</relatedList>
    </relatedLists>`
        ),
        [PATHS.tab]: xml('CustomTab', '    <customObject>true</customObject>\n    <motif>Custom57: Building</motif>'),
        [PATHS.app]: xml(
            'CustomApplication',
            `    <formFactors>Large</formFactors>
    <label>Things</label>
    <navType>Standard</navType>
    <tabs>standard-Account</tabs>
    <tabs>Thing__c</tabs>
    <uiType>Lightning</uiType>`
        ),
        [PATHS.flexipage]: xml(
            'FlexiPage',
            `    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>maxRows</name>
                    <value>5</value>
                </componentInstanceProperties>
                <componentName>c:thingPanel</componentName>
                <identifier>c_thingPanel</identifier>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>relatedListApiName</name>
                    <value>Things__r</value>
                </componentInstanceProperties>
                <componentName>force:relatedListSingleContainer</componentName>
                <identifier>things</identifier>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <fieldInstance>
                <fieldItem>Record.Industry</fieldItem>
                <identifier>industry</identifier>
            </fieldInstance>
        </itemInstances>
        <name>main</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Account Record Page</masterLabel>
    <sobjectType>Account</sobjectType>
    <template>
        <name>flexipage:recordHomeTemplateDesktop</name>
    </template>
    <type>RecordPage</type>`
        ),
        [`${DEFAULT}/lwc/thingPanel/thingPanel.ts`]: THING_PANEL,
        [`${DEFAULT}/lwc/thingPanel/thingPanel.html`]: '<template></template>\n',
        [PATHS.lwcMeta]: xml(
            'LightningComponentBundle',
            `    <apiVersion>65.0</apiVersion>
    <isExposed>true</isExposed>
    <targets>
        <target>lightning__RecordPage</target>
    </targets>
    <targetConfigs>
        <targetConfig targets="lightning__RecordPage">
            <property name="maxRows" type="Integer" default="5" />
            <objects>
                <object>Account</object>
            </objects>
        </targetConfig>
    </targetConfigs>`
        ),
        [`${DEFAULT}/lwc/thingPanel/__tests__/thingPanel.test.js`]: 'describe("x", () => {});\n',
        [`${DEFAULT}/lwc/jsconfig.json`]: '{}\n',
        [PATHS.labels]: xml(
            'CustomLabels',
            `    <labels>
        <fullName>Crossway_Things_Title</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Things title</shortDescription>
        <value>Things</value>
    </labels>`
        ),
        [PATHS.apexClass]: SELECTOR_CLASS,
        [`${PATHS.apexClass}-meta.xml`]: xml(
            'ApexClass',
            '    <apiVersion>65.0</apiVersion>\n    <status>Active</status>'
        ),
        [PATHS.trigger]:
            'trigger ThingTrigger on Thing__c (before insert, before update) {\n    System.debug(Trigger.new);\n}\n',
        [`${PATHS.trigger}-meta.xml`]: xml(
            'ApexTrigger',
            '    <apiVersion>65.0</apiVersion>\n    <status>Active</status>'
        )
    };
}

/** The fixture with some files replaced (a string) or removed (undefined). */
export function fixtureWith(changes: Record<string, string | undefined>): Record<string, string> {
    const files = fixtureProject();
    for (const [path, text] of Object.entries(changes)) {
        if (text === undefined) delete files[path];
        else files[path] = text;
    }
    return files;
}

/** The fixture with one file edited by a find-and-replace (which must match). */
export function fixtureEdited(path: string, find: string | RegExp, replace: string): Record<string, string> {
    const files = fixtureProject();
    const before = files[path];
    if (before === undefined) throw new Error(`fixture has no ${path}`);
    const after = before.replace(find, replace);
    if (after === before) throw new Error(`edit of ${path} changed nothing: ${String(find)}`);
    files[path] = after;
    return files;
}
