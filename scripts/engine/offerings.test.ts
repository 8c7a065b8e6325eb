import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
    rankOfferings,
    rankPanel,
    PEER_PRIOR,
    type PanelData
} from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';
import { attempt, daysAgo, offering, panel, prng, randomPanel, specialist } from './panelFixture';

const ids = (data: PanelData): string[] => rankOfferings(data).offerings.map((r) => r.offering.id);
const keys = (reasons: { key: string }[]): string[] => reasons.map((r) => r.key);

describe('offerings the account buys', () => {
    it('leaves out offerings held as an asset or a won line item, and reports why', () => {
        const data = panel({
            offerings: [offering('o1'), offering('o2'), offering('o3')],
            holdings: [
                { offeringId: 'o1', source: 'Asset', purchaseDate: daysAgo(10) },
                { offeringId: 'o2', source: 'LineItem', purchaseDate: null }
            ]
        });
        const result = rankOfferings(data);
        assert.deepEqual(
            result.offerings.map((r) => r.offering.id),
            ['o3']
        );
        assert.deepEqual(result.excluded, [
            { offeringId: 'o1', cause: 'Held', until: null },
            { offeringId: 'o2', cause: 'Held', until: null }
        ]);
    });

    it('counts a holding only within the lookback', () => {
        const data = panel({
            offerings: [offering('o1'), offering('o2')],
            holdings: [
                { offeringId: 'o1', source: 'Asset', purchaseDate: daysAgo(730) },
                { offeringId: 'o2', source: 'Asset', purchaseDate: daysAgo(731) }
            ]
        });
        assert.deepEqual(ids(data), ['o2']);
    });

    it('counts only the sources the settings name as sold', () => {
        const data = panel({
            offerings: [offering('o1'), offering('o2')],
            holdings: [
                { offeringId: 'o1', source: 'Asset', purchaseDate: daysAgo(5) },
                { offeringId: 'o2', source: 'LineItem', purchaseDate: daysAgo(5) }
            ]
        });
        data.settings = { ...data.settings, soldSources: ['Asset'] };
        assert.deepEqual(ids(data), ['o2']);
    });

    it('leaves out an offering won by an attempt within the lookback, or being worked on', () => {
        const data = panel({
            offerings: [offering('won'), offering('oldWon'), offering('open'), offering('free')],
            attempts: [
                attempt('won', { status: 'Won', closedDate: daysAgo(100) }),
                attempt('oldWon', { status: 'Won', closedDate: daysAgo(900) }),
                attempt('open', { status: 'Meeting Held', statusChangedDate: daysAgo(3) })
            ]
        });
        const result = rankOfferings(data);
        assert.deepEqual(result.offerings.map((r) => r.offering.id).sort(), ['free', 'oldWon']);
        assert.deepEqual(
            result.excluded.map((e) => [e.offeringId, e.cause]),
            [
                ['open', 'InProgress'],
                ['won', 'Won']
            ]
        );
    });
});

