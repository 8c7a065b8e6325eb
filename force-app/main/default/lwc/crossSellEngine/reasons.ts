/**
 * Every reason the engine can give. Each key is a custom label in `labels/Reasons.labels-meta.xml`;
 * `REASON_ARITY` says how many values fill its placeholders (`{0}`..), and a test keeps both in step.
 */
import type { Reason } from './types';

export const REASON_ARITY = Object.freeze({
    /** {0} of {1} {2} accounts buy {3}: buyers, segment size, industry, offering. */
    Crossway_Reason_PeerAdoption: 4,
    /** {0} of {1} accounts buy {2} (account without an industry): buyers, accounts, offering. */
    Crossway_Reason_PeerAdoptionFirmWide: 3,
    /** Fits {0} (a target industry): industry. */
    Crossway_Reason_IndustryFit: 1,
    /** Typical deal {0}: compact amount. */
    Crossway_Reason_DealSize: 1,
    /** Dismissed {0} days ago: {1}: days, outcome reason. */
    Crossway_Reason_DismissedBefore: 2,
    /** Lost {0} days ago: {1}: days, outcome reason. */
    Crossway_Reason_LostBefore: 2,
    /** New to you: no values. */
    Crossway_Reason_NewToYou: 0,
    /** {0} has won it {1} times: seller name, wins. */
    Crossway_Reason_TopSeller: 2,
    /** You have worked on it {0} times and won {1}: attempts, wins. */
    Crossway_Reason_RepExperience: 2,
    /** {0} on {1}: level, offering. */
    Crossway_Reason_ExpertiseLevel: 2,
    /** Won {0} of {1} closed attempts: wins, closed attempts. */
    Crossway_Reason_WinRecord: 2,
    /** Worked with you on {0} attempts, {1} won: joint attempts, joint wins. */
    Crossway_Reason_SharedAttempts: 2,
    /** {0} touchpoints with you outside deals: connections. */
    Crossway_Reason_Connections: 1,
    /** {0} is complex: shared history counts {1} times: offering, multiplier. */
    Crossway_Reason_ComplexTies: 2,
    /** Rated {0} of 5 ({1} ratings): average, ratings. */
    Crossway_Reason_Rating: 2,
    /** Already worked with {0}: account name. */
    Crossway_Reason_KnowsAccount: 1,
    /** {0} of {1} intro slots free: free slots, capacity. */
    Crossway_Reason_Capacity: 2,
    /** At capacity: {0} open intros of {1}: open intros, capacity. */
    Crossway_Reason_AtCapacity: 2,
    /** No longer active: no values. */
    Crossway_Reason_Inactive: 0,
    /** Not a Salesforce user: reach out by email: no values. */
    Crossway_Reason_NoUser: 0
});

export type KnownReasonKey = keyof typeof REASON_ARITY;

/** Every reason key the engine can emit. */
export const REASON_KEYS: readonly KnownReasonKey[] = Object.freeze(Object.keys(REASON_ARITY) as KnownReasonKey[]);

/** A reason; the values' count always matches the label's placeholders. */
export function reason(key: KnownReasonKey, ...values: (string | number)[]): Reason {
    return { key, values };
}

const PLACEHOLDER = /\{(\d+)\}/g;

/**
 * The reason as text: the custom label's value (from `labels`, keyed by label API name) with `{0}`,
 * `{1}`.. replaced by the reason's values. A label missing from `labels` falls back to its key, and a
 * missing value to an empty string, so a rendering gap is visible but never throws.
 */
export function formatReason(value: Reason, labels: Record<string, string>): string {
    const template = labels[value.key] ?? value.key;
    return template.replace(PLACEHOLDER, (_match: string, index: string) => {
        const filler = value.values[Number(index)];
        return filler === undefined || filler === null ? '' : String(filler);
    });
}
