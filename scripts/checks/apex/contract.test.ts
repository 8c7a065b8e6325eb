/**
 * The data contract: the Apex wrapper `CrossSellPanelData` carries exactly the fields of `PanelData` in
 * lwc/crossSellEngine/contract.ts, with matching types and nullability (see contractCheck.ts for the rule).
 * The negative cases mutate the real sources, so they prove the check would catch each mistake today.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORCE_APP, type ApexFile } from './apexSource';
import { compareContract, readContract } from './contractCheck';
import { DEFAULT_SETTINGS } from '../../../force-app/main/default/lwc/crossSellEngine/defaults';

const CONTRACT_PATH = join(FORCE_APP, 'lwc', 'crossSellEngine', 'contract.ts');
const WRAPPER_PATH = join('force-app', 'main', 'default', 'classes', 'CrossSellPanelData.cls');
const contract = readFileSync(CONTRACT_PATH, 'utf8');
const wrapper: ApexFile = {
    path: WRAPPER_PATH,
    kind: 'class',
    source: readFileSync(join(FORCE_APP, 'classes', 'CrossSellPanelData.cls'), 'utf8')
};

function mutate(find: string | RegExp, replace: string): ApexFile {
    const source = wrapper.source.replace(find, replace);
    assert.notEqual(source, wrapper.source, `mutation ${String(find)} applies`);
    return { ...wrapper, source };
}

describe('data contract: PanelData <-> CrossSellPanelData', () => {
    it('reads the contract interfaces', () => {
        const interfaces = readContract(contract);
        assert.ok(interfaces.get('PanelData')?.some((f) => f.name === 'specialists'));
        const holding = interfaces.get('Holding');
        assert.deepEqual(
            holding?.find((f) => f.name === 'purchaseDate'),
            { name: 'purchaseDate', shape: { kind: 'string' }, nullable: true }
        );
    });

    it('the Apex wrapper matches the contract exactly', () => {
        assert.deepEqual(compareContract(contract, wrapper), []);
    });

    it('fails on a renamed Apex field', () => {
        const problems = compareContract(contract, mutate('public Date purchaseDate;', 'public Date purchasedOn;'));
        assert.ok(
            problems.some((p) => p.startsWith('Holding.purchaseDate: missing in Apex')),
            problems.join('\n')
        );
        assert.ok(
            problems.some((p) => p.includes('Holding.purchasedOn: not in the contract')),
            problems.join('\n')
        );
    });

    it('fails on a field spelt with different case (JSON keys are case-sensitive)', () => {
        const problems = compareContract(
            contract,
            mutate('public Integer openIntros = 0;', 'public Integer openintros = 0;')
        );
        assert.ok(
            problems.some((p) => p.includes('spells it "openintros"')),
            problems.join('\n')
        );
    });

    it('fails on a wrong type', () => {
        const problems = compareContract(
            contract,
            mutate('public Integer segmentSize = 0;', "public String segmentSize = '';")
        );
        assert.ok(
            problems.some((p) => p.startsWith('PeerAdoption.segmentSize: contract type number')),
            problems.join('\n')
        );
    });

    it('fails when a never-null number may be null, or a nullable field does not say so', () => {
        // The first `wins` of the wrapper is SpecialistOfferingStats.wins.
        const noDefault = compareContract(contract, mutate('public Integer wins = 0;', 'public Integer wins;'));
        assert.ok(
            noDefault.some((p) => p.startsWith('SpecialistOfferingStats.wins: never null')),
            noDefault.join('\n')
        );
        const silent = compareContract(contract, mutate('Account.Industry; null when not set.', 'Account.Industry.'));
        assert.ok(
            silent.some((p) => p.startsWith('AccountFacts.industry: may be null')),
            silent.join('\n')
        );
    });

    it('fails on a missing inner class and on a field the contract lacks', () => {
        const problems = compareContract(
            contract,
            mutate('public with sharing class RunningUser {', 'public with sharing class CurrentUser {')
        );
        assert.ok(
            problems.some((p) => p.startsWith('RunningUser: no inner class')),
            problems.join('\n')
        );
    });

    it('rejects a contract field that Apex cannot declare', () => {
        const bad = contract.replace('purchaseDate: string | null;', 'date: string | null;');
        assert.notEqual(bad, contract);
        const problems = compareContract(bad, wrapper);
        assert.ok(
            problems.some((p) => p.includes('"date" is a reserved word in Apex')),
            problems.join('\n')
        );
    });
});

describe('settings defaults: CrossSellSettings <-> DEFAULT_SETTINGS', () => {
    const settingsSource = readFileSync(join(FORCE_APP, 'classes', 'CrossSellSettings.cls'), 'utf8');

    /** `settings.<field> = <helper>(record.<X__c>, <default>...)` -> field -> default. */
    function apexDefaults(source: string): Map<string, number> {
        const found = new Map<string, number>();
        const pattern = /settings\.(\w+)\s*=\s*(?:or|\w+Or)Default\(\s*record\.\w+__c\s*,\s*(-?[\d.]+)/g;
        for (const match of source.matchAll(pattern)) found.set(match[1], Number(match[2]));
        return found;
    }

    it('every number the server falls back to equals the engine default', () => {
        const defaults = apexDefaults(settingsSource);
        const numeric = Object.entries(DEFAULT_SETTINGS).filter(([, v]) => typeof v === 'number');
        assert.equal(defaults.size, numeric.length, `one Apex default per numeric setting: ${[...defaults.keys()]}`);
        for (const [name, value] of numeric) {
            assert.equal(defaults.get(name), value, `${name}: Apex default ${defaults.get(name)}, engine ${value}`);
        }
    });

    it('notices a drifted default', () => {
        const drifted = settingsSource.replace('record.Lookback_Days__c, 730', 'record.Lookback_Days__c, 365');
        assert.notEqual(drifted, settingsSource);
        assert.equal(apexDefaults(drifted).get('lookbackDays'), 365);
        assert.notEqual(apexDefaults(drifted).get('lookbackDays'), DEFAULT_SETTINGS.lookbackDays);
    });
});
