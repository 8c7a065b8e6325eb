/**
 * Ranks the offerings an account does not buy. The score is a sum of weighted parts, each explained by
 * a reason: peer adoption in the account's industry, fit with the offering's target industries, typical
 * deal size, and a fading penalty for a past dismissal or loss.
 */
import type { AttemptInfo, OfferingInfo, PanelData, Settings } from './contract';
import { dayNumber, isoDate, todayNumber } from './dates';
import { indexPanel, listOf, type PanelIndex } from './panelIndex';
import { reason } from './reasons';
import { compactAmount, compareText, orderReasons, part, round, type WeightedReason } from './scoring';
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
    /** A Won attempt within the lookback (or undated). */
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

/** An offering's numbers; parts and reasons are built only for the offerings listed. */
interface Measured {
    offering: OfferingInfo;
    summary: AttemptSummary | undefined;
    buyers: number;
    segment: number;
    fits: boolean;
    size: number;
    /** Values of peerAdoption, industryFit, dealSize, pastAttempt. */
    values: [number, number, number, number];
    penalty: Penalty;
    score: number;
}

interface Context {
    settings: Settings;
    today: number;
    largestDeal: number;
    industry: string | null;
}

function measureOffering(
    offering: OfferingInfo,
    summary: AttemptSummary | undefined,
    index: PanelIndex,
    context: Context
): Measured {
    const { settings, industry } = context;
    const peer = index.peerByOffering.get(offering.id);
    const buyers = Math.max(0, peer?.buyers ?? 0);
    const segment = Math.max(buyers, peer?.segmentSize ?? 0);
    const fits = industry !== null && listOf(offering.targetIndustries).includes(industry);
    const size =
        typeof offering.typicalDealSize === 'number' && offering.typicalDealSize > 0 ? offering.typicalDealSize : 0;
    const penalty = pastAttemptPenalty(summary, context.today, settings);
    const values: [number, number, number, number] = [
        segment > 0 ? buyers / (segment + PEER_PRIOR) : 0,
        fits ? 1 : 0,
        // Square root: a deal ten times larger is worth about three times more, so size informs but never dominates.
        context.largestDeal > 0 ? Math.sqrt(size / context.largestDeal) : 0,
        penalty.value
    ];
    const score = round(
        round(settings.peerAdoptionWeight * values[0]) +
            round(settings.industryFitWeight * values[1]) +
            round(settings.dealSizeWeight * values[2]) +
            round(settings.dismissalPenaltyWeight * values[3])
    );
    return { offering, summary, buyers, segment, fits, size, values, penalty, score };
}

/** The parts, reasons and rep familiarity behind a measured offering. */
function explainOffering(measured: Measured, rank: number, index: PanelIndex, context: Context): RankedOffering {
    const { offering, values, penalty } = measured;
    const { settings, industry } = context;
    const parts: ScorePart[] = [
        part(OFFERING_PARTS.peerAdoption, settings.peerAdoptionWeight, values[0]),
        part(OFFERING_PARTS.industryFit, settings.industryFitWeight, values[1]),
        part(OFFERING_PARTS.dealSize, settings.dealSizeWeight, values[2]),
        part(OFFERING_PARTS.pastAttempt, settings.dismissalPenaltyWeight, values[3])
    ];
    const weighted: WeightedReason[] = [];
    if (measured.buyers > 0) {
        weighted.push({
            reason: industry
                ? reason('Crossway_Reason_PeerAdoption', measured.buyers, measured.segment, industry, offering.name)
                : reason('Crossway_Reason_PeerAdoptionFirmWide', measured.buyers, measured.segment, offering.name),
            points: parts[0].points
        });
    }
    if (measured.fits && industry) {
        weighted.push({ reason: reason('Crossway_Reason_IndustryFit', industry), points: parts[1].points });
    }
    if (measured.size > 0) {
        weighted.push({
            reason: reason('Crossway_Reason_DealSize', compactAmount(measured.size)),
            points: parts[2].points
        });
    }
    if (penalty.attempt) {
        weighted.push({
            reason: reason(
                penalty.attempt.status === 'Lost' ? 'Crossway_Reason_LostBefore' : 'Crossway_Reason_DismissedBefore',
                penalty.daysAgo,
                penalty.attempt.outcomeReason || ''
            ),
            points: parts[3].points
        });
    }

    const familiarity = index.familiarityByOffering.get(offering.id);
    const newToRep = !familiarity || (!(familiarity.attempts > 0) && !(familiarity.wins > 0));
    const topSellers = index.sellersByOffering.get(offering.id) ?? [];
    const reasons = orderReasons(weighted);
    if (newToRep) {
        reasons.push(reason('Crossway_Reason_NewToYou'));
        if (topSellers.length > 0) {
            reasons.push(reason('Crossway_Reason_TopSeller', topSellers[0].name, topSellers[0].wins));
        }
    } else if (familiarity) {
        reasons.push(reason('Crossway_Reason_RepExperience', familiarity.attempts, familiarity.wins));
    }
    return { offering, rank, score: measured.score, parts, reasons, newToRep, topSellers, specialists: [] };
}

