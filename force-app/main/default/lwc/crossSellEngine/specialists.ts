/**
 * Ranks the specialists to involve for one offering: expertise level, smoothed win rate on the offering,
 * shared history with the rep (trust; weighted more for complex offerings), average rating, knowledge of
 * the account and free capacity. Inactive and over-capacity specialists rank after everyone available.
 */
import type {
    Complexity,
    ExpertiseInfo,
    OfferingInfo,
    PanelData,
    RepSpecialistHistory,
    Settings,
    SpecialistInfo,
    SpecialistOfferingStats
} from './contract';
import { resolveSettings } from './defaults';
import { indexPanel, levelRank, type PanelIndex } from './panelIndex';
import { reason } from './reasons';
import { compareText, orderReasons, part, round, type WeightedReason } from './scoring';
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
    return specialist.active === false ? 2 : 1;
}

/** A candidate's numbers; parts and reasons are only built for the candidates kept. */
interface Candidate {
    specialist: SpecialistInfo;
    expertise: ExpertiseInfo;
    stats: SpecialistOfferingStats | undefined;
    history: RepSpecialistHistory | undefined;
    available: boolean;
    group: number;
    levelRank: number;
    /** Value of each part, in SPECIALIST_PART_ORDER. */
    values: number[];
    /** Weight of each part (after the complexity multiplier), in SPECIALIST_PART_ORDER. */
    weights: number[];
    score: number;
}

const SPECIALIST_PART_ORDER = [
    SPECIALIST_PARTS.expertise,
    SPECIALIST_PARTS.winRate,
    SPECIALIST_PARTS.sharedHistory,
    SPECIALIST_PARTS.rating,
    SPECIALIST_PARTS.accountKnowledge,
    SPECIALIST_PARTS.load
];

function ratingOf(stats: SpecialistOfferingStats | undefined): { average: number | null; count: number } {
    const average = stats?.averageRating;
    if (average === null || average === undefined || !Number.isFinite(average)) return { average: null, count: 0 };
    return { average, count: Math.max(0, stats?.ratingCount || 0) };
}

function capacityOf(specialist: SpecialistInfo): number | null {
    return typeof specialist.capacity === 'number' && specialist.capacity >= 0 ? specialist.capacity : null;
}

function tiesOf(history: RepSpecialistHistory | undefined): number {
    if (!history) return 0;
    // A joint win is the strongest tie (it counts twice); every joint attempt and touchpoint adds one.
    return (
        2 * Math.max(0, history.jointWins || 0) +
        Math.max(0, history.jointAttempts || 0) +
        Math.max(0, history.connections || 0)
    );
}

/** The part weights for an offering, in SPECIALIST_PART_ORDER. */
function weightsFor(settings: Settings, multiplier: number): number[] {
    return [
        settings.expertiseWeight,
        settings.winRateWeight,
        settings.sharedHistoryWeight * multiplier,
        settings.ratingWeight,
        settings.accountKnowledgeWeight,
        settings.loadWeight
    ];
}

/**
 * Writes the part values into `out` (in SPECIALIST_PART_ORDER) and returns the score. Allocation-free: on a
 * large account it runs once per expertise row, and only the candidates that make the list get parts and
 * reasons.
 */
function measure(
    out: number[],
    weights: number[],
    specialist: SpecialistInfo,
    expertise: ExpertiseInfo,
    stats: SpecialistOfferingStats | undefined,
    history: RepSpecialistHistory | undefined
): number {
    const ties = tiesOf(history);
    const average = stats?.averageRating;
    const rated = average !== null && average !== undefined && Number.isFinite(average);
    const capacity = capacityOf(specialist) ?? DEFAULT_CAPACITY;
    const free = Math.max(0, capacity - Math.max(0, specialist.openIntros || 0));
    // Practitioner 1/3, Expert 2/3, Lead 1
    out[0] = levelRank(expertise.level) / 3;
    out[1] = smoothedWinRate(stats?.wins ?? 0, stats?.losses ?? 0);
    out[2] = ties / (ties + TIE_HALF);
    out[3] = smoothedRating(rated ? average : null, rated ? stats?.ratingCount || 0 : 0);
    out[4] = specialist.knowsAccount ? 1 : 0;
    out[5] = capacity > 0 ? free / capacity : 0;
    let sum = 0;
    for (let i = 0; i < out.length; i++) sum += round(weights[i] * out[i]);
    return round(sum);
}

function isAvailable(specialist: SpecialistInfo): boolean {
    const capacity = capacityOf(specialist) ?? DEFAULT_CAPACITY;
    return specialist.active !== false && Math.max(0, specialist.openIntros || 0) < capacity;
}

