/**
 * A large, deterministic `PanelData` for the engine benchmark: one key account in a firm with `offerings`
 * active offerings, `specialists` specialists and `expertise` expertise rows (spread evenly over offerings),
 * with a track record for every expertise row, the rep's history, top sellers, holdings and attempts.
 */
import type {
    AttemptInfo,
    ExpertiseInfo,
    Holding,
    OfferingInfo,
    OfferingSeller,
    PanelData,
    RepOfferingFamiliarity,
    RepSpecialistHistory,
    SpecialistInfo,
    SpecialistOfferingStats
} from '../../force-app/main/default/lwc/crossSellEngine/contract';
import { DEFAULT_SETTINGS } from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';
import { seededRandom } from '../sample-data/generate';

export interface BenchSize {
    offerings: number;
    specialists: number;
    expertise: number;
}

export const BASE_SIZE: BenchSize = { offerings: 300, specialists: 2000, expertise: 20000 };

const INDUSTRIES = ['Banking', 'Insurance', 'Healthcare', 'Retail', 'Manufacturing', 'Energy'];
const LEVELS = ['Practitioner', 'Expert', 'Lead'] as const;
const COMPLEXITY = ['Low', 'Medium', 'High'] as const;

function id(prefix: string, n: number): string {
    // 18-character ids, like Salesforce's
    return `${prefix}${String(n).padStart(15, '0')}`;
}

function day(offset: number): string {
    return new Date(Date.UTC(2026, 10, 1) - offset * 86400000).toISOString().slice(0, 10);
}

/** The panel data for one account at the given size (the same every time). */
export function benchPanelData(size: BenchSize, seed = 1): PanelData {
    const random = seededRandom(seed);
    const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

    const offerings: OfferingInfo[] = [];
    for (let i = 0; i < size.offerings; i++) {
        offerings.push({
            id: id('a01', i),
            name: `Offering ${String(i).padStart(5, '0')}`,
            businessUnit: `Unit ${i % 12}`,
            family: `Family ${i % 40}`,
            summary: 'A managed service that runs a business process end to end for the client.',
            valueProposition: 'Cuts cost and risk while freeing the client team for new work.',
            discoveryQuestions: 'How do you run this today?\nWhat does it cost?\nWho decides?',
            targetIndustries: [pick(INDUSTRIES), pick(INDUSTRIES)],
            typicalDealSize: between(10, 400) * 1000,
            complexity: pick(COMPLEXITY)
        });
    }
    const specialists: SpecialistInfo[] = [];
    for (let i = 0; i < size.specialists; i++) {
        const capacity = between(2, 8);
        specialists.push({
            id: id('a02', i),
            name: `Specialist ${String(i).padStart(6, '0')}`,
            title: 'Solution Architect',
            businessUnit: `Unit ${i % 12}`,
            email: `specialist${i}@example.com`,
            userId: random() < 0.85 ? id('005', i) : null,
            active: random() > 0.03,
            capacity,
            openIntros: between(0, capacity + 1),
            knowsAccount: random() < 0.02
        });
    }
    const expertise: ExpertiseInfo[] = [];
    const specialistStats: SpecialistOfferingStats[] = [];
    for (let i = 0; i < size.expertise; i++) {
        const offering = offerings[i % size.offerings];
        const specialist = specialists[(i * 7919 + Math.floor(i / size.offerings)) % size.specialists];
        expertise.push({ specialistId: specialist.id, offeringId: offering.id, level: pick(LEVELS) });
        const ratingCount = between(0, 12);
        specialistStats.push({
            specialistId: specialist.id,
            offeringId: offering.id,
            wins: between(0, 30),
            losses: between(0, 30),
            averageRating: ratingCount > 0 ? Math.round((1 + random() * 4) * 100) / 100 : null,
            ratingCount
        });
    }
    const repHistory: RepSpecialistHistory[] = [];
    for (let i = 0; i < size.specialists; i += 10) {
        repHistory.push({
            specialistId: specialists[i].id,
            jointAttempts: between(0, 5),
            jointWins: between(0, 2),
            connections: between(0, 4),
            lastConnectionDate: day(between(1, 600))
        });
    }
    const repFamiliarity: RepOfferingFamiliarity[] = offerings
        .filter((_, i) => i % 3 === 0)
        .map((o) => ({ offeringId: o.id, attempts: between(1, 6), wins: between(0, 2) }));
    const topSellers: OfferingSeller[] = offerings.flatMap((o, i) =>
        [0, 1, 2].map((k) => ({
            offeringId: o.id,
            name: specialists[(i * 3 + k) % size.specialists].name,
            specialistId: specialists[(i * 3 + k) % size.specialists].id,
            wins: 30 - k * 5
        }))
    );
    const holdings: Holding[] = offerings
        .filter((_, i) => i % 10 === 0)
        .map((o, i) => ({
            offeringId: o.id,
            source: i % 2 ? 'Asset' : 'LineItem',
            purchaseDate: day(between(1, 900))
        }));
    const statuses = ['Identified', 'Proposal', 'Won', 'Lost', 'Not Pursued'] as const;
    const attempts: AttemptInfo[] = offerings
        .filter((_, i) => i % 7 === 1)
        .map((o, i) => {
            const status = statuses[i % statuses.length];
            const closed = status === 'Won' || status === 'Lost' || status === 'Not Pursued';
            return {
                id: id('a03', i),
                name: `CSA-${i}`,
                offeringId: o.id,
                offeringName: o.name,
                specialistId: specialists[i].id,
                specialistName: specialists[i].name,
                repId: '005000000000000001',
                repName: 'Alex Morgan',
                status,
                statusChangedDate: day(between(1, 700)),
                outcomeReason: status === 'Not Pursued' ? 'Bad timing' : null,
                nextStep: closed ? null : 'Book discovery call',
                nextStepDate: closed ? null : day(-10),
                estimatedValue: 50000,
                opportunityId: null,
                opportunityName: null,
                notes: null,
                closedDate: closed ? day(between(1, 700)) : null,
                specialistRating: null,
                source: 'Suggested',
                createdDate: `${day(between(100, 800))}T09:00:00.000Z`,
                isClosed: closed
            };
        });
    const segmentSize = 400;
    return {
        account: {
            id: '001000000000000001',
            name: 'Harbor Bank',
            industry: 'Banking',
            employees: 12000,
            region: 'United States',
            ownerId: '005000000000000001'
        },
        offerings,
        holdings,
        peerAdoption: offerings.map((o) => ({ offeringId: o.id, buyers: between(0, segmentSize), segmentSize })),
        attempts,
        specialists,
        expertise,
        specialistStats,
        repHistory,
        repFamiliarity,
        topSellers,
        settings: { ...DEFAULT_SETTINGS, soldSources: [...DEFAULT_SETTINGS.soldSources] },
        user: { id: '005000000000000001', name: 'Alex Morgan' },
        today: '2026-11-01'
    };
}
