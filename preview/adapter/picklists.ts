/**
 * Values of the restricted picklists the Apex service checks writes against, in the order the org lists
 * them (the service's messages list them in that order). A test compares them with the field metadata.
 */
export const ATTEMPT_STATUSES = [
    'Identified',
    'Introduced',
    'Meeting Held',
    'Proposal',
    'Won',
    'Lost',
    'Not Pursued'
] as const;

export const CLOSED_STATUSES: readonly string[] = ['Won', 'Lost', 'Not Pursued'];

export const OUTCOME_REASONS = [
    'Already with competitor',
    'Not a fit',
    'Bad timing',
    'Price',
    'Competitor',
    'Relationship',
    'Value proven',
    'Other'
] as const;

export const ATTEMPT_SOURCES = ['Suggested', 'Manual'] as const;

export const CONNECTION_TYPES = ['Intro call', 'Shadowing', 'Knowledge session'] as const;

/** The one validation rule of Cross_Sell_Attempt__c that the service does not check before saving. */
export const NOT_PURSUED_REASON_RULE = 'Choose an outcome reason when you mark an attempt Not Pursued.';
