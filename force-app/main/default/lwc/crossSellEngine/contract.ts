/**
 * The data contract between the server and every consumer of panel data.
 *
 * `CrossSellController.getPanelData(accountId)` returns exactly a `PanelData`; the Apex wrapper
 * classes mirror these names and types (a test compares them). Ids, Dates and Datetimes travel as
 * strings (dates as `YYYY-MM-DD`), every number as a number. A field typed `| null` may be null;
 * every other field is always present. Arrays are never null (empty instead).
 *
 * The same shape is produced by the local preview's adapter over the sample data set, so the engine,
 * the panel, the preview and the scripts all read one shape.
 */

/** Where an account's "buys" comes from. */
export type HoldingSource = 'Asset' | 'LineItem';

export type Complexity = 'Low' | 'Medium' | 'High';

export type ExpertiseLevel = 'Practitioner' | 'Expert' | 'Lead';

export type AttemptStatus = 'Identified' | 'Introduced' | 'Meeting Held' | 'Proposal' | 'Won' | 'Lost' | 'Not Pursued';

export type DismissalReason = 'Already with competitor' | 'Not a fit' | 'Bad timing' | 'Other';

export type AttemptSource = 'Suggested' | 'Manual';

export type ConnectionType = 'Intro call' | 'Shadowing' | 'Knowledge session';

/** The account the panel sits on. */
export interface AccountFacts {
    id: string;
    name: string;
    /** Account.Industry; null when not set. */
    industry: string | null;
    /** Account.NumberOfEmployees. */
    employees: number | null;
    /** Account.BillingCountry. */
    region: string | null;
    /** Account.OwnerId. */
    ownerId: string;
}

/** An active Offering__c. */
export interface OfferingInfo {
    id: string;
    name: string;
    businessUnit: string | null;
    family: string | null;
    summary: string | null;
    valueProposition: string | null;
    discoveryQuestions: string | null;
    /** Target_Industries__c split on ';' (empty when none). */
    targetIndustries: string[];
    typicalDealSize: number | null;
    complexity: Complexity | null;
}

/** One piece of evidence that the account already buys an offering. */
export interface Holding {
    offeringId: string;
    source: HoldingSource;
    /**
     * Asset.PurchaseDate (or InstallDate/CreatedDate) or Opportunity.CloseDate. Not named `date`: that is
     * a reserved word in Apex, so the wrapper class could not carry it.
     */
    purchaseDate: string | null;
}

/**
 * Firm-wide adoption of an offering in the account's segment (same industry), computed in system
 * mode and returned as counts only.
 */
export interface PeerAdoption {
    offeringId: string;
    /** Accounts in the segment that buy the offering. */
    buyers: number;
    /** Accounts in the segment. */
    segmentSize: number;
}

/** A Cross_Sell_Attempt__c on this account (every status, newest first). */
export interface AttemptInfo {
    id: string;
    name: string;
    offeringId: string;
    offeringName: string;
    specialistId: string | null;
    specialistName: string | null;
    repId: string;
    repName: string;
    status: AttemptStatus;
    statusChangedDate: string | null;
    outcomeReason: string | null;
    nextStep: string | null;
    nextStepDate: string | null;
    estimatedValue: number | null;
    opportunityId: string | null;
    opportunityName: string | null;
    notes: string | null;
    closedDate: string | null;
    specialistRating: number | null;
    source: AttemptSource | null;
    createdDate: string;
    isClosed: boolean;
}

/** A candidate Specialist__c (capped per offering server-side, chosen by expertise). */
export interface SpecialistInfo {
    id: string;
    name: string;
    title: string | null;
    businessUnit: string | null;
    email: string | null;
    /** Null for specialists without a Salesforce user (no licence). */
    userId: string | null;
    active: boolean;
    capacity: number | null;
    /** Firm-wide open attempts that involve this specialist. */
    openIntros: number;
    /** True when the specialist was involved in any attempt on this account. */
    knowsAccount: boolean;
}

/** Offering_Expertise__c: a specialist's level on an offering. */
export interface ExpertiseInfo {
    specialistId: string;
    offeringId: string;
    level: ExpertiseLevel;
}

/** A specialist's firm-wide track record on one offering (closed attempts and ratings). */
export interface SpecialistOfferingStats {
    specialistId: string;
    offeringId: string;
    wins: number;
    losses: number;
    /** Average Specialist_Rating__c over rated attempts; null when none rated. */
    averageRating: number | null;
    ratingCount: number;
}

/** The running user's shared history with a specialist (trust: strong ties). */
export interface RepSpecialistHistory {
    specialistId: string;
    jointAttempts: number;
    jointWins: number;
    connections: number;
    lastConnectionDate: string | null;
}

/** The running user's own history with an offering (for "new to you"). */
export interface RepOfferingFamiliarity {
    offeringId: string;
    attempts: number;
    wins: number;
}

/** Who in the firm has won an offering most (names and counts only). */
export interface OfferingSeller {
    offeringId: string;
    /** The specialist's or rep's display name. */
    name: string;
    /** Specialist__c id when the seller is a specialist, else null. */
    specialistId: string | null;
    wins: number;
}

/** Cross_Sell_Setting__mdt, resolved with defaults for any blank value. */
export interface Settings {
    peerAdoptionWeight: number;
    industryFitWeight: number;
    dealSizeWeight: number;
    dismissalPenaltyWeight: number;
    expertiseWeight: number;
    winRateWeight: number;
    sharedHistoryWeight: number;
    ratingWeight: number;
    accountKnowledgeWeight: number;
    loadWeight: number;
    /** Multiplier on shared-history weight for High complexity offerings. */
    complexTieMultiplier: number;
    lookbackDays: number;
    suppressionDays: number;
    /** Which holding sources count as "sold". */
    soldSources: HoldingSource[];
    maxSpecialistsPerOffering: number;
    maxOfferingsShown: number;
}

/** The running user. */
export interface RunningUser {
    id: string;
    name: string;
}

/** Everything the Account panel needs for one account, in one cacheable read. */
export interface PanelData {
    account: AccountFacts;
    offerings: OfferingInfo[];
    holdings: Holding[];
    peerAdoption: PeerAdoption[];
    attempts: AttemptInfo[];
    specialists: SpecialistInfo[];
    expertise: ExpertiseInfo[];
    specialistStats: SpecialistOfferingStats[];
    repHistory: RepSpecialistHistory[];
    repFamiliarity: RepOfferingFamiliarity[];
    topSellers: OfferingSeller[];
    settings: Settings;
    user: RunningUser;
    /** The server's today (org time zone), so ranking is reproducible. */
    today: string;
}