describe('dismissals and losses', () => {
    it('suppresses a dismissed offering for the suppression period and says until when', () => {
        const data = panel({
            offerings: [offering('o1'), offering('o2')],
            attempts: [attempt('o1', { status: 'Not Pursued', outcomeReason: 'Bad timing', closedDate: daysAgo(179) })]
        });
        const result = rankOfferings(data);
        assert.deepEqual(
            result.offerings.map((r) => r.offering.id),
            ['o2']
        );
        assert.deepEqual(result.excluded, [{ offeringId: 'o1', cause: 'Suppressed', until: daysAgo(-1) }]);
    });

    it('after suppression, lists it with a fading penalty and the dismissal reason', () => {
        const at = (days: number) =>
            rankOfferings(
                panel({
                    offerings: [offering('o1')],
                    attempts: [
                        attempt('o1', { status: 'Not Pursued', outcomeReason: 'Bad timing', closedDate: daysAgo(days) })
                    ]
                })
            ).offerings[0];
        const fresh = at(180);
        const later = at(500);
        const gone = at(730);
        const penalty = (r: typeof fresh) => r.parts.find((p) => p.key === 'pastAttempt')!;
        assert.equal(penalty(fresh).value, -1);
        assert.equal(penalty(fresh).points, -0.3);
        assert.ok(penalty(later).value > -1 && penalty(later).value < 0);
        assert.equal(penalty(gone).value, 0);
        assert.ok(fresh.score < later.score && later.score < gone.score);
        assert.deepEqual(fresh.reasons[0], { key: 'Crossway_Reason_DismissedBefore', values: [180, 'Bad timing'] });
        assert.ok(!keys(gone.reasons).includes('Crossway_Reason_DismissedBefore'));
    });

    it('a loss is never suppressed but is penalized, with its reason', () => {
        const data = panel({
            offerings: [offering('o1'), offering('o2')],
            attempts: [attempt('o1', { status: 'Lost', outcomeReason: 'Price', closedDate: daysAgo(40) })]
        });
        const ranked = rankOfferings(data).offerings;
        assert.deepEqual(
            ranked.map((r) => r.offering.id),
            ['o2', 'o1']
        );
        assert.deepEqual(ranked[1].reasons[0], { key: 'Crossway_Reason_LostBefore', values: [40, 'Price'] });
    });

    it('uses the settings for suppression days', () => {
        const data = panel({
            offerings: [offering('o1')],
            attempts: [attempt('o1', { status: 'Not Pursued', outcomeReason: 'Other', closedDate: daysAgo(20) })]
        });
        assert.deepEqual(ids(data), []);
        data.settings = { ...data.settings, suppressionDays: 10 };
        assert.deepEqual(ids(data), ['o1']);
    });
});

describe('offering score parts and reasons', () => {
    it('explains peer adoption in the account industry, industry fit and deal size', () => {
        const data = panel({
            offerings: [
                offering('o1', { name: 'Treasury Services', targetIndustries: ['Banking'], typicalDealSize: 120000 })
            ],
            peerAdoption: [{ offeringId: 'o1', buyers: 7, segmentSize: 10 }]
        });
        const [top] = rankOfferings(data).offerings;
        assert.deepEqual(top.reasons.slice(0, 3), [
            { key: 'Crossway_Reason_PeerAdoption', values: [7, 10, 'Banking', 'Treasury Services'] },
            { key: 'Crossway_Reason_IndustryFit', values: ['Banking'] },
            { key: 'Crossway_Reason_DealSize', values: ['120k'] }
        ]);
        const peer = top.parts.find((p) => p.key === 'peerAdoption')!;
        assert.equal(peer.value, Number((7 / (10 + PEER_PRIOR)).toFixed(6)));
        assert.equal(peer.weight, 0.5);
        assert.equal(top.score, Number(top.parts.reduce((s, p) => s + p.points, 0).toFixed(6)));
    });

    it('uses the firm-wide sentence when the account has no industry, and no fit', () => {
        const data = panel({
            offerings: [offering('o1', { name: 'Cloud', targetIndustries: ['Banking'] })],
            peerAdoption: [{ offeringId: 'o1', buyers: 3, segmentSize: 200 }]
        });
        data.account = { ...data.account, industry: null };
        const [top] = rankOfferings(data).offerings;
        assert.deepEqual(keys(top.reasons), ['Crossway_Reason_PeerAdoptionFirmWide', 'Crossway_Reason_NewToYou']);
        assert.equal(top.parts.find((p) => p.key === 'industryFit')!.value, 0);
    });

    it('a small segment counts for less than a large one at the same rate', () => {
        const data = panel({
            offerings: [offering('small'), offering('large')],
            peerAdoption: [
                { offeringId: 'small', buyers: 1, segmentSize: 1 },
                { offeringId: 'large', buyers: 7, segmentSize: 10 }
            ]
        });
        assert.deepEqual(ids(data), ['large', 'small']);
    });

    it('marks offerings new to the rep and names the top seller; otherwise states the rep history', () => {
        const data = panel({
            offerings: [offering('o1'), offering('o2'), offering('o3')],
            repFamiliarity: [
                { offeringId: 'o2', attempts: 3, wins: 1 },
                { offeringId: 'o3', attempts: 0, wins: 0 }
            ],
            topSellers: [
                { offeringId: 'o1', name: 'Ben', specialistId: null, wins: 2 },
                { offeringId: 'o1', name: 'Priya', specialistId: 's1', wins: 5 },
                { offeringId: 'o1', name: 'Ana', specialistId: 's2', wins: 5 }
            ]
        });
        const byId = new Map(rankOfferings(data).offerings.map((r) => [r.offering.id, r]));
        const o1 = byId.get('o1')!;
        assert.equal(o1.newToRep, true);
        assert.deepEqual(
            o1.topSellers.map((s) => s.name),
            ['Ana', 'Priya', 'Ben']
        );
        assert.deepEqual(o1.reasons, [
            { key: 'Crossway_Reason_NewToYou', values: [] },
            { key: 'Crossway_Reason_TopSeller', values: ['Ana', 5] }
        ]);
        assert.equal(byId.get('o2')!.newToRep, false);
        assert.deepEqual(byId.get('o2')!.reasons, [{ key: 'Crossway_Reason_RepExperience', values: [3, 1] }]);
        assert.equal(byId.get('o3')!.newToRep, true);
    });
});

