/**
 * Default settings: the values of the `Cross_Sell_Setting.Default` custom metadata record (a test keeps
 * the two equal). The server sends the resolved record; `resolveSettings` fills anything blank or invalid
 * so the engine also works with no settings record at all.
 */
import type { HoldingSource, Settings } from './contract';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
    peerAdoptionWeight: 0.5,
    industryFitWeight: 0.2,
    dealSizeWeight: 0.15,
    dismissalPenaltyWeight: 0.3,
    expertiseWeight: 0.3,
    winRateWeight: 0.25,
    sharedHistoryWeight: 0.2,
    ratingWeight: 0.15,
    accountKnowledgeWeight: 0.1,
    loadWeight: 0.1,
    complexTieMultiplier: 2,
    lookbackDays: 730,
    suppressionDays: 180,
    soldSources: Object.freeze(['Asset', 'LineItem']) as HoldingSource[],
    maxSpecialistsPerOffering: 3,
    maxOfferingsShown: 10
}) as Settings;

const WEIGHT_KEYS = [
    'peerAdoptionWeight',
    'industryFitWeight',
    'dealSizeWeight',
    'dismissalPenaltyWeight',
    'expertiseWeight',
    'winRateWeight',
    'sharedHistoryWeight',
    'ratingWeight',
    'accountKnowledgeWeight',
    'loadWeight'
] as const;

/** Whole numbers that must be at least 1 (days and list sizes). */
const COUNT_KEYS = ['lookbackDays', 'suppressionDays', 'maxSpecialistsPerOffering', 'maxOfferingsShown'] as const;

const HOLDING_SOURCES: readonly HoldingSource[] = ['Asset', 'LineItem'];

function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Settings with every blank or invalid value replaced by its default: weights must be finite and not
 * negative, the complexity multiplier at least 1, days and list sizes whole numbers (suppression may be 0),
 * sold sources a non-empty list of known sources.
 */
export function resolveSettings(partial: Partial<Settings> | null | undefined): Settings {
    const given: Partial<Settings> = partial ?? {};
    const resolved: Settings = { ...DEFAULT_SETTINGS, soldSources: [...DEFAULT_SETTINGS.soldSources] };
    for (const key of WEIGHT_KEYS) {
        const value = given[key];
        if (isNumber(value) && value >= 0) resolved[key] = value;
    }
    if (isNumber(given.complexTieMultiplier) && given.complexTieMultiplier >= 1) {
        resolved.complexTieMultiplier = given.complexTieMultiplier;
    }
    for (const key of COUNT_KEYS) {
        const value = given[key];
        const minimum = key === 'suppressionDays' ? 0 : 1;
        if (isNumber(value) && value >= minimum) resolved[key] = Math.floor(value);
    }
    if (Array.isArray(given.soldSources)) {
        const sources = HOLDING_SOURCES.filter((source) => given.soldSources?.includes(source));
        if (sources.length > 0) resolved.soldSources = sources;
    }
    return resolved;
}