/** The parts and reasons behind a candidate's score. */
function explain(candidate: Candidate, offering: OfferingInfo, data: PanelData, multiplier: number): RankedSpecialist {
    const { specialist, expertise, stats, history } = candidate;
    const parts: ScorePart[] = SPECIALIST_PART_ORDER.map((key, i) =>
        part(key, candidate.weights[i], candidate.values[i])
    );
    const points = (key: string): number => parts.find((p) => p.key === key)?.points ?? 0;
    const weighted: WeightedReason[] = [];

    weighted.push({
        reason: reason('Crossway_Reason_ExpertiseLevel', expertise.level, offering.name),
        points: points(SPECIALIST_PARTS.expertise)
    });
    const wins = Math.max(0, stats?.wins ?? 0);
    const losses = Math.max(0, stats?.losses ?? 0);
    if (wins + losses > 0) {
        weighted.push({
            reason: reason('Crossway_Reason_WinRecord', wins, wins + losses),
            points: points(SPECIALIST_PARTS.winRate)
        });
    }
    const joint = Math.max(0, history?.jointAttempts ?? 0);
    const connections = Math.max(0, history?.connections ?? 0);
    const tiePoints = points(SPECIALIST_PARTS.sharedHistory);
    if (joint > 0) {
        weighted.push({
            reason: reason('Crossway_Reason_SharedAttempts', joint, Math.max(0, history?.jointWins ?? 0)),
            points: tiePoints
        });
    }
    if (connections > 0) {
        weighted.push({ reason: reason('Crossway_Reason_Connections', connections), points: tiePoints });
    }
    if (tiesOf(history) > 0 && multiplier > 1) {
        weighted.push({
            reason: reason('Crossway_Reason_ComplexTies', offering.name, round(multiplier, 2)),
            points: tiePoints / 2
        });
    }
    const rating = ratingOf(stats);
    if (rating.count > 0 && rating.average !== null) {
        weighted.push({
            reason: reason('Crossway_Reason_Rating', round(rating.average, 1), rating.count),
            points: points(SPECIALIST_PARTS.rating)
        });
    }
    if (specialist.knowsAccount) {
        weighted.push({
            reason: reason('Crossway_Reason_KnowsAccount', data.account?.name ?? ''),
            points: points(SPECIALIST_PARTS.accountKnowledge)
        });
    }
    const capacity = capacityOf(specialist);
    const effectiveCapacity = capacity ?? DEFAULT_CAPACITY;
    const open = Math.max(0, specialist.openIntros || 0);
    if (candidate.available && capacity !== null) {
        weighted.push({
            reason: reason('Crossway_Reason_Capacity', Math.max(0, capacity - open), capacity),
            points: points(SPECIALIST_PARTS.load)
        });
    }

    const reasons = orderReasons(weighted);
    if (specialist.active === false) reasons.unshift(reason('Crossway_Reason_Inactive'));
    else if (!candidate.available) reasons.unshift(reason('Crossway_Reason_AtCapacity', open, effectiveCapacity));
    if (!specialist.userId) reasons.push(reason('Crossway_Reason_NoUser'));

    return {
        specialist,
        level: expertise.level,
        score: candidate.score,
        parts,
        reasons,
        available: candidate.available
    };
}

function compareCandidates(a: Candidate, b: Candidate): number {
    return (
        a.group - b.group ||
        b.score - a.score ||
        b.levelRank - a.levelRank ||
        compareText(a.specialist.name, b.specialist.name) ||
        compareText(a.specialist.id, b.specialist.id)
    );
}

/** Whether a not-yet-built candidate ranks strictly before `other` (the same order as compareCandidates). */
function ranksBefore(
    group: number,
    score: number,
    levelRank: number,
    specialist: SpecialistInfo,
    other: Candidate
): boolean {
    if (group !== other.group) return group < other.group;
    if (score !== other.score) return score > other.score;
    if (levelRank !== other.levelRank) return levelRank > other.levelRank;
    return (compareText(specialist.name, other.specialist.name) || compareText(specialist.id, other.specialist.id)) < 0;
}

/**
 * The specialists with expertise on the offering, best first: available ones by score, then those at
 * capacity, then inactive ones, each with reasons. The running user is never suggested to themselves.
 * `limit` caps the list (all when omitted).
 */
export function rankSpecialists(
    data: PanelData,
    offering: OfferingInfo,
    index: PanelIndex = indexPanel(data, new Set([offering.id])),
    limit: number = Infinity
): RankedSpecialist[] {
    const settings = resolveSettings(data.settings);
    const userId = data.user?.id ?? null;
    const multiplier = tieMultiplier(offering.complexity, settings);
    const weights = weightsFor(settings, multiplier);
    const statsFor = index.statsByOffering.get(offering.id);
    const values = [0, 0, 0, 0, 0, 0];
    const rows = index.expertiseByOffering.get(offering.id) ?? [];
    const keep = Math.max(0, Math.min(limit, rows.length));
    // Best first, at most `keep`; a specialist listed twice keeps the better row (the higher level).
    const kept: Candidate[] = [];
    for (const expertise of rows) {
        // Look up by the row's own id string: its hash is computed once and reused for every lookup.
        const specialistId = expertise.specialistId;
        const specialist = index.specialistsById.get(specialistId);
        if (!specialist) continue;
        const stats = statsFor?.get(specialistId);
        const history = index.historyBySpecialist.get(specialistId);
        const score = measure(values, weights, specialist, expertise, stats, history);
        const available = isAvailable(specialist);
        const group = availabilityGroup(specialist, available);
        const rank = levelRank(expertise.level);
        if (kept.length >= keep && (keep === 0 || !ranksBefore(group, score, rank, specialist, kept[keep - 1]))) {
            continue;
        }
        // The running user is never suggested to themselves (checked only for candidates that make the list).
        if (userId !== null && specialist.userId === userId) continue;
        const candidate: Candidate = {
            specialist,
            expertise,
            stats,
            history,
            available,
            group,
            levelRank: rank,
            values: values.slice(),
            weights,
            score
        };
        const twin = kept.findIndex((other) => other.specialist.id === specialist.id);
        if (twin >= 0) {
            if (compareCandidates(candidate, kept[twin]) >= 0) continue;
            kept.splice(twin, 1);
        }
        let at = kept.length;
        while (at > 0 && compareCandidates(candidate, kept[at - 1]) < 0) at--;
        kept.splice(at, 0, candidate);
        if (kept.length > keep) kept.pop();
    }
    return kept.map((candidate) => explain(candidate, offering, data, multiplier));
}
