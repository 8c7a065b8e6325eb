import { test } from 'node:test';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureEdited, PATHS } from '../fixtureProject';
import { appsAndTabs } from './appsAndTabs';
import { flexipages } from './flexipages';

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
