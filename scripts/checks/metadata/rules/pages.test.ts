import { test } from 'node:test';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureEdited, PATHS } from '../fixtureProject';
import { appsAndTabs } from './appsAndTabs';
import { flexipages } from './flexipages';
import { lwcBundles } from './lwcBundles';

test('Lightning pages: unknown field, unknown related list, undeclared property, component not for this object', () => {
    const files = fixtureEdited(
        PATHS.flexipage,
        '<fieldItem>Record.Industry</fieldItem>',
        '<fieldItem>Record.Industri</fieldItem>'
    );
    files[PATHS.flexipage] = files[PATHS.flexipage]!.replace(
        '<value>Things__r</value>',
        '<value>Thangs__r</value>'
    ).replace('<name>maxRows</name>', '<name>rowLimit</name>');
    files[PATHS.lwcMeta] = files[PATHS.lwcMeta]!.replace('<object>Account</object>', '<object>Contact</object>');
    const text = files[PATHS.flexipage];
    assertProblems(check(files, [flexipages]), [
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<fieldItem>'),
            message: /Record\.Industri: Account\.Industri does not exist/
        },
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<componentInstanceProperties>', 2),
            message: /Thangs__r is not a child relationship of Account/
        },
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<componentInstanceProperties>'),
            message: /thingPanel declares no property rowLimit/
        },
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<componentInstance>'),
            message: /thingPanel is not configured for Account record pages/
        }
    ]);
});

test('Lightning pages: an unknown object, a missing component, an unexposed component without the target', () => {
    const files = fixtureEdited(PATHS.lwcMeta, '<isExposed>true</isExposed>', '<isExposed>false</isExposed>');
    files[PATHS.lwcMeta] = files[PATHS.lwcMeta]!.replace(
        '<target>lightning__RecordPage</target>',
        '<target>lightning__AppPage</target>'
    );
    const other = `${DEFAULT}/flexipages/Gizmo_Page.flexipage-meta.xml`;
    files[other] = xml(
        'FlexiPage',
        `    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentName>c:gizmoPanel</componentName>
            </componentInstance>
        </itemInstances>
        <name>main</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Gizmo</masterLabel>
    <sobjectType>Gizmo__c</sobjectType>
    <type>RecordPage</type>`
    );
    const at = lineOf(files[PATHS.flexipage], '<componentInstance>');
    assertProblems(check(files, [flexipages]), [
        { file: PATHS.flexipage, line: at, message: /thingPanel is not exposed/ },
        { file: PATHS.flexipage, line: at, message: /thingPanel does not list target lightning__RecordPage/ },
        { file: other, line: lineOf(files[other], '<sobjectType>'), message: /sobjectType Gizmo__c does not exist/ },
        {
            file: other,
            line: lineOf(files[other], '<componentInstance>'),
            message: /component c:gizmoPanel does not exist/
        }
    ]);
});

test('tabs and apps: object tab for a missing object, missing motif, app listing a missing tab', () => {
    const files = fixtureEdited(PATHS.tab, /\s*<motif>.*<\/motif>/, '');
    files[`${DEFAULT}/tabs/Gizmo__c.tab-meta.xml`] = xml(
        'CustomTab',
        '    <customObject>true</customObject>\n    <motif>Custom1: Heart</motif>'
    );
    files[PATHS.app] = files[PATHS.app]!.replace(
        '<tabs>Thing__c</tabs>',
        '<tabs>Thing__c</tabs>\n    <tabs>Widget__c</tabs>'
    );
    assertProblems(check(files, [appsAndTabs]), [
        { file: PATHS.tab, line: 2, message: /object tab Thing__c needs a motif/ },
        { file: `${DEFAULT}/tabs/Gizmo__c.tab-meta.xml`, line: 2, message: /custom object Gizmo__c does not exist/ },
        {
            file: PATHS.app,
            line: lineOf(files[PATHS.app], 'Widget__c'),
            message: /app lists tab Widget__c, which does not exist/
        }
    ]);
});

test('Lightning pages: property values of the wrong type or out of range, missing facets, duplicate identifiers', () => {
    const files = fixtureEdited(
        PATHS.lwcMeta,
        'type="Integer" default="5"',
        'type="Integer" default="5" min="1" max="10"'
    );
    files[PATHS.flexipage] = files[PATHS.flexipage]!.replace('<value>5</value>', '<value>50</value>')
        .replace('<identifier>things</identifier>', '<identifier>c_thingPanel</identifier>')
        .replace(
            '</flexiPageRegions>',
            `</flexiPageRegions>
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>tabs</name>
                    <value>missingTabs</value>
                </componentInstanceProperties>
                <componentName>flexipage:tabset</componentName>
                <identifier>tabset</identifier>
            </componentInstance>
        </itemInstances>
        <name>sidebar</name>
        <type>Region</type>
    </flexiPageRegions>`
        );
    const text = files[PATHS.flexipage];
    assertProblems(check(files, [flexipages]), [
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<componentInstanceProperties>'),
            message: /maxRows 50 is outside 1\.\.10/
        },
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<identifier>c_thingPanel', 2),
            message: /identifier c_thingPanel is used twice/
        },
        {
            file: PATHS.flexipage,
            line: lineOf(text, '<name>tabs</name>') - 1,
            message: /flexipage:tabset tabs names facet missingTabs/
        }
    ]);
});

test('component configuration: unlisted target, unsupported type, bad defaults, objects on an app page, form factor', () => {
    const files = fixtureEdited(
        PATHS.lwcMeta,
        '<property name="maxRows" type="Integer" default="5" />',
        `<property name="maxRows" type="Integer" default="five" />
            <property name="show" type="Boolean" default="yes" />
            <property name="when" type="Date" />
            <property name="title" type="String" min="1" />
            <supportedFormFactors>
                <supportedFormFactor type="Medium" />
            </supportedFormFactors>`
    );
    files[PATHS.lwcMeta] = files[PATHS.lwcMeta]!.replace(
        '</targetConfigs>',
        '    <targetConfig targets="lightning__AppPage">\n            <objects>\n                <object>Account</object>\n            </objects>\n        </targetConfig>\n    </targetConfigs>'
    );
    const text = files[PATHS.lwcMeta];
    assertProblems(check(files, [lwcBundles]), [
        { file: PATHS.lwcMeta, line: lineOf(text, 'default="five"'), message: /default five is not a whole number/ },
        { file: PATHS.lwcMeta, line: lineOf(text, 'default="yes"'), message: /default yes is not true or false/ },
        { file: PATHS.lwcMeta, line: lineOf(text, 'type="Date"'), message: /Lightning pages do not support type Date/ },
        { file: PATHS.lwcMeta, line: lineOf(text, 'min="1"'), message: /min and max apply to Integer only/ },
        { file: PATHS.lwcMeta, line: lineOf(text, 'type="Medium"'), message: /Medium is not Large or Small/ },
        {
            file: PATHS.lwcMeta,
            line: lineOf(text, 'targets="lightning__AppPage"'),
            message: /configures lightning__AppPage, which <targets> does not list/
        },
        { file: PATHS.lwcMeta, line: lineOf(text, '<objects>', 2), message: /objects can limit only record page/ }
    ]);
});
