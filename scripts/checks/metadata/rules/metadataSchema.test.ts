import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblems, check, lineOf } from '../testing';
import { fixtureEdited, PATHS } from '../fixtureProject';
import { metadataSchema } from '../core/metadataSchema';
import { metadataSchemaRule } from './metadataSchema';

test('the Metadata API schema is installed and knows the types the project uses', () => {
    const schema = metadataSchema();
    assert.ok(schema, 'jsforce ships the Metadata API WSDL');
    assert.deepEqual(
        schema
            .elements('CustomField')
            ?.slice(0, 1)
            .map((e) => e.name),
        ['fullName']
    );
    assert.ok(schema.values('SharingModel')?.has('ControlledByParent'));
});

test('unknown elements, elements out of schema order and invalid enumeration values are reported', () => {
    const files = fixtureEdited(PATHS.status, '<label>Status</label>', '<lable>Status</lable>');
    files[PATHS.thingObject] = files[PATHS.thingObject]!.replace(
        '<sharingModel>ReadWrite</sharingModel>',
        '<sharingModel>Readwrite</sharingModel>'
    ).replace(
        '    <compactLayoutAssignment>Thing_Compact</compactLayoutAssignment>\n    <deploymentStatus>Deployed</deploymentStatus>',
        '    <deploymentStatus>Deployed</deploymentStatus>\n    <compactLayoutAssignment>Thing_Compact</compactLayoutAssignment>'
    );
    files[PATHS.permissionSet] = files[PATHS.permissionSet]!.replace(
        '<visibility>Visible</visibility>',
        '<visibility>Shown</visibility>'
    );
    assertProblems(check(files, [metadataSchemaRule]), [
        {
            file: PATHS.status,
            line: lineOf(files[PATHS.status], '<lable>'),
            message: /<lable> is not an element of CustomField/
        },
        {
            file: PATHS.thingObject,
            line: lineOf(files[PATHS.thingObject], '<compactLayoutAssignment>'),
            message: /<compactLayoutAssignment> must come before <deploymentStatus> in CustomObject/
        },
        {
            file: PATHS.thingObject,
            line: lineOf(files[PATHS.thingObject], '<sharingModel>'),
            message: /<sharingModel> Readwrite is not a SharingModel value/
        },
        {
            file: PATHS.permissionSet,
            line: lineOf(files[PATHS.permissionSet], '<visibility>'),
            message: /<visibility> Shown is not a PermissionSetTabVisibility value \(None, Available, Visible\)/
        }
    ]);
});

test('component configuration files are not held to schema order', () => {
    const files = fixtureEdited(
        PATHS.lwcMeta,
        '<apiVersion>65.0</apiVersion>\n    <isExposed>true</isExposed>',
        '<isExposed>true</isExposed>\n    <apiVersion>65.0</apiVersion>'
    );
    assert.deepEqual(check(files, [metadataSchemaRule]), []);
});