describe('ranking order and robustness', () => {
    it('breaks equal scores by name, then id, whatever the input order', () => {
        const offerings = [
            offering('b', { name: 'Same' }),
            offering('c', { name: 'Alpha' }),
            offering('a', { name: 'Same' })
        ];
        assert.deepEqual(ids(panel({ offerings })), ['c', 'a', 'b']);
        assert.deepEqual(ids(panel({ offerings: [...offerings].reverse() })), ['c', 'a', 'b']);
    });

    it('gives identical output for shuffled input', () => {
        const random = prng(7);
        const base = randomPanel(random);
        const shuffled: PanelData = {
            ...base,
            offerings: shuffle([...base.offerings], random),
            peerAdoption: shuffle([...base.peerAdoption], random),
            holdings: shuffle([...base.holdings], random),
            specialists: shuffle([...base.specialists], random),
            expertise: shuffle([...base.expertise], random),
            specialistStats: shuffle([...base.specialistStats], random)
        };
        assert.deepEqual(rankPanel(shuffled, { showAll: true }), rankPanel(base, { showAll: true }));
    });

    it('works with no settings record, no industry, no peers, no specialists and missing lists', () => {
        const data = {
            account: { id: 'a', name: 'Bare', industry: null, employees: null, region: null, ownerId: 'u' },
            offerings: [offering('o1'), offering('o2', { typicalDealSize: 50000 })],
            settings: null,
            user: { id: 'u', name: 'U' },
            today: '2026-01-01'
        } as unknown as PanelData;
        const result = rankPanel(data);
        assert.deepEqual(
            result.offerings.map((r) => r.offering.id),
            ['o2', 'o1']
        );
        assert.deepEqual(result.offerings[0].specialists, []);
        assert.equal(result.settings.maxOfferingsShown, 10);
        assert.equal(result.hiddenCount, 0);
    });

    it('shows at most maxOfferingsShown and counts the rest as hidden; showAll returns them all', () => {
        const offerings = Array.from({ length: 14 }, (_, i) => offering(`o${String(i).padStart(2, '0')}`));
        const data = panel({ offerings });
        const shown = rankPanel(data);
        assert.equal(shown.offerings.length, 10);
        assert.equal(shown.hiddenCount, 4);
        assert.deepEqual(
            shown.offerings.map((r) => r.rank),
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        );
        const all = rankPanel(data, { showAll: true });
        assert.equal(all.offerings.length, 14);
        assert.equal(all.hiddenCount, 0);
    });

    it('tolerates blanks and malformed values inside records', () => {
        const data = panel({
            offerings: [
                offering('o1', { name: null as unknown as string, targetIndustries: null as unknown as string[] }),
                offering('o2', { typicalDealSize: -5, complexity: 'Unknown' as 'High' })
            ],
            holdings: [{ offeringId: 'o9', source: 'Asset', purchaseDate: 'not a date' }],
            peerAdoption: [{ offeringId: 'o1', buyers: -3, segmentSize: 4 }],
            attempts: [
                attempt('o2', { status: 'Lost', closedDate: '2026-13-45', statusChangedDate: null, createdDate: '' })
            ],
            specialists: [specialist('s1', { capacity: -1, openIntros: NaN, active: undefined as unknown as boolean })],
            expertise: [
                { specialistId: 's1', offeringId: 'o1', level: 'Guru' as 'Lead' },
                null as unknown as { specialistId: string; offeringId: string; level: 'Lead' }
            ],
            specialistStats: [
                { specialistId: 's1', offeringId: 'o1', wins: NaN, losses: 2, averageRating: NaN, ratingCount: 3 }
            ]
        });
        const result = rankPanel(data, { showAll: true });
        assert.deepEqual(result.offerings.map((r) => r.offering.id).sort(), ['o1', 'o2']);
        for (const ranked of result.offerings) {
            assert.ok(Number.isFinite(ranked.score), `score of ${ranked.offering.id}`);
            for (const s of ranked.specialists) assert.ok(Number.isFinite(s.score));
        }
        const o1 = result.offerings.find((r) => r.offering.id === 'o1')!;
        assert.equal(o1.specialists.length, 1);
        assert.equal(o1.specialists[0].available, true);
    });

    it('lists a repeated offering once', () => {
        assert.deepEqual(ids(panel({ offerings: [offering('o1'), offering('o1')] })), ['o1']);
    });
});

