/**
 * Ranks the specialists to involve for one offering: expertise level, smoothed win rate on the offering,
 * shared history with the rep (trust; weighted more for complex offerings), average rating, knowledge of
 * the account and free capacity. Inactive and over-capacity specialists rank after everyone available.
 */
import type { Complexity, ExpertiseInfo, OfferingInfo, PanelData, Settings, SpecialistInfo } from './contract';
import { resolveSettings } from './defaults';
import { indexPanel, LEVEL_RANK, type PanelIndex } from './panelIndex';
import { reason } from './reasons';
import { compareText, orderReasons, part, round, total, type WeightedReason } from './scoring';
import type { RankedSpecialist, ScorePart } from './types';

/** Score part keys for specialists. */
export const SPECIALIST_PARTS = Object.freeze({
    expertise: 'expertise',
    winRate: 'winRate',
    sharedHistory: 'sharedHistory',
    rating: 'rating',
    accountKnowledge: 'accountKnowledge',
    load: 'load'
});

/**
 * Win rates are smoothed toward 50% as if every specialist had WIN_PRIOR_ATTEMPTS more closed attempts,
 * half of them won: 1 win of 1 scores 0.55, 30 wins of 50 scores 0.58, no record 0.5.
 */
export const WIN_PRIOR_ATTEMPTS = 10;
export const WIN_PRIOR_RATE = 0.5;
/** Ratings (1-5) are smoothed toward 3 as if there were this many more ratings of 3. */
export const RATING_PRIOR_COUNT = 3;
export const RATING_PRIOR = 3;
/** Shared-history strength: ties / (ties + TIE_HALF), so TIE_HALF ties score 0.5. */
export const TIE_HALF = 4;
/** Capacity assumed when a specialist has none recorded. */
export const DEFAULT_CAPACITY = 5;

const LEVEL_VALUE: Readonly<Record<string, number>> = Object.freeze({ Practitioner: 1 / 3, Expert: 2 / 3, Lead: 1 });

/** The shared-history multiplier: the full multiplier for High complexity, half of the extra for Medium. */
export function tieMultiplier(complexity: Complexity | null | undefined, settings: Settings): number {
    if (complexity === 'High') return settings.complexTieMultiplier;
    if (complexity === 'Medium') return 1 + (settings.complexTieMultiplier - 1) / 2;
    return 1;
}

/** Smoothed win rate, 0..1. */
export function smoothedWinRate(wins: number, losses: number): number {
    const w = Math.max(0, wins || 0);
    const l = Math.max(0, losses || 0);
    return (w + WIN_PRIOR_RATE * WIN_PRIOR_ATTEMPTS) / (w + l + WIN_PRIOR_ATTEMPTS);
}

/** Smoothed average rating mapped onto 0..1 (1 star = 0, 5 stars = 1). */
export function smoothedRating(average: number | null, count: number): number {
    const n = average === null || !Number.isFinite(average) ? 0 : Math.max(0, count || 0);
    const mean =
        n > 0
            ? (Math.min(5, Math.max(1, average as number)) * n + RATING_PRIOR * RATING_PRIOR_COUNT) /
              (n + RATING_PRIOR_COUNT)
            : RATING_PRIOR;
    return (mean - 1) / 4;
}

/** Where an unavailable specialist goes: available first, then at capacity, then inactive. */
function availabilityGroup(specialist: SpecialistInfo, available: boolean): number {
    if (available) return 0;
    return specialist.active ? 1 : 2;
}

interface Candidate {
    ranked: RankedSpecialist;
    group: number;
    levelRank: number;
}

