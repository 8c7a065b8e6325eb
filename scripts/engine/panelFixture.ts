/**
 * Small builders of `PanelData` for the engine's tests: every field has a plain default, so a test states
 * only what it is about.
 */
import type {
    AttemptInfo,
    OfferingInfo,
    PanelData,
    SpecialistInfo
} from '../../force-app/main/default/lwc/crossSellEngine/contract';
import { DEFAULT_SETTINGS } from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';

export const TODAY = '2026-06-30';

export function offering(id: string, overrides: Partial<OfferingInfo> = {}): OfferingInfo {
    return {
        id,
        name: `Offering ${id}`,
        businessUnit: null,
        family: null,
        summary: null,
        valueProposition: null,
        discoveryQuestions: null,
        targetIndustries: [],
        typicalDealSize: null,
        complexity: null,
        ...overrides
    };
}

export function specialist(id: string, overrides: Partial<SpecialistInfo> = {}): SpecialistInfo {
    return {
        id,
        name: `Specialist ${id}`,
        title: null,
        businessUnit: null,
        email: null,
        userId: `user-${id}`,
        active: true,
        capacity: 5,
        openIntros: 0,
        knowsAccount: false,
        ...overrides
    };
}

let attemptCounter = 0;

export function attempt(offeringId: string, overrides: Partial<AttemptInfo> = {}): AttemptInfo {
    attemptCounter += 1;
    const status = overrides.status ?? 'Identified';
    return {
        id: `att-${attemptCounter}`,
        name: `A-${attemptCounter}`,
        offeringId,
        offeringName: `Offering ${offeringId}`,
        specialistId: null,
        specialistName: null,
        repId: 'rep-1',
        repName: 'Alex Rep',
        status,
        statusChangedDate: null,
        outcomeReason: null,
        nextStep: null,
        nextStepDate: null,
        estimatedValue: null,
        opportunityId: null,
        opportunityName: null,
        notes: null,
        closedDate: null,
        specialistRating: null,
        source: 'Suggested',
        createdDate: '2025-01-01T09:00:00.000Z',
        isClosed: status === 'Won' || status === 'Lost' || status === 'Not Pursued',
        ...overrides
    };
}

/** A date `days` before TODAY. */
export function daysAgo(days: number): string {
    const base = Date.UTC(2026, 5, 30);
    return new Date(base - days * 86400000).toISOString().slice(0, 10);
}

export function panel(overrides: Partial<PanelData> = {}): PanelData {
    return {
        account: {
            id: 'acc-1',
            name: 'Harbor Bank',
            industry: 'Banking',
            employees: 5000,
            region: 'United States',
            ownerId: 'rep-1'
        },
        offerings: [],
        holdings: [],
        peerAdoption: [],
        attempts: [],
        specialists: [],
        expertise: [],
        specialistStats: [],
        repHistory: [],
        repFamiliarity: [],
        topSellers: [],
        settings: { ...DEFAULT_SETTINGS, soldSources: [...DEFAULT_SETTINGS.soldSources] },
        user: { id: 'rep-1', name: 'Alex Rep' },
        today: TODAY,
        ...overrides
    };
}

/** A small deterministic PRNG (mulberry32) for property tests. */
export function prng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A random but valid panel: offerings, holdings, attempts of every status, specialists and stats. */
export function randomPanel(random: () => number): PanelData {
    const industries = ['Banking', 'Healthcare', 'Retail'];
    const statuses = ['Identified', 'Proposal', 'Won', 'Lost', 'Not Pursued'] as const;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const offerings = Array.from({ length: 12 }, (_, i) =>
        offering(`o${i}`, {
            name: `Offering ${i % 5}`,
            targetIndustries: random() < 0.5 ? [pick(industries)] : [],
            typicalDealSize: random() < 0.8 ? Math.round(random() * 500000) : null,
            complexity: pick(['Low', 'Medium', 'High', null] as const)
        })
    );
    const specialists = Array.from({ length: 8 }, (_, i) =>
        specialist(`s${i}`, {
            active: random() > 0.15,
            capacity: random() < 0.2 ? null : 1 + Math.floor(random() * 4),
            openIntros: Math.floor(random() * 4),
            knowsAccount: random() < 0.3,
            userId: random() < 0.2 ? null : `user-s${i}`
        })
    );
    return panel({
        account: {
            id: 'acc',
            name: 'Random',
            industry: random() < 0.8 ? pick(industries) : null,
            employees: 100,
            region: null,
            ownerId: 'rep-1'
        },
        offerings,
        holdings: offerings
            .filter(() => random() < 0.25)
            .map((o) => ({
                offeringId: o.id,
                source: pick(['Asset', 'LineItem'] as const),
                purchaseDate: daysAgo(Math.floor(random() * 700))
            })),
        peerAdoption: offerings.map((o) => {
            const segmentSize = Math.floor(random() * 30);
            return { offeringId: o.id, buyers: Math.floor(random() * (segmentSize + 1)), segmentSize };
        }),
        attempts: offerings
            .filter(() => random() < 0.4)
            .map((o) => {
                const status = pick(statuses);
                return attempt(o.id, {
                    status,
                    closedDate: ['Won', 'Lost', 'Not Pursued'].includes(status)
                        ? daysAgo(Math.floor(random() * 800))
                        : null,
                    outcomeReason: status === 'Not Pursued' ? 'Not a fit' : null
                });
            }),
        specialists,
        expertise: specialists.flatMap((s) =>
            offerings
                .filter(() => random() < 0.5)
                .map((o) => ({
                    specialistId: s.id,
                    offeringId: o.id,
                    level: pick(['Practitioner', 'Expert', 'Lead'] as const)
                }))
        ),
        specialistStats: specialists.flatMap((s) =>
            offerings
                .filter(() => random() < 0.4)
                .map((o) => ({
                    specialistId: s.id,
                    offeringId: o.id,
                    wins: Math.floor(random() * 10),
                    losses: Math.floor(random() * 10),
                    averageRating: random() < 0.7 ? 1 + random() * 4 : null,
                    ratingCount: Math.floor(random() * 5)
                }))
        ),
        repHistory: specialists
            .filter(() => random() < 0.5)
            .map((s) => ({
                specialistId: s.id,
                jointAttempts: Math.floor(random() * 4),
                jointWins: Math.floor(random() * 2),
                connections: Math.floor(random() * 3),
                lastConnectionDate: null
            })),
        repFamiliarity: offerings.filter(() => random() < 0.3).map((o) => ({ offeringId: o.id, attempts: 1, wins: 0 })),
        topSellers: offerings
            .filter(() => random() < 0.5)
            .map((o) => ({ offeringId: o.id, name: 'Seller', specialistId: null, wins: 1 + Math.floor(random() * 5) }))
    });
}
