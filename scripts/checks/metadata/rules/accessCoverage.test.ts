import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblems, check, DEFAULT, lineOf, xml } from '../testing';
import { fixtureEdited, fixtureWith, PATHS } from '../fixtureProject';
import { accessCoverage } from './accessCoverage';

test('objects, tabs, apps, component-facing classes and settings types no permission set grants are reported', () => {
    const files = fixtureEdited(PATHS.permissionSet, /\s*<classAccesses>[\s\S]*?<\/classAccesses>/, '');
    files[PATHS.permissionSet] = files[PATHS.permissionSet]!.replace(
        /\s*<customMetadataTypeAccesses>[\s\S]*?<\/customMetadataTypeAccesses>/,
        ''
    )
        .replace('<visibility>Visible</visibility>', '<visibility>None</visibility>')
        .replace('<visible>true</visible>', '<visible>false</visible>')
        .replace(
            /<allowRead>true<\/allowRead>(\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>Part__c)/,
            '<allowRead>false</allowRead>$1'
        );
    const mdt = `${DEFAULT}/objects/Thing_Setting__mdt/Thing_Setting__mdt.object-meta.xml`;
    assertProblems(check(files, [accessCoverage]), [
        { file: PATHS.partObject, line: 2, message: /no permission set grants Read on Part__c/ },
        { file: mdt, line: 2, message: /custom metadata type Thing_Setting__mdt/ },
        { file: PATHS.tab, line: 2, message: /no permission set makes tab Thing__c visible/ },
        { file: PATHS.app, line: 2, message: /no permission set makes app Things visible/ },
        {
            file: PATHS.apexClass,
            line: lineOf(files[PATHS.apexClass], '@AuraEnabled'),
            message: /ThingsSelector has @AuraEnabled methods/
        }
    ]);
});

test('wrapper classes with @AuraEnabled properties only need no class access', () => {
    const files = fixtureWith({
        [`${DEFAULT}/classes/ThingView.cls`]:
            'public with sharing class ThingView {\n    @AuraEnabled\n    public String name;\n    @AuraEnabled public Integer size { get; set; }\n}\n',
        [`${DEFAULT}/classes/ThingView.cls-meta.xml`]: xml('ApexClass', '<apiVersion>65.0</apiVersion>')
    });
    assert.deepEqual(check(files, [accessCoverage]), []);
});