describe('properties over random panels', () => {
    it('bought, won, open and suppressed offerings never appear', () => {
        for (let seed = 1; seed <= 150; seed++) {
            const data = randomPanel(prng(seed));
            const result = rankPanel(data, { showAll: true });
            const listed = new Set(result.offerings.map((r) => r.offering.id));
            const excluded = new Set(result.excluded.map((e) => e.offeringId));
            for (const holding of data.holdings) {
                assert.ok(!listed.has(holding.offeringId), `seed ${seed}: held ${holding.offeringId} listed`);
            }
            for (const a of data.attempts) {
                const open = !a.isClosed;
                const recentDismissal = a.status === 'Not Pursued' && a.closedDate! > daysAgo(180);
                if (open || recentDismissal) assert.ok(!listed.has(a.offeringId), `seed ${seed}: ${a.offeringId}`);
            }
            assert.equal(listed.size + excluded.size, new Set(data.offerings.map((o) => o.id)).size);
        }
    });

    it('more peer adoption never lowers a score', () => {
        for (let seed = 1; seed <= 150; seed++) {
            const random = prng(seed);
            const data = randomPanel(random);
            const before = new Map(rankOfferings(data).offerings.map((r) => [r.offering.id, r.score]));
            const more: PanelData = {
                ...data,
                peerAdoption: data.peerAdoption.map((p) =>
                    random() < 0.5 && p.buyers < p.segmentSize ? { ...p, buyers: p.buyers + 1 } : p
                )
            };
            for (const r of rankOfferings(more).offerings) {
                assert.ok(r.score >= before.get(r.offering.id)!, `seed ${seed}: ${r.offering.id} dropped`);
            }
        }
    });

    it('rankPanel lists the same offerings, scores and reasons as rankOfferings', () => {
        for (let seed = 1; seed <= 60; seed++) {
            const data = randomPanel(prng(seed));
            const full = rankOfferings(data);
            const strip = (list: typeof full.offerings) => list.map((r) => ({ ...r, specialists: [] }));
            const all = rankPanel(data, { showAll: true });
            assert.deepEqual(strip(all.offerings), full.offerings, `seed ${seed}`);
            assert.deepEqual(all.excluded, full.excluded);
            data.settings = { ...data.settings, maxOfferingsShown: 3 };
            const shown = rankPanel(data);
            assert.deepEqual(strip(shown.offerings), full.offerings.slice(0, 3), `seed ${seed}`);
            assert.equal(shown.hiddenCount, Math.max(0, full.offerings.length - 3));
        }
    });

    it('scores are the sum of their parts and ranks are in score order', () => {
        for (let seed = 1; seed <= 50; seed++) {
            const ranked = rankOfferings(randomPanel(prng(seed))).offerings;
            for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1].score >= ranked[i].score);
            for (const r of ranked) {
                const sum = r.parts.reduce((s, p) => s + p.points, 0);
                assert.ok(Math.abs(sum - r.score) < 1e-5);
            }
        }
    });
});

function shuffle<T>(list: T[], random: () => number): T[] {
    for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
}
