import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblems, check, DEFAULT, xml } from '../testing';
import { fixtureWith, PATHS } from '../fixtureProject';
import { metaFiles } from './metaFiles';
import { apiVersion } from './apiVersion';
import { metadataShape } from './metadataShape';

test('a class, a trigger and an LWC bundle without their -meta.xml are reported', () => {
    const problems = check(
        fixtureWith({
            [`${PATHS.apexClass}-meta.xml`]: undefined,
            [`${PATHS.trigger}-meta.xml`]: undefined,
            [PATHS.lwcMeta]: undefined
        }),
        [metaFiles]
    );
    assertProblems(problems, [
        {
            file: PATHS.apexClass,
            line: 1,
            message: /Apex class ThingsSelector\.cls has no ThingsSelector\.cls-meta\.xml/
        },
        { file: PATHS.trigger, line: 1, message: /Apex trigger ThingTrigger\.trigger has no/ },
        {
            file: `${DEFAULT}/lwc/thingPanel/thingPanel.html`,
            line: 1,
            message: /thingPanel has no thingPanel\.js-meta\.xml/
        }
    ]);
});

test('an LWC bundle with neither .js nor .ts, and an orphan -meta.xml, are reported', () => {
    const problems = check(
        fixtureWith({
            [`${DEFAULT}/lwc/thingPanel/thingPanel.ts`]: undefined,
            [`${DEFAULT}/classes/Gone.cls-meta.xml`]: xml('ApexClass', '<apiVersion>65.0</apiVersion>')
        }),
        [metaFiles]
    );
    assertProblems(problems, [
        {
            file: `${DEFAULT}/lwc/thingPanel/thingPanel.html`,
            line: 1,
            message: /no thingPanel\.js \(or thingPanel\.ts\)/
        },
        { file: `${DEFAULT}/classes/Gone.cls-meta.xml`, line: 1, message: /has no Gone\.cls beside it/ }
    ]);
});

test('a compiled .js counts as the bundle source, and __tests__ is not a bundle', () => {
    const problems = check(
        fixtureWith({
            [`${DEFAULT}/lwc/thingPanel/thingPanel.ts`]: undefined,
            [`${DEFAULT}/lwc/thingPanel/thingPanel.js`]: 'export default class ThingPanel {}\n'
        }),
        [metaFiles]
    );
    assert.deepEqual(problems, []);
});

test('an apiVersion other than sourceApiVersion, and a class meta without one, are reported at their line', () => {
    const problems = check(
        fixtureWith({
            [`${PATHS.apexClass}-meta.xml`]: xml('ApexClass', '    <status>Active</status>'),
            [PATHS.lwcMeta]: xml(
                'LightningComponentBundle',
                '    <apiVersion>64.0</apiVersion>\n    <isExposed>false</isExposed>'
            )
        }),
        [apiVersion]
    );
    assertProblems(problems, [
        { file: `${PATHS.apexClass}-meta.xml`, line: 2, message: /has no apiVersion \(expected 65\.0\)/ },
        { file: PATHS.lwcMeta, line: 3, message: /apiVersion 64\.0 differs from sourceApiVersion 65\.0/ }
    ]);
});

test('a wrong root element, a missing namespace, a misplaced field and a fullName mismatch are reported', () => {
    const problems = check(
        fixtureWith({
            [PATHS.tab]: '<?xml version="1.0"?>\n<CustomTab>\n<customObject>true</customObject>\n</CustomTab>\n',
            [PATHS.labels]: xml('CustomLabel', ''),
            [`${DEFAULT}/objects/Thing__c/Extra__c.field-meta.xml`]: xml(
                'CustomField',
                '<fullName>Extra__c</fullName>'
            ),
            [`${DEFAULT}/objects/Thing__c/fields/Other__c.field-meta.xml`]: xml(
                'CustomField',
                '<fullName>Another__c</fullName>'
            )
        }),
        [metadataShape]
    );
    assertProblems(problems, [
        { file: PATHS.tab, line: 2, message: /must declare xmlns/ },
        { file: PATHS.labels, line: 2, message: /must have root element CustomLabels, not CustomLabel/ },
        {
            file: `${DEFAULT}/objects/Thing__c/Extra__c.field-meta.xml`,
            line: 2,
            message: /must be in objects\/<Object>\/fields\//
        },
        {
            file: `${DEFAULT}/objects/Thing__c/fields/Other__c.field-meta.xml`,
            line: 2,
            message: /fullName Another__c differs/
        }
    ]);
});