interface Penalty {
    value: number;
    attempt: AttemptInfo | null;
    daysAgo: number;
}

/**
 * The penalty of the latest dismissal (after its suppression ended) or loss: -1 right after, fading
 * linearly to 0 at the end of the lookback.
 */
function pastAttemptPenalty(summary: AttemptSummary | undefined, today: number, settings: Settings): Penalty {
    const attempt = summary?.lastNegative ?? null;
    if (!summary || !attempt) return { value: 0, attempt: null, daysAgo: 0 };
    const daysAgo = Math.max(0, today - summary.lastNegativeDay);
    const start = attempt.status === 'Not Pursued' ? settings.suppressionDays : 0;
    const span = settings.lookbackDays - start;
    if (span <= 0 || daysAgo >= settings.lookbackDays) return { value: 0, attempt: null, daysAgo };
    const fade = Math.min(1, Math.max(0, (daysAgo - start) / span));
    return { value: -(1 - fade), attempt, daysAgo };
}

function compareMeasured(a: Measured, b: Measured): number {
    return (
        b.score - a.score ||
        b.values[0] - a.values[0] ||
        compareText(a.offering.name, b.offering.name) ||
        compareText(a.offering.id, b.offering.id)
    );
}

/** Every suggestion measured and in rank order, plus the exclusions (ordered by offering name). */
export interface MeasuredRanking {
    measured: Measured[];
    excluded: ExcludedOffering[];
    context: Context;
}

/**
 * Measures every active offering the account does not buy, has not won, is not working on and has not
 * dismissed within the suppression period, and puts them in rank order. `index` needs the offering facts
 * (peer adoption); nothing about specialists.
 */
export function measureOfferings(data: PanelData, index: PanelIndex): MeasuredRanking {
    const settings = resolveSettings(data.settings);
    const today = todayNumber(data.today);
    const offerings = listOf(data.offerings).filter((offering) => offering && offering.id);
    const held = heldOfferings(data, today, settings);
    const attempts = summarizeAttempts(listOf(data.attempts), today, settings);
    const context: Context = {
        settings,
        today,
        largestDeal: largestDealSize(offerings),
        industry: data.account?.industry || null
    };

    const excluded: ExcludedOffering[] = [];
    const measured: Measured[] = [];
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
            measured.push(measureOffering(offering, summary, index, context));
        }
    }
    measured.sort(compareMeasured);
    const names = new Map(offerings.map((offering) => [offering.id, offering.name]));
    excluded.sort(
        (a, b) =>
            compareText(names.get(a.offeringId), names.get(b.offeringId)) || compareText(a.offeringId, b.offeringId)
    );
    return { measured, excluded, context };
}

/** Parts, reasons and familiarity for the first `count` measured offerings (specialists not yet ranked). */
export function explainOfferings(ranking: MeasuredRanking, index: PanelIndex, count: number): RankedOffering[] {
    const shown = count < ranking.measured.length ? ranking.measured.slice(0, count) : ranking.measured;
    return shown.map((measured, position) => explainOffering(measured, position + 1, index, ranking.context));
}

/**
 * Every active offering the account does not buy, has not won, is not working on and has not dismissed
 * within the suppression period, best first (specialists not yet ranked), plus the exclusions and why
 * (ordered by offering name).
 */
export function rankOfferings(data: PanelData, index: PanelIndex = indexPanel(data)): OfferingRanking {
    const ranking = measureOfferings(data, index);
    return { offerings: explainOfferings(ranking, index, ranking.measured.length), excluded: ranking.excluded };
}
