/**
 * Every ranking-reason label, imported statically (the platform resolves only static label imports) and keyed by
 * label API name, which is the `key` of each `Reason` the engine gives. `formatReason(reason, REASON_LABELS)`
 * turns a reason into the rep's language; a test keeps this map in step with the engine's `REASON_KEYS`.
 */
import PEER_ADOPTION from '@salesforce/label/c.Crossway_Reason_PeerAdoption';
import PEER_ADOPTION_FIRM_WIDE from '@salesforce/label/c.Crossway_Reason_PeerAdoptionFirmWide';
import INDUSTRY_FIT from '@salesforce/label/c.Crossway_Reason_IndustryFit';
import DEAL_SIZE from '@salesforce/label/c.Crossway_Reason_DealSize';
import DISMISSED_BEFORE from '@salesforce/label/c.Crossway_Reason_DismissedBefore';
import LOST_BEFORE from '@salesforce/label/c.Crossway_Reason_LostBefore';
import NEW_TO_YOU from '@salesforce/label/c.Crossway_Reason_NewToYou';
import TOP_SELLER from '@salesforce/label/c.Crossway_Reason_TopSeller';
import REP_EXPERIENCE from '@salesforce/label/c.Crossway_Reason_RepExperience';
import EXPERTISE_LEVEL from '@salesforce/label/c.Crossway_Reason_ExpertiseLevel';
import WIN_RECORD from '@salesforce/label/c.Crossway_Reason_WinRecord';
import SHARED_ATTEMPTS from '@salesforce/label/c.Crossway_Reason_SharedAttempts';
import CONNECTIONS from '@salesforce/label/c.Crossway_Reason_Connections';
import COMPLEX_TIES from '@salesforce/label/c.Crossway_Reason_ComplexTies';
import RATING from '@salesforce/label/c.Crossway_Reason_Rating';
import KNOWS_ACCOUNT from '@salesforce/label/c.Crossway_Reason_KnowsAccount';
import CAPACITY from '@salesforce/label/c.Crossway_Reason_Capacity';
import AT_CAPACITY from '@salesforce/label/c.Crossway_Reason_AtCapacity';
import INACTIVE from '@salesforce/label/c.Crossway_Reason_Inactive';
import NO_USER from '@salesforce/label/c.Crossway_Reason_NoUser';

export const REASON_LABELS: Readonly<Record<string, string>> = Object.freeze({
    Crossway_Reason_PeerAdoption: PEER_ADOPTION,
    Crossway_Reason_PeerAdoptionFirmWide: PEER_ADOPTION_FIRM_WIDE,
    Crossway_Reason_IndustryFit: INDUSTRY_FIT,
    Crossway_Reason_DealSize: DEAL_SIZE,
    Crossway_Reason_DismissedBefore: DISMISSED_BEFORE,
    Crossway_Reason_LostBefore: LOST_BEFORE,
    Crossway_Reason_NewToYou: NEW_TO_YOU,
    Crossway_Reason_TopSeller: TOP_SELLER,
    Crossway_Reason_RepExperience: REP_EXPERIENCE,
    Crossway_Reason_ExpertiseLevel: EXPERTISE_LEVEL,
    Crossway_Reason_WinRecord: WIN_RECORD,
    Crossway_Reason_SharedAttempts: SHARED_ATTEMPTS,
    Crossway_Reason_Connections: CONNECTIONS,
    Crossway_Reason_ComplexTies: COMPLEX_TIES,
    Crossway_Reason_Rating: RATING,
    Crossway_Reason_KnowsAccount: KNOWS_ACCOUNT,
    Crossway_Reason_Capacity: CAPACITY,
    Crossway_Reason_AtCapacity: AT_CAPACITY,
    Crossway_Reason_Inactive: INACTIVE,
    Crossway_Reason_NoUser: NO_USER
});
