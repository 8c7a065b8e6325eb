/**
 * Scenario tests on the sample data set: named accounts and reps, their top offerings, specialists and
 * reasons, exactly as the panel would rank them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPanelData, generateSampleData, STORY } from './generate';
import {
    indexPanel,
    rankPanel,
    rankSpecialists,
    REASON_ARITY,
    REASON_KEYS,
    type KnownReasonKey,
    type RankedOffering,
    type Reason
} from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';

const set = generateSampleData();

function daysBefore(days: number): string {
    return new Date(Date.parse(`${set.asOf}T00:00:00Z`) - days * 86400000).toISOString().slice(0, 10);
}

function find(reasons: Reason[], key: KnownReasonKey): Reason | undefined {
    return reasons.find((reason) => reason.key === key);
}

function byName(ranking: { offerings: RankedOffering[] }, name: string): RankedOffering | undefined {
    return ranking.offerings.find((ranked) => ranked.offering.name === name);
}

describe('Harbor Bank (Banking) as rep.alex', () => {
    const data = buildPanelData(set, STORY.harborBank, STORY.alex);
    const ranking = rankPanel(data, { showAll: true });
    const top = ranking.offerings[0];

    it('suggests Treasury Services first because banks like it buy it and it targets banking', () => {
        assert.equal(top.offering.name, 'Treasury Services');
        const peer = data.peerAdoption.find((p) => p.offeringId === STORY.treasury)!;
        assert.deepEqual(find(top.reasons, 'Crossway_Reason_PeerAdoption')!.values, [
            peer.buyers,
            peer.segmentSize,
            'Banking',
            'Treasury Services'
        ]);
        assert.ok(peer.buyers >= 10, `${peer.buyers} banks buy Treasury Services`);
        assert.deepEqual(find(top.reasons, 'Crossway_Reason_IndustryFit')!.values, ['Banking']);
        assert.deepEqual(find(top.reasons, 'Crossway_Reason_DealSize')!.values, ['240k']);
        assert.ok(top.score - ranking.offerings[1].score > 0.03, 'a clear lead');
        // rep.alex has worked Treasury Services with Dana: not new to him.
        assert.equal(top.newToRep, false);
        assert.deepEqual(find(top.reasons, 'Crossway_Reason_RepExperience')!.values, [3, 2]);
    });

    it('leaves out what Harbor Bank buys, is working on, or dismissed recently', () => {
        const causes = Object.fromEntries(
            ranking.excluded.map((e) => [data.offerings.find((o) => o.id === e.offeringId)!.name, [e.cause, e.until]])
        );
        assert.deepEqual(causes, {
            'Cash Management': ['Held', null],
            'Identity & Access': ['Held', null],
            'Managed Detection & Response': ['Held', null],
            'Data Platform': ['InProgress', null],
            'Fraud Analytics': ['Suppressed', daysBefore(40 - 180)]
        });
        for (const name of Object.keys(causes)) assert.equal(byName(ranking, name), undefined);
        // An asset bought 900 days ago is outside the 730-day lookback: suggested again.
        assert.ok(byName(ranking, 'Backup & Recovery'));
    });

    it('explains the older dismissal and the recent loss, and ranks them lower for it', () => {
        const dismissed = byName(ranking, 'Customer 360 Analytics')!;
        assert.deepEqual(dismissed.reasons[0], { key: 'Crossway_Reason_DismissedBefore', values: [300, 'Not a fit'] });
        const lost = byName(ranking, 'Cloud Migration')!;
        assert.deepEqual(lost.reasons[0], { key: 'Crossway_Reason_LostBefore', values: [60, 'Price'] });
        assert.ok(lost.parts.find((p) => p.key === 'pastAttempt')!.points < 0);
        // Without the loss, Cloud Migration (a banking target with the largest deal) would rank near the top.
        const unpenalized = lost.score - lost.parts.find((p) => p.key === 'pastAttempt')!.points;
        assert.ok(unpenalized > ranking.offerings[4].score);
        assert.ok(lost.rank > 5);
    });

    it('suggests Dana first for the complex Treasury Services: shared history with alex counts double', () => {
        const names = top.specialists.map((s) => s.specialist.name);
        assert.deepEqual(names, ['Dana Whitfield', 'Priya Raman', 'Leo Novak']);
        const [dana, priya, leo] = top.specialists;
        assert.deepEqual(find(dana.reasons, 'Crossway_Reason_SharedAttempts')!.values, [3, 2]);
        assert.deepEqual(find(dana.reasons, 'Crossway_Reason_Connections')!.values, [3]);
        assert.deepEqual(find(dana.reasons, 'Crossway_Reason_ComplexTies')!.values, ['Treasury Services', 2]);
        assert.equal(dana.parts.find((p) => p.key === 'sharedHistory')!.weight, 0.4);
        assert.deepEqual(find(priya.reasons, 'Crossway_Reason_WinRecord')!.values, [30, 50]);
        assert.deepEqual(find(priya.reasons, 'Crossway_Reason_Rating')!.values, [4.5, 20]);
        assert.deepEqual(find(priya.reasons, 'Crossway_Reason_KnowsAccount')!.values, ['Harbor Bank']);
        // Leo's 1 win of 1 does not beat Priya's 30 of 50.
        assert.deepEqual(find(leo.reasons, 'Crossway_Reason_WinRecord')!.values, [1, 1]);
        assert.ok(
            leo.parts.find((p) => p.key === 'winRate')!.value < priya.parts.find((p) => p.key === 'winRate')!.value
        );
        assert.ok(find(leo.reasons, 'Crossway_Reason_NoUser'));
    });

    it('ranks Marco (at capacity) and Ines (inactive) last, unavailable, with the reason first', () => {
        const all = rankSpecialists(data, top.offering);
        const tail = all.slice(-2).map((s) => [s.specialist.name, s.available, s.reasons[0]]);
        assert.deepEqual(tail, [
            ['Marco Silva', false, { key: 'Crossway_Reason_AtCapacity', values: [2, 2] }],
            ['Ines Castro', false, { key: 'Crossway_Reason_Inactive', values: [] }]
        ]);
        assert.ok(all.slice(0, -2).every((s) => s.available));
    });

    it('would put Priya first if Treasury Services were a simple offering', () => {
        const simple = { ...top.offering, complexity: 'Low' as const };
        assert.equal(rankSpecialists(data, simple)[0].specialist.name, 'Priya Raman');
    });
});

describe('Harbor Bank as rep.jamie (new, narrow portfolio)', () => {
    const data = buildPanelData(set, STORY.harborBank, STORY.jamie);
    const ranking = rankPanel(data);
    const treasury = byName(ranking, 'Treasury Services')!;

    it('ranks offerings the same for every rep, but marks Treasury Services new to Jamie and names who sold it most', () => {
        const alex = rankPanel(buildPanelData(set, STORY.harborBank, STORY.alex));
        assert.deepEqual(
            ranking.offerings.map((r) => r.offering.id),
            alex.offerings.map((r) => r.offering.id)
        );
        assert.equal(treasury.rank, 1);
        assert.equal(treasury.newToRep, true);
        assert.deepEqual(treasury.topSellers[0], {
            offeringId: STORY.treasury,
            name: 'Priya Raman',
            specialistId: STORY.priya,
            wins: 30
        });
        assert.deepEqual(find(treasury.reasons, 'Crossway_Reason_NewToYou'), {
            key: 'Crossway_Reason_NewToYou',
            values: []
        });
        assert.deepEqual(find(treasury.reasons, 'Crossway_Reason_TopSeller')!.values, ['Priya Raman', 30]);
        assert.ok(ranking.offerings.filter((r) => r.newToRep).length > alex.offerings.filter((r) => r.newToRep).length);
    });

    it('suggests Priya first: Jamie has no shared history, so the track record decides', () => {
        assert.deepEqual(
            treasury.specialists.map((s) => s.specialist.name),
            ['Priya Raman', 'Dana Whitfield', 'Leo Novak']
        );
        assert.equal(find(treasury.specialists[1].reasons, 'Crossway_Reason_SharedAttempts'), undefined);
    });
});

describe('Bluewater Trading (no industry) as rep.taylor', () => {
    const data = buildPanelData(set, STORY.bluewater, 'rep.taylor');
    const ranking = rankPanel(data, { showAll: true });

    it('measures adoption across all accounts and claims no industry fit', () => {
        assert.equal(data.account.industry, null);
        assert.ok(ranking.offerings.length > 20);
        for (const ranked of ranking.offerings) {
            assert.equal(find(ranked.reasons, 'Crossway_Reason_IndustryFit'), undefined);
            assert.equal(find(ranked.reasons, 'Crossway_Reason_PeerAdoption'), undefined);
        }
        const firmWide = find(ranking.offerings[0].reasons, 'Crossway_Reason_PeerAdoptionFirmWide')!;
        assert.equal(firmWide.values[1], set.accounts.length);
        assert.equal(firmWide.values[2], ranking.offerings[0].offering.name);
    });
});

describe('the whole sample data set', () => {
    it('gives every kind of reason somewhere, each with as many values as its label has placeholders', () => {
        const seen = new Map<string, number>();
        const reps = ['rep.jamie'];
        for (const account of set.accounts) {
            for (const rep of new Set([account.ownerKey, ...reps])) {
                const data = buildPanelData(set, account.External_Id__c, rep);
                const ranking = rankPanel(data, { showAll: true });
                const index = indexPanel(data);
                for (const ranked of ranking.offerings) {
                    const specialists = rankSpecialists(data, ranked.offering, index);
                    for (const reason of [...ranked.reasons, ...specialists.flatMap((s) => s.reasons)]) {
                        seen.set(reason.key, (seen.get(reason.key) ?? 0) + 1);
                        assert.equal(reason.values.length, REASON_ARITY[reason.key as KnownReasonKey], reason.key);
                    }
                }
            }
        }
        const missing = REASON_KEYS.filter((key) => !seen.has(key));
        assert.deepEqual(missing, []);
    });

    it('shows meaningful differences: accounts of different industries get different top offerings', () => {
        const tops = new Map<string, Set<string>>();
        for (const account of set.accounts) {
            if (!account.Industry) continue;
            const top = rankPanel(buildPanelData(set, account.External_Id__c, account.ownerKey)).offerings[0];
            let names = tops.get(account.Industry);
            if (!names) {
                names = new Set();
                tops.set(account.Industry, names);
            }
            names.add(top.offering.name);
            assert.ok(top.offering.targetIndustries.includes(account.Industry) || top.score > 0, account.Name);
        }
        const distinct = new Set([...tops.values()].flatMap((names) => [...names]));
        assert.ok(distinct.size >= 10, `only ${distinct.size} distinct top offerings`);
        assert.notDeepEqual([...tops.get('Banking')!], [...tops.get('Healthcare')!]);
    });
});