function scoreSpecialist(
    specialist: SpecialistInfo,
    expertise: ExpertiseInfo,
    offering: OfferingInfo,
    data: PanelData,
    index: PanelIndex,
    settings: Settings
): Candidate {
    const parts: ScorePart[] = [];
    const weighted: WeightedReason[] = [];

    const levelPart = part(SPECIALIST_PARTS.expertise, settings.expertiseWeight, LEVEL_VALUE[expertise.level] ?? 0);
    parts.push(levelPart);
    weighted.push({
        reason: reason('Crossway_Reason_ExpertiseLevel', expertise.level, offering.name),
        points: levelPart.points
    });

    const stats = index.statsByOffering.get(offering.id)?.get(specialist.id);
    const wins = Math.max(0, stats?.wins ?? 0);
    const losses = Math.max(0, stats?.losses ?? 0);
    const winPart = part(SPECIALIST_PARTS.winRate, settings.winRateWeight, smoothedWinRate(wins, losses));
    parts.push(winPart);
    if (wins + losses > 0) {
        weighted.push({ reason: reason('Crossway_Reason_WinRecord', wins, wins + losses), points: winPart.points });
    }

    const history = index.historyBySpecialist.get(specialist.id);
    const joint = Math.max(0, history?.jointAttempts ?? 0);
    const jointWins = Math.max(0, history?.jointWins ?? 0);
    const connections = Math.max(0, history?.connections ?? 0);
    // A joint win is the strongest tie (it counts twice); every joint attempt and touchpoint adds one.
    const ties = 2 * jointWins + joint + connections;
    const multiplier = tieMultiplier(offering.complexity, settings);
    const tiePart = part(
        SPECIALIST_PARTS.sharedHistory,
        settings.sharedHistoryWeight * multiplier,
        ties / (ties + TIE_HALF)
    );
    parts.push(tiePart);
    if (joint > 0) {
        weighted.push({ reason: reason('Crossway_Reason_SharedAttempts', joint, jointWins), points: tiePart.points });
    }
    if (connections > 0) {
        weighted.push({ reason: reason('Crossway_Reason_Connections', connections), points: tiePart.points });
    }
    if (ties > 0 && multiplier > 1) {
        weighted.push({
            reason: reason('Crossway_Reason_ComplexTies', offering.name, round(multiplier, 2)),
            points: tiePart.points / 2
        });
    }

    const ratingCount = stats?.averageRating === null || stats?.averageRating === undefined ? 0 : stats.ratingCount;
    const ratingPart = part(
        SPECIALIST_PARTS.rating,
        settings.ratingWeight,
        smoothedRating(stats?.averageRating ?? null, ratingCount)
    );
    parts.push(ratingPart);
    if (stats && ratingCount > 0 && stats.averageRating !== null) {
        weighted.push({
            reason: reason('Crossway_Reason_Rating', round(stats.averageRating, 1), ratingCount),
            points: ratingPart.points
        });
    }

    const knowsPart = part(
        SPECIALIST_PARTS.accountKnowledge,
        settings.accountKnowledgeWeight,
        specialist.knowsAccount ? 1 : 0
    );
    parts.push(knowsPart);
    if (specialist.knowsAccount) {
        weighted.push({
            reason: reason('Crossway_Reason_KnowsAccount', data.account?.name ?? ''),
            points: knowsPart.points
        });
    }

    const capacity = typeof specialist.capacity === 'number' && specialist.capacity >= 0 ? specialist.capacity : null;
    const effectiveCapacity = capacity ?? DEFAULT_CAPACITY;
    const open = Math.max(0, specialist.openIntros || 0);
    const free = Math.max(0, effectiveCapacity - open);
    const loadPart = part(
        SPECIALIST_PARTS.load,
        settings.loadWeight,
        effectiveCapacity > 0 ? free / effectiveCapacity : 0
    );
    parts.push(loadPart);
    const active = specialist.active !== false;
    const available = active && free > 0;
    if (available && capacity !== null) {
        weighted.push({ reason: reason('Crossway_Reason_Capacity', free, capacity), points: loadPart.points });
    }

    const reasons = orderReasons(weighted);
    if (!active) reasons.unshift(reason('Crossway_Reason_Inactive'));
    else if (!available) reasons.unshift(reason('Crossway_Reason_AtCapacity', open, effectiveCapacity));
    if (!specialist.userId) reasons.push(reason('Crossway_Reason_NoUser'));

    return {
        ranked: { specialist, level: expertise.level, score: total(parts), parts, reasons, available },
        group: availabilityGroup(specialist, available),
        levelRank: LEVEL_RANK[expertise.level] ?? 0
    };
}

function compareCandidates(a: Candidate, b: Candidate): number {
    return (
        a.group - b.group ||
        b.ranked.score - a.ranked.score ||
        b.levelRank - a.levelRank ||
        compareText(a.ranked.specialist.name, b.ranked.specialist.name) ||
        compareText(a.ranked.specialist.id, b.ranked.specialist.id)
    );
}

/**
 * The specialists with expertise on the offering, best first: available ones by score, then those at
 * capacity, then inactive ones, each with reasons. The running user is never suggested to themselves.
 * `limit` caps the list (all when omitted).
 */
export function rankSpecialists(
    data: PanelData,
    offering: OfferingInfo,
    index: PanelIndex = indexPanel(data),
    limit: number = Infinity
): RankedSpecialist[] {
    const settings = resolveSettings(data.settings);
    const userId = data.user?.id ?? null;
    const candidates: Candidate[] = [];
    for (const expertise of index.expertiseByOffering.get(offering.id) ?? []) {
        const specialist = index.specialistsById.get(expertise.specialistId);
        if (!specialist) continue;
        if (userId !== null && specialist.userId === userId) continue;
        candidates.push(scoreSpecialist(specialist, expertise, offering, data, index, settings));
    }
    candidates.sort(compareCandidates);
    const kept = limit < candidates.length ? candidates.slice(0, Math.max(0, limit)) : candidates;
    return kept.map((candidate) => candidate.ranked);
}
