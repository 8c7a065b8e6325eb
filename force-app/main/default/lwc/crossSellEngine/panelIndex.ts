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

/** Practitioner 1, Expert 2, Lead 3, anything else 0. A switch, not a keyed lookup: it runs once per row. */
export function levelRank(level: string | null | undefined): number {
    switch (level) {
        case 'Lead':
            return 3;
        case 'Expert':
            return 2;
        case 'Practitioner':
            return 1;
        default:
            return 0;
    }
}

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

function wanted(offeringId: string | null | undefined, only: ReadonlySet<string> | null): boolean {
    return only === null || (offeringId !== null && offeringId !== undefined && only.has(offeringId));
}

/** Expertise rows by offering (a repeated specialist is resolved when ranking: the higher level wins). */
function indexExpertise(rows: ExpertiseInfo[], only: ReadonlySet<string> | null): Map<string, ExpertiseInfo[]> {
    const result = new Map<string, ExpertiseInfo[]>();
    for (const row of rows) {
        // Only the offering id is read for rows of offerings not asked for: on a large account that is most rows.
        if (!row || !wanted(row.offeringId, only) || !row.offeringId || !row.specialistId) continue;
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

function noOfferings(): PanelIndex {
    return {
        specialistsById: new Map(),
        expertiseByOffering: new Map(),
        statsByOffering: new Map(),
        historyBySpecialist: new Map(),
        peerByOffering: new Map(),
        familiarityByOffering: new Map(),
        sellersByOffering: new Map()
    };
}

/** The lookups that rank offerings: peer adoption and the rep's familiarity (nothing about specialists). */
export function indexOfferingFacts(data: PanelData): PanelIndex {
    return {
        ...noOfferings(),
        peerByOffering: byKey(listOf(data.peerAdoption), (row) => row.offeringId),
        familiarityByOffering: byKey(listOf(data.repFamiliarity), (row) => row.offeringId)
    };
}

/**
 * Adds what explaining the given offerings and ranking their specialists needs: their expertise rows, track
 * records and sellers, and only the specialists (and the rep's history with them) those rows name.
 */
export function indexCandidates(data: PanelData, facts: PanelIndex, offeringIds: ReadonlySet<string>): PanelIndex {
    const expertiseByOffering = indexExpertise(listOf(data.expertise), offeringIds);
    const named = new Set<string>();
    for (const rows of expertiseByOffering.values()) {
        for (const row of rows) named.add(row.specialistId);
    }
    const specialistsById = new Map<string, SpecialistInfo>();
    for (const row of listOf(data.specialists)) {
        if (row && named.has(row.id)) specialistsById.set(row.id, row);
    }
    const historyBySpecialist = new Map<string, RepSpecialistHistory>();
    for (const row of listOf(data.repHistory)) {
        if (row && named.has(row.specialistId)) historyBySpecialist.set(row.specialistId, row);
    }
    return {
        ...facts,
        specialistsById,
        expertiseByOffering,
        statsByOffering: indexStats(listOf(data.specialistStats), offeringIds),
        historyBySpecialist,
        sellersByOffering: indexSellers(listOf(data.topSellers).filter((row) => row && offeringIds.has(row.offeringId)))
    };
}

/**
 * Builds every lookup for one panel's data; missing lists count as empty. With `onlyOfferings`, what concerns
 * specialists and sellers is indexed for those offerings only.
 */
export function indexPanel(data: PanelData, onlyOfferings: ReadonlySet<string> | null = null): PanelIndex {
    const facts = indexOfferingFacts(data);
    if (onlyOfferings !== null) return indexCandidates(data, facts, onlyOfferings);
    return {
        ...facts,
        specialistsById: byKey(listOf(data.specialists), (row) => row.id),
        expertiseByOffering: indexExpertise(listOf(data.expertise), null),
        statsByOffering: indexStats(listOf(data.specialistStats), null),
        historyBySpecialist: byKey(listOf(data.repHistory), (row) => row.specialistId),
        sellersByOffering: indexSellers(listOf(data.topSellers))
    };
}
