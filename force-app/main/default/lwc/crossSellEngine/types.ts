/**
 * What the ranking engine returns. Every number a rep sees is explained by score parts and reasons;
 * reasons are structured (a custom label name plus the values for its `{0}`, `{1}`... placeholders) so the
 * panel and the preview render the same translated sentence with `formatReason`.
 */
import type { ExpertiseLevel, OfferingInfo, OfferingSeller, Settings, SpecialistInfo } from './contract';

/** The API name of a custom label in `Reasons.labels-meta.xml`, e.g. `Crossway_Reason_PeerAdoption`. */
export type ReasonKey = string;

/** One readable sentence behind a ranking: a custom label and the values that fill its placeholders. */
export interface Reason {
    key: ReasonKey;
    values: (string | number)[];
}

/** One weighted part of a score: `points = weight * value`. */
export interface ScorePart {
    /** Which part: see OFFERING_PARTS and SPECIALIST_PARTS. */
    key: string;
    /** The weight from the settings (after any complexity multiplier). */
    weight: number;
    /** The part's value, 0..1 (a penalty is negative, -1..0). */
    value: number;
    /** weight * value. */
    points: number;
}

/** A specialist suggested for one offering. */
export interface RankedSpecialist {
    specialist: SpecialistInfo;
    /** Expertise level on the offering. */
    level: ExpertiseLevel;
    score: number;
    parts: ScorePart[];
    /** Strongest first; includes why the specialist is unavailable when `available` is false. */
    reasons: Reason[];
    /** Active and below capacity. Unavailable specialists always rank after available ones. */
    available: boolean;
}

/** An offering the account does not buy, with why it is suggested and whom to involve. */
export interface RankedOffering {
    offering: OfferingInfo;
    /** 1-based position in the ranking. */
    rank: number;
    score: number;
    parts: ScorePart[];
    /** Strongest first. */
    reasons: Reason[];
    /** The running user has never attempted or won this offering. */
    newToRep: boolean;
    /** Who in the firm has won it most, most wins first. */
    topSellers: OfferingSeller[];
    /** Ranked, at most `settings.maxSpecialistsPerOffering`. */
    specialists: RankedSpecialist[];
}

/** Why an active offering is not suggested. */
export type ExclusionCause = 'Held' | 'Won' | 'InProgress' | 'Suppressed';

/** An active offering left out of the suggestions. */
export interface ExcludedOffering {
    offeringId: string;
    cause: ExclusionCause;
    /** For `Suppressed`: the date the suggestion may return (`YYYY-MM-DD`); otherwise null. */
    until: string | null;
}

/** The ranking for one Account panel. */
export interface PanelRanking {
    /** The suggestions shown, best first (at most `settings.maxOfferingsShown` unless all were asked for). */
    offerings: RankedOffering[];
    /** Ranked suggestions beyond those shown. */
    hiddenCount: number;
    /** Active offerings that are not suggested, and why (bought, won, being worked, dismissed recently). */
    excluded: ExcludedOffering[];
    /** The settings the ranking used (defaults filled in). */
    settings: Settings;
}

/** Options for `rankPanel`. */
export interface RankOptions {
    /** Rank specialists for every suggestion and return them all, ignoring `maxOfferingsShown`. */
    showAll?: boolean;
}
