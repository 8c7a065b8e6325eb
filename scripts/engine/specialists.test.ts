import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
    rankPanel,
    rankSpecialists,
    smoothedRating,
    smoothedWinRate,
    tieMultiplier,
    DEFAULT_SETTINGS,
    type ExpertiseLevel,
    type PanelData,
    type SpecialistOfferingStats
} from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';
import { offering, panel, prng, randomPanel, specialist } from './panelFixture';

const OFFERING = offering('o1', { name: 'Treasury Services', complexity: 'Low' });

function expert(id: string, level: ExpertiseLevel = 'Expert') {
    return { specialistId: id, offeringId: 'o1', level };
}

function stats(
    id: string,
    wins: number,
    losses: number,
    rating: number | null = null,
    ratingCount = 0
): SpecialistOfferingStats {
    return { specialistId: id, offeringId: 'o1', wins, losses, averageRating: rating, ratingCount };
}

const names = (data: PanelData, target = OFFERING): string[] =>
    rankSpecialists(data, target).map((r) => r.specialist.id);
const keys = (reasons: { key: string }[]): string[] => reasons.map((r) => r.key);

describe('specialist ranking', () => {
    it('ranks by expertise level when nothing else differs', () => {
        const data = panel({
            offerings: [OFFERING],
            specialists: [specialist('p'), specialist('l'), specialist('e')],
            expertise: [expert('p', 'Practitioner'), expert('l', 'Lead'), expert('e', 'Expert')]
        });
        assert.deepEqual(names(data), ['l', 'e', 'p']);
        const [lead] = rankSpecialists(data, OFFERING);
        assert.equal(lead.level, 'Lead');
        assert.deepEqual(lead.reasons[0], {
            key: 'Crossway_Reason_ExpertiseLevel',
            values: ['Lead', 'Treasury Services']
        });
    });

    it('smooths small samples: 1 win of 1 does not beat 30 wins of 50', () => {
        assert.ok(smoothedWinRate(1, 0) < smoothedWinRate(30, 20));
        assert.ok(smoothedWinRate(0, 1) < smoothedWinRate(0, 0));
        assert.equal(smoothedWinRate(0, 0), 0.5);
        const data = panel({
            offerings: [OFFERING],
            specialists: [specialist('lucky'), specialist('proven')],
            expertise: [expert('lucky'), expert('proven')],
            specialistStats: [stats('lucky', 1, 0), stats('proven', 30, 20)]
        });
        assert.deepEqual(names(data), ['proven', 'lucky']);
        const [proven] = rankSpecialists(data, OFFERING);
        assert.ok(keys(proven.reasons).includes('Crossway_Reason_WinRecord'));
        assert.deepEqual(
            proven.reasons.find((r) => r.key === 'Crossway_Reason_WinRecord'),
            { key: 'Crossway_Reason_WinRecord', values: [30, 50] }
        );
    });

    it('smooths ratings: one 5-star rating does not beat twenty 4.6 ratings', () => {
        assert.ok(smoothedRating(5, 1) < smoothedRating(4.6, 20));
        assert.equal(smoothedRating(null, 0), 0.5);
        const data = panel({
            offerings: [OFFERING],
            specialists: [specialist('once'), specialist('often')],
            expertise: [expert('once'), expert('often')],
            specialistStats: [stats('once', 0, 0, 5, 1), stats('often', 0, 0, 4.6, 20)]
        });
        assert.deepEqual(names(data), ['often', 'once']);
        assert.deepEqual(
            rankSpecialists(data, OFFERING)[0].reasons.find((r) => r.key === 'Crossway_Reason_Rating'),
            {
                key: 'Crossway_Reason_Rating',
                values: [4.6, 20]
            }
        );
    });

    it('weights shared history more for complex offerings', () => {
        assert.equal(tieMultiplier('High', DEFAULT_SETTINGS), 2);
        assert.equal(tieMultiplier('Medium', DEFAULT_SETTINGS), 1.5);
        assert.equal(tieMultiplier('Low', DEFAULT_SETTINGS), 1);
        assert.equal(tieMultiplier(null, DEFAULT_SETTINGS), 1);
        // "trusted" has worked with the rep; "record" has the better track record on the offering.
        const build = (complexity: 'Low' | 'High'): PanelData =>
            panel({
                offerings: [offering('o1', { name: 'Treasury Services', complexity })],
                specialists: [specialist('trusted'), specialist('record')],
                expertise: [expert('trusted'), expert('record')],
                specialistStats: [stats('trusted', 1, 3), stats('record', 20, 2)],
                repHistory: [
                    {
                        specialistId: 'trusted',
                        jointAttempts: 1,
                        jointWins: 0,
                        connections: 1,
                        lastConnectionDate: null
                    }
                ]
            });
        const low = build('Low');
        const high = build('High');
        assert.deepEqual(names(low, low.offerings[0]), ['record', 'trusted']);
        assert.deepEqual(names(high, high.offerings[0]), ['trusted', 'record']);
        const trusted = rankSpecialists(high, high.offerings[0])[0];
        const tie = trusted.parts.find((p) => p.key === 'sharedHistory')!;
        assert.equal(tie.weight, DEFAULT_SETTINGS.sharedHistoryWeight * 2);
        // shared history now outweighs the track record, so its reasons come first
        const order = keys(trusted.reasons);
        assert.ok(order.indexOf('Crossway_Reason_SharedAttempts') < order.indexOf('Crossway_Reason_WinRecord'));
        assert.ok(order.indexOf('Crossway_Reason_Connections') < order.indexOf('Crossway_Reason_WinRecord'));
        assert.ok(keys(trusted.reasons).includes('Crossway_Reason_ComplexTies'));
        assert.deepEqual(trusted.reasons.find((r) => r.key === 'Crossway_Reason_SharedAttempts')!.values, [1, 0]);
        const lowTrusted = rankSpecialists(low, low.offerings[0]).find((r) => r.specialist.id === 'trusted')!;
        assert.ok(!keys(lowTrusted.reasons).includes('Crossway_Reason_ComplexTies'));
    });

    it('complexity never lowers the score of a specialist with shared history', () => {
        for (let seed = 1; seed <= 60; seed++) {
            const data = randomPanel(prng(seed));
            for (const o of data.offerings) {
                const low = rankSpecialists(data, { ...o, complexity: 'Low' });
                const high = new Map(
                    rankSpecialists(data, { ...o, complexity: 'High' }).map((r) => [r.specialist.id, r.score])
                );
                for (const r of low) assert.ok(high.get(r.specialist.id)! >= r.score);
            }
        }
    });

    it('credits knowing the account and free capacity, with reasons', () => {
        const data = panel({
            offerings: [OFFERING],
            specialists: [
                specialist('knows', { knowsAccount: true, capacity: 4, openIntros: 1 }),
                specialist('busy', { capacity: 4, openIntros: 3 })
            ],
            expertise: [expert('knows'), expert('busy')]
        });
        const [knows, busy] = rankSpecialists(data, OFFERING);
        assert.equal(knows.specialist.id, 'knows');
        assert.ok(knows.reasons.some((r) => r.key === 'Crossway_Reason_KnowsAccount' && r.values[0] === 'Harbor Bank'));
        assert.deepEqual(knows.reasons.find((r) => r.key === 'Crossway_Reason_Capacity')!.values, [3, 4]);
        assert.deepEqual(busy.reasons.find((r) => r.key === 'Crossway_Reason_Capacity')!.values, [1, 4]);
        assert.ok(knows.score > busy.score);
    });

    it('ranks over-capacity and inactive specialists last, unavailable, with the reason first', () => {
        const data = panel({
            offerings: [OFFERING],
            specialists: [
                specialist('gone', { active: false }),
                specialist('full', { capacity: 2, openIntros: 2 }),
                specialist('ok', { capacity: 2, openIntros: 1 })
            ],
            expertise: [expert('gone', 'Lead'), expert('full', 'Lead'), expert('ok', 'Practitioner')],
            specialistStats: [stats('gone', 40, 2, 5, 30), stats('full', 40, 2, 5, 30)]
        });
        const ranked = rankSpecialists(data, OFFERING);
        assert.deepEqual(
            ranked.map((r) => [r.specialist.id, r.available]),
            [
                ['ok', true],
                ['full', false],
                ['gone', false]
            ]
        );
        assert.deepEqual(ranked[1].reasons[0], { key: 'Crossway_Reason_AtCapacity', values: [2, 2] });
        assert.deepEqual(ranked[2].reasons[0], { key: 'Crossway_Reason_Inactive', values: [] });
    });

    it('treats a missing capacity as the default and still flags a specialist without a user', () => {
        const data = panel({
            offerings: [OFFERING],
            specialists: [specialist('nouser', { userId: null, capacity: null, openIntros: 5 })],
            expertise: [expert('nouser')]
        });
        const [only] = rankSpecialists(data, OFFERING);
        assert.equal(only.available, false);
        assert.deepEqual(keys(only.reasons), [
            'Crossway_Reason_AtCapacity',
            'Crossway_Reason_ExpertiseLevel',
            'Crossway_Reason_NoUser'
        ]);
    });

    it('never suggests the running user, skips unknown specialists and keeps the highest level of repeats', () => {
        const data = panel({
            offerings: [OFFERING],
            specialists: [specialist('me', { userId: 'rep-1' }), specialist('s1')],
            expertise: [
                expert('me', 'Lead'),
                expert('ghost', 'Lead'),
                expert('s1', 'Practitioner'),
                expert('s1', 'Lead')
            ]
        });
        const ranked = rankSpecialists(data, OFFERING);
        assert.deepEqual(
            ranked.map((r) => [r.specialist.id, r.level]),
            [['s1', 'Lead']]
        );
    });

    it('rankPanel keeps at most maxSpecialistsPerOffering per offering', () => {
        const specialists = Array.from({ length: 6 }, (_, i) => specialist(`s${i}`));
        const data = panel({
            offerings: [OFFERING],
            specialists,
            expertise: specialists.map((s) => expert(s.id))
        });
        assert.equal(rankPanel(data).offerings[0].specialists.length, 3);
        data.settings = { ...data.settings, maxSpecialistsPerOffering: 5 };
        assert.deepEqual(
            rankPanel(data).offerings[0].specialists.map((r) => r.specialist.id),
            ['s0', 's1', 's2', 's3', 's4']
        );
    });

    it('available specialists always come before unavailable ones, in score order', () => {
        for (let seed = 1; seed <= 80; seed++) {
            const data = randomPanel(prng(seed));
            for (const o of data.offerings) {
                const ranked = rankSpecialists(data, o);
                for (let i = 1; i < ranked.length; i++) {
                    const [a, b] = [ranked[i - 1], ranked[i]];
                    assert.ok(a.available || !b.available, `seed ${seed}`);
                    if (a.available === b.available && a.specialist.active === b.specialist.active) {
                        assert.ok(a.score >= b.score, `seed ${seed}`);
                    }
                }
            }
        }
    });

    it('a capped list is exactly the start of the full ranking, repeated rows included', () => {
        for (let seed = 1; seed <= 80; seed++) {
            const data = randomPanel(prng(seed));
            // repeat some expertise rows at another level, as a careless import might
            data.expertise = [
                ...data.expertise,
                ...data.expertise
                    .filter((_, i) => i % 5 === 0)
                    .map((row) => ({ ...row, level: 'Practitioner' as const }))
            ];
            for (const o of data.offerings) {
                const all = rankSpecialists(data, o);
                assert.equal(new Set(all.map((r) => r.specialist.id)).size, all.length, `seed ${seed}: repeated`);
                for (const limit of [0, 1, 2, 3, 5]) {
                    assert.deepEqual(rankSpecialists(data, o, undefined, limit), all.slice(0, limit), `seed ${seed}`);
                }
            }
        }
    });
});
