/**
 * The summary objects keep their promises in the metadata: reps read them and nobody but the job and the
 * trigger (system mode) writes them; the size bands the Apex computes are the values of the Size_Band__c
 * picklist; and the job counts sources far enough for the threshold the settings ship with.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DIR, readMetadataFacts } from './scaleModel';
import { readApexClass } from './scaleSoql';

const OBJECTS = ['Offering_Adoption_Summary__c', 'Specialist_Offering_Stat__c'];
const PERMISSION_SETS = ['Crossway_User', 'Crossway_Manager', 'Crossway_Admin'];

const read = (...parts: string[]): string => readFileSync(join(DEFAULT_DIR, ...parts), 'utf8');
const element = (xml: string, tag: string): string[] =>
    [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const flag = (block: string, tag: string): boolean => new RegExp(`<${tag}>true</${tag}>`).test(block);

describe('summary objects: readable by reps, written only by the job and the trigger', () => {
    for (const object of OBJECTS) {
        it(`${object} is Public Read Only`, () => {
            const xml = read('objects', object, `${object}.object-meta.xml`);
            assert.deepEqual(element(xml, 'sharingModel'), ['Read']);
        });

        const fields = readdirSync(join(DEFAULT_DIR, 'objects', object, 'fields')).map(
            (f) => `${object}.${f.replace('.field-meta.xml', '')}`
        );

        for (const name of PERMISSION_SETS) {
            it(`${name} reads ${object} and every field of it, and writes nothing`, () => {
                const xml = read('permissionsets', `${name}.permissionset-meta.xml`);
                const objectGrant = element(xml, 'objectPermissions').find((b) =>
                    b.includes(`<object>${object}</object>`)
                );
                assert.ok(objectGrant, 'object permission present');
                assert.ok(flag(objectGrant, 'allowRead'), 'read');
                for (const write of ['allowCreate', 'allowEdit', 'allowDelete', 'modifyAllRecords']) {
                    assert.ok(!flag(objectGrant, write), `no ${write}`);
                }
                const fieldGrants = element(xml, 'fieldPermissions').filter((b) => b.includes(`<field>${object}.`));
                const granted = fieldGrants.map((b) => element(b, 'field')[0]!).sort();
                assert.deepEqual(granted, [...fields].sort(), 'every field granted');
                for (const grant of fieldGrants) {
                    assert.ok(flag(grant, 'readable'), `${element(grant, 'field')[0]} readable`);
                    assert.ok(!flag(grant, 'editable'), `${element(grant, 'field')[0]} not editable`);
                }
            });
        }
    }

    it('writes summaries only from classes that say why they run without sharing', () => {
        const classesDir = join(DEFAULT_DIR, 'classes');
        const writers = readdirSync(classesDir)
            .filter((f) => f.endsWith('.cls') && !f.endsWith('Test.cls') && f !== 'StatsTestData.cls')
            .filter((f) => {
                const source = readFileSync(join(classesDir, f), 'utf8');
                return (
                    /Database\.(upsert|update|delete|insert)\(/.test(source) &&
                    /Offering_Adoption_Summary__c|Specialist_Offering_Stat__c/.test(source)
                );
            })
            .sort();
        assert.deepEqual(writers, [
            'CrossSellStatsBatch.cls',
            'SpecialistStatsMaintainer.cls',
            'SummaryWriteBatch.cls'
        ]);
        for (const writer of writers) {
            const source = readFileSync(join(classesDir, writer), 'utf8');
            assert.match(source, /public without sharing class/, `${writer} runs in system mode`);
            assert.match(source, /without sharing` (and writes in system mode )?on purpose/, `${writer} says why`);
        }
    });
});

describe('size bands and counts', () => {
    const batch = readApexClass('CrossSellStatsBatch', read('classes', 'CrossSellStatsBatch.cls'));
    const sizeBand = batch.methods.find((m) => m.name === 'sizeBand');

    it('computes exactly the values of the Size_Band__c picklist', () => {
        assert.ok(sizeBand, 'CrossSellStatsBatch.sizeBand');
        const source = read('classes', 'CrossSellStatsBatch.cls');
        const unknown = /BAND_UNKNOWN\s*=\s*'([^']+)'/.exec(source)![1]!;
        const bodyStart = source.indexOf('public static String sizeBand(');
        const body = source.slice(bodyStart, source.indexOf('\n    }\n', bodyStart));
        const returned = new Set([unknown, ...[...body.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!)]);
        const picklist = read('objects', 'Offering_Adoption_Summary__c', 'fields', 'Size_Band__c.field-meta.xml');
        const values = new Set([...picklist.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]!));
        assert.deepEqual([...returned].sort(), [...values].sort());
    });

    it('counts sources beyond the threshold the settings ship with', () => {
        const cap = batch.constants.get('SOURCE_COUNT_CAP');
        assert.ok(cap !== undefined && cap > readMetadataFacts().liveAggregateThreshold);
    });
});
