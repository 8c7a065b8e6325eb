/**
 * Ranks the offerings an account does not buy. The score is a sum of weighted parts, each explained by
 * a reason: peer adoption in the account's industry, fit with the offering's target industries, typical
 * deal size, and a fading penalty for a past dismissal or loss.
 */
import type { AttemptInfo, OfferingInfo, PanelData, Settings } from './contract';
import { dayNumber, isoDate, todayNumber } from './dates';
import { indexOfferingFacts, listOf, type PanelIndex } from './panelIndex';
import { reason } from './reasons';
import { compactAmount, compareText, orderReasons, part, total, type WeightedReason } from './scoring';
import { resolveSettings } from './defaults';
import type { ExcludedOffering, RankedOffering, ScorePart } from './types';

/** Score part keys for offerings. */
export const OFFERING_PARTS = Object.freeze({
    peerAdoption: 'peerAdoption',
    industryFit: 'industryFit',
    dealSize: 'dealSize',
    pastAttempt: 'pastAttempt'
});

/**
 * Pseudo-accounts added to every segment: adoption is buyers / (segment + 2), so 1 buyer of 1 peer
 * (0.33) counts for less than 7 of 10 (0.58), and more buyers always raise the value.
 */
export const PEER_PRIOR = 2;

const CLOSED_NEGATIVE = new Set(['Lost', 'Not Pursued']);
const CLOSED_STATUSES = new Set(['Won', 'Lost', 'Not Pursued']);

export interface OfferingRanking {
    /** Every suggestion, best first, with `specialists` still empty. */
    offerings: RankedOffering[];
    excluded: ExcludedOffering[];
}

function attemptDay(attempt: AttemptInfo): number | null {
    return dayNumber(attempt.closedDate) ?? dayNumber(attempt.statusChangedDate) ?? dayNumber(attempt.createdDate);
}

function isOpen(attempt: AttemptInfo): boolean {
    if (typeof attempt.isClosed === 'boolean') return !attempt.isClosed && !CLOSED_STATUSES.has(attempt.status);
    return !CLOSED_STATUSES.has(attempt.status);
}

interface AttemptSummary {
    open: boolean;
    /** Day of a Won attempt within the lookback (or undated). */
    won: boolean;
    /** The latest Lost or Not Pursued attempt. */
    lastNegative: AttemptInfo | null;
    lastNegativeDay: number;
    /** Day of the latest Not Pursued attempt (a dismissal suppresses the suggestion for a while). */
    lastDismissalDay: number;
}

function summarizeAttempts(attempts: AttemptInfo[], today: number, settings: Settings): Map<string, AttemptSummary> {
    const result = new Map<string, AttemptSummary>();
    for (const attempt of attempts) {
        if (!attempt || !attempt.offeringId) continue;
        let summary = result.get(attempt.offeringId);
        if (!summary) {
            summary = {
                open: false,
                won: false,
                lastNegative: null,
                lastNegativeDay: -Infinity,
                lastDismissalDay: -Infinity
            };
            result.set(attempt.offeringId, summary);
        }
        const day = attemptDay(attempt);
        if (isOpen(attempt)) {
            summary.open = true;
        } else if (attempt.status === 'Won') {
            if (day === null || today - day <= settings.lookbackDays) summary.won = true;
        } else if (CLOSED_NEGATIVE.has(attempt.status) && day !== null) {
            if (day > summary.lastNegativeDay) {
                summary.lastNegative = attempt;
                summary.lastNegativeDay = day;
            }
            if (attempt.status === 'Not Pursued' && day > summary.lastDismissalDay) summary.lastDismissalDay = day;
        }
    }
    return result;
}

/** Offering ids the account buys: holdings from a counted source within the lookback (undated ones count). */
function heldOfferings(data: PanelData, today: number, settings: Settings): Set<string> {
    const held = new Set<string>();
    for (const holding of listOf(data.holdings)) {
        if (!holding || !settings.soldSources.includes(holding.source)) continue;
        const day = dayNumber(holding.purchaseDate);
        if (day === null || today - day <= settings.lookbackDays) held.add(holding.offeringId);
    }
    return held;
}

function largestDealSize(offerings: OfferingInfo[]): number {
    let largest = 0;
    for (const offering of offerings) {
        const size = offering.typicalDealSize;
        if (typeof size === 'number' && size > largest) largest = size;
    }
    return largest;
}

interface Scored {
    ranked: RankedOffering;
    peerValue: number;
}

