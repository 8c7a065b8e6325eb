/**
 * Lookups built once per ranking. Each list in the panel data is read at most once, so ranking stays linear
 * in the size of the data the server sends; expertise rows and track records can be indexed for just the
 * offerings being listed, which is most of the work on a large account.
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
    /** Offering id -> its expertise rows. */
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

export function listOf<T>(value: T[] | null | undefined): T[] {
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

function wanted(offeringId: string, only: ReadonlySet<string> | null): boolean {
    return only === null || only.has(offeringId);
}

/** Expertise rows by offering (a repeated specialist is resolved when ranking: the higher level wins). */
function indexExpertise(rows: ExpertiseInfo[], only: ReadonlySet<string> | null): Map<string, ExpertiseInfo[]> {
    const result = new Map<string, ExpertiseInfo[]>();
    for (const row of rows) {
        if (!row || !row.offeringId || !row.specialistId || !wanted(row.offeringId, only)) continue;
        const list = result.get(row.offeringId);
        if (list) list.push(row);
        else result.set(row.offeringId, [row]);
    }
    return result;
}

function indexStats(
    rows: SpecialistOfferingStats[],
    only: ReadonlySet<string> | null
): Map<string, Map<string, SpecialistOfferingStats>> {
    const result = new Map<string, Map<string, SpecialistOfferingStats>>();
    for (const row of rows) {
        if (!row || !wanted(row.offeringId, only)) continue;
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

/**
 * Builds the lookups for one panel's data; missing lists count as empty. With `onlyOfferings`, expertise
 * rows and track records are indexed for those offerings only.
 */
export function indexPanel(data: PanelData, onlyOfferings: ReadonlySet<string> | null = null): PanelIndex {
    return {
        specialistsById: byKey(listOf(data.specialists), (row) => row.id),
        expertiseByOffering: indexExpertise(listOf(data.expertise), onlyOfferings),
        statsByOffering: indexStats(listOf(data.specialistStats), onlyOfferings),
        historyBySpecialist: byKey(listOf(data.repHistory), (row) => row.specialistId),
        peerByOffering: byKey(listOf(data.peerAdoption), (row) => row.offeringId),
        familiarityByOffering: byKey(listOf(data.repFamiliarity), (row) => row.offeringId),
        sellersByOffering: indexSellers(listOf(data.topSellers))
    };
}

/** The lookups `rankOfferings` needs (no expertise rows or track records). */
export function indexOfferingFacts(data: PanelData): PanelIndex {
    return indexPanel(data, new Set<string>());
}

/** Adds expertise rows and track records for the given offerings to an index built without them. */
export function indexCandidates(data: PanelData, index: PanelIndex, offeringIds: ReadonlySet<string>): PanelIndex {
    return {
        ...index,
        expertiseByOffering: indexExpertise(listOf(data.expertise), offeringIds),
        statsByOffering: indexStats(listOf(data.specialistStats), offeringIds)
    };
}
