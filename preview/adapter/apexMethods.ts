/**
 * The Apex methods the preview adapter answers: docs/ARCHITECTURE.md's Apex API. An import of any other
 * `@salesforce/apex/Class.method` fails the preview build.
 */
export const APEX_METHODS = [
    'CrossSellController.getPanelData',
    'CrossSellController.logAttempt',
    'CrossSellController.updateAttempt',
    'CrossSellController.dismissOffering',
    'CrossSellController.logConnection'
] as const;

export type ApexMethodName = (typeof APEX_METHODS)[number];

/** Methods marked `@AuraEnabled(cacheable=true)`: the only ones LWC lets a component `@wire`. */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set(['CrossSellController.getPanelData']);