function scoreOffering(
    offering: OfferingInfo,
    data: PanelData,
    index: PanelIndex,
    settings: Settings,
    context: { today: number; largestDeal: number; summary: AttemptSummary | undefined }
): Scored {
    const weighted: WeightedReason[] = [];
    const parts: ScorePart[] = [];
    const industry = data.account?.industry || null;

    const peer = index.peerByOffering.get(offering.id);
    const buyers = Math.max(0, peer?.buyers ?? 0);
    const segment = Math.max(buyers, peer?.segmentSize ?? 0);
    const peerValue = segment > 0 ? buyers / (segment + PEER_PRIOR) : 0;
    const peerPart = part(OFFERING_PARTS.peerAdoption, settings.peerAdoptionWeight, peerValue);
    parts.push(peerPart);
    if (buyers > 0) {
        weighted.push({
            reason: industry
                ? reason('Crossway_Reason_PeerAdoption', buyers, segment, industry, offering.name)
                : reason('Crossway_Reason_PeerAdoptionFirmWide', buyers, segment, offering.name),
            points: peerPart.points
        });
    }

    const targets = listOf(offering.targetIndustries);
    const fits = industry !== null && targets.includes(industry);
    const fitPart = part(OFFERING_PARTS.industryFit, settings.industryFitWeight, fits ? 1 : 0);
    parts.push(fitPart);
    if (fits && industry)
        weighted.push({ reason: reason('Crossway_Reason_IndustryFit', industry), points: fitPart.points });

    const size =
        typeof offering.typicalDealSize === 'number' && offering.typicalDealSize > 0 ? offering.typicalDealSize : 0;
    // Square root: a deal ten times larger is worth about three times more, so size informs but never dominates.
    const sizeValue = context.largestDeal > 0 ? Math.sqrt(size / context.largestDeal) : 0;
    const sizePart = part(OFFERING_PARTS.dealSize, settings.dealSizeWeight, sizeValue);
    parts.push(sizePart);
    if (size > 0)
        weighted.push({ reason: reason('Crossway_Reason_DealSize', compactAmount(size)), points: sizePart.points });

    const penalty = pastAttemptPenalty(context.summary, context.today, settings);
    const penaltyPart = part(OFFERING_PARTS.pastAttempt, settings.dismissalPenaltyWeight, penalty.value);
    parts.push(penaltyPart);
    if (penalty.attempt) {
        const outcome = penalty.attempt.outcomeReason || '';
        weighted.push({
            reason: reason(
                penalty.attempt.status === 'Lost' ? 'Crossway_Reason_LostBefore' : 'Crossway_Reason_DismissedBefore',
                penalty.daysAgo,
                outcome
            ),
            points: penaltyPart.points
        });
    }

    const familiarity = index.familiarityByOffering.get(offering.id);
    const newToRep = !familiarity || (!(familiarity.attempts > 0) && !(familiarity.wins > 0));
    const topSellers = index.sellersByOffering.get(offering.id) ?? [];
    const reasons = orderReasons(weighted);
    if (newToRep) {
        reasons.push(reason('Crossway_Reason_NewToYou'));
        if (topSellers.length > 0)
            reasons.push(reason('Crossway_Reason_TopSeller', topSellers[0].name, topSellers[0].wins));
    } else if (familiarity) {
        reasons.push(reason('Crossway_Reason_RepExperience', familiarity.attempts, familiarity.wins));
    }

    return {
        ranked: {
            offering,
            rank: 0,
            score: total(parts),
            parts,
            reasons,
            newToRep,
            topSellers,
            specialists: []
        },
        peerValue
    };
}

/**
 * The penalty of the latest dismissal (after its suppression ended) or loss: -1 right after, fading
 * linearly to 0 at the end of the lookback.
 */
function pastAttemptPenalty(
    summary: AttemptSummary | undefined,
    today: number,
    settings: Settings
): { value: number; attempt: AttemptInfo | null; daysAgo: number } {
    const attempt = summary?.lastNegative ?? null;
    if (!summary || !attempt) return { value: 0, attempt: null, daysAgo: 0 };
    const daysAgo = Math.max(0, today - summary.lastNegativeDay);
    const start = attempt.status === 'Not Pursued' ? settings.suppressionDays : 0;
    const span = settings.lookbackDays - start;
    if (span <= 0 || daysAgo >= settings.lookbackDays) return { value: 0, attempt: null, daysAgo };
    const fade = Math.min(1, Math.max(0, (daysAgo - start) / span));
    return { value: -(1 - fade), attempt, daysAgo };
}

function compareScored(a: Scored, b: Scored): number {
    return (
        b.ranked.score - a.ranked.score ||
        b.peerValue - a.peerValue ||
        compareText(a.ranked.offering.name, b.ranked.offering.name) ||
        compareText(a.ranked.offering.id, b.ranked.offering.id)
    );
}

/**
 * Every active offering the account does not buy, has not won, is not working on and has not dismissed
 * within the suppression period, best first (specialists not yet ranked), plus the exclusions and why
 * (ordered by offering name).
 */
export function rankOfferings(data: PanelData, index: PanelIndex = indexOfferingFacts(data)): OfferingRanking {
    const settings = resolveSettings(data.settings);
    const today = todayNumber(data.today);
    const offerings = listOf(data.offerings).filter((offering) => offering && offering.id);
    const held = heldOfferings(data, today, settings);
    const attempts = summarizeAttempts(listOf(data.attempts), today, settings);
    const largestDeal = largestDealSize(offerings);

    const excluded: ExcludedOffering[] = [];
    const scored: Scored[] = [];
    const seen = new Set<string>();
    for (const offering of offerings) {
        if (seen.has(offering.id)) continue;
        seen.add(offering.id);
        const summary = attempts.get(offering.id);
        if (held.has(offering.id)) {
            excluded.push({ offeringId: offering.id, cause: 'Held', until: null });
        } else if (summary?.won) {
            excluded.push({ offeringId: offering.id, cause: 'Won', until: null });
        } else if (summary?.open) {
            excluded.push({ offeringId: offering.id, cause: 'InProgress', until: null });
        } else if (summary && today - summary.lastDismissalDay < settings.suppressionDays) {
            excluded.push({
                offeringId: offering.id,
                cause: 'Suppressed',
                until: isoDate(summary.lastDismissalDay + settings.suppressionDays)
            });
        } else {
            scored.push(scoreOffering(offering, data, index, settings, { today, largestDeal, summary }));
        }
    }
    scored.sort(compareScored);
    const names = new Map(offerings.map((offering) => [offering.id, offering.name]));
    excluded.sort(
        (a, b) =>
            compareText(names.get(a.offeringId), names.get(b.offeringId)) || compareText(a.offeringId, b.offeringId)
    );
    const ranked = scored.map((entry, position) => {
        entry.ranked.rank = position + 1;
        return entry.ranked;
    });
    return { offerings: ranked, excluded };
}
