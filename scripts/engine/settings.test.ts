import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    DEFAULT_SETTINGS,
    resolveSettings,
    type Settings
} from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';

const RECORD = join(
    __dirname,
    '..',
    '..',
    'force-app',
    'main',
    'default',
    'customMetadata',
    'Cross_Sell_Setting.Default.md-meta.xml'
);

/** `Peer_Adoption_Weight__c` -> `peerAdoptionWeight`. */
function settingKey(field: string): string {
    const words = field.replace(/__c$/, '').split('_');
    return words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0] + word.slice(1).toLowerCase())).join('');
}

function readDefaultRecord(): Map<string, string> {
    const xml = readFileSync(RECORD, 'utf8');
    const values = new Map<string, string>();
    for (const match of xml.matchAll(
        /<values>\s*<field>([^<]+)<\/field>\s*<value[^>]*>([^<]*)<\/value>\s*<\/values>/g
    )) {
        values.set(settingKey(match[1]), match[2]);
    }
    return values;
}

describe('default settings', () => {
    it('equal the Default custom metadata record, field by field', () => {
        const record = readDefaultRecord();
        for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
            assert.ok(record.has(key), `the Default record has no field for ${key}`);
            const expected = DEFAULT_SETTINGS[key];
            const actual = record.get(key)!;
            if (Array.isArray(expected)) assert.deepEqual(actual.split(';'), expected, key);
            else assert.equal(Number(actual), expected, key);
        }
    });

    it('are frozen so no caller can change them for everyone', () => {
        assert.ok(Object.isFrozen(DEFAULT_SETTINGS));
        assert.ok(Object.isFrozen(DEFAULT_SETTINGS.soldSources));
    });
});

describe('resolveSettings', () => {
    it('returns the defaults for no record at all', () => {
        assert.deepEqual(resolveSettings(null), DEFAULT_SETTINGS);
        assert.deepEqual(resolveSettings(undefined), DEFAULT_SETTINGS);
        assert.deepEqual(resolveSettings({}), DEFAULT_SETTINGS);
    });

    it('keeps valid values and replaces blank, negative or malformed ones', () => {
        const resolved = resolveSettings({
            peerAdoptionWeight: 0.9,
            industryFitWeight: -1,
            dealSizeWeight: Number.NaN,
            ratingWeight: 0,
            winRateWeight: null as unknown as number,
            complexTieMultiplier: 0.5,
            lookbackDays: 365.7,
            suppressionDays: 0,
            maxOfferingsShown: 0,
            maxSpecialistsPerOffering: 5,
            soldSources: ['Asset', 'Bogus' as 'Asset']
        });
        assert.equal(resolved.peerAdoptionWeight, 0.9);
        assert.equal(resolved.industryFitWeight, 0.2);
        assert.equal(resolved.dealSizeWeight, 0.15);
        assert.equal(resolved.ratingWeight, 0);
        assert.equal(resolved.winRateWeight, 0.25);
        assert.equal(resolved.complexTieMultiplier, 2);
        assert.equal(resolved.lookbackDays, 365);
        assert.equal(resolved.suppressionDays, 0);
        assert.equal(resolved.maxOfferingsShown, 10);
        assert.equal(resolved.maxSpecialistsPerOffering, 5);
        assert.deepEqual(resolved.soldSources, ['Asset']);
    });

    it('falls back to both sources when none given is known', () => {
        assert.deepEqual(resolveSettings({ soldSources: [] }).soldSources, ['Asset', 'LineItem']);
        assert.deepEqual(resolveSettings({ soldSources: ['x' as 'Asset'] }).soldSources, ['Asset', 'LineItem']);
    });

    it('never shares its lists with the defaults', () => {
        const resolved = resolveSettings(null);
        resolved.soldSources.pop();
        assert.deepEqual(DEFAULT_SETTINGS.soldSources, ['Asset', 'LineItem']);
    });
});
