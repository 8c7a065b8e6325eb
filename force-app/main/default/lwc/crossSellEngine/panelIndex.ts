/**
 * Lookups built once per ranking: every list in the panel data is read exactly once, so ranking stays
 * linear in the size of the data the server sends.
 */
import type {
    ExpertiseInfo,
    OfferingSeller,
    PanelData,
    PeerAdoption,
    RepOfferingFamiliarity,
    RepSpecialistHistory,
    SpecialistInfo,
    SpecialistOfferingStats
} from './contract';

export interface PanelIndex {
    specialistsById: Map<string, SpecialistInfo>;
    /** Offering id -> its expertise rows (one per specialist, the highest level when repeated). */
    expertiseByOffering: Map<string, ExpertiseInfo[]>;
    /** Offering id -> specialist id -> track record. */
    statsByOffering: Map<string, Map<string, SpecialistOfferingStats>>;
    historyBySpecialist: Map<string, RepSpecialistHistory>;
    peerByOffering: Map<string, PeerAdoption>;
    familiarityByOffering: Map<string, RepOfferingFamiliarity>;
    /** Offering id -> sellers, most wins first. */
    sellersByOffering: Map<string, OfferingSeller[]>;
}

export const LEVEL_RANK: Readonly<Record<string, number>> = Object.freeze({ Practitioner: 1, Expert: 2, Lead: 3 });

function listOf<T>(value: T[] | null | undefined): T[] {
    return Array.isArray(value) ? value : [];
}

function byKey<T>(rows: T[], key: (row: T) => string): Map<string, T> {
    const map = new Map<string, T>();
    for (const row of rows) {
        if (row) map.set(key(row), row);
    }
    return map;
}

function compareSellers(a: OfferingSeller, b: OfferingSeller): number {
    if (a.wins !== b.wins) return b.wins - a.wins;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    const aId = a.specialistId ?? '';
    const bId = b.specialistId ?? '';
    return aId < bId ? -1 : aId > bId ? 1 : 0;
}

function indexExpertise(rows: ExpertiseInfo[]): Map<string, ExpertiseInfo[]> {
    const byOffering = new Map<string, Map<string, ExpertiseInfo>>();
    for (const row of rows) {
        if (!row || !row.offeringId || !row.specialistId) continue;
        let forOffering = byOffering.get(row.offeringId);
        if (!forOffering) {
            forOffering = new Map();
            byOffering.set(row.offeringId, forOffering);
        }
        const seen = forOffering.get(row.specialistId);
        if (!seen || (LEVEL_RANK[row.level] ?? 0) > (LEVEL_RANK[seen.level] ?? 0)) {
            forOffering.set(row.specialistId, row);
        }
    }
    const result = new Map<string, ExpertiseInfo[]>();
    for (const [offeringId, forOffering] of byOffering) result.set(offeringId, [...forOffering.values()]);
    return result;
}

function indexStats(rows: SpecialistOfferingStats[]): Map<string, Map<string, SpecialistOfferingStats>> {
    const result = new Map<string, Map<string, SpecialistOfferingStats>>();
    for (const row of rows) {
        if (!row) continue;
        let forOffering = result.get(row.offeringId);
        if (!forOffering) {
            forOffering = new Map();
            result.set(row.offeringId, forOffering);
        }
        forOffering.set(row.specialistId, row);
    }
    return result;
}

function indexSellers(rows: OfferingSeller[]): Map<string, OfferingSeller[]> {
    const result = new Map<string, OfferingSeller[]>();
    for (const row of rows) {
        if (!row || !(row.wins > 0)) continue;
        const list = result.get(row.offeringId);
        if (list) list.push(row);
        else result.set(row.offeringId, [row]);
    }
    for (const list of result.values()) list.sort(compareSellers);
    return result;
}

/** Builds the lookups for one panel's data; missing lists count as empty. */
export function indexPanel(data: PanelData): PanelIndex {
    return {
        specialistsById: byKey(listOf(data.specialists), (row) => row.id),
        expertiseByOffering: indexExpertise(listOf(data.expertise)),
        statsByOffering: indexStats(listOf(data.specialistStats)),
        historyBySpecialist: byKey(listOf(data.repHistory), (row) => row.specialistId),
        peerByOffering: byKey(listOf(data.peerAdoption), (row) => row.offeringId),
        familiarityByOffering: byKey(listOf(data.repFamiliarity), (row) => row.offeringId),
        sellersByOffering: indexSellers(listOf(data.topSellers))
    };
}

export { listOf };
