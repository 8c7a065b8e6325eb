/**
 * Crossway's ranking engine: which offerings to cross-sell to an account and which colleagues to involve,
 * each with a score broken into parts and reasons a rep can read. Pure and deterministic: it never calls
 * Salesforce, reads only the `PanelData` it is given and uses the server's `today`.
 *
 * Used unchanged by the Account panel (as an LWC service module, `c/crossSellEngine`), the local preview,
 * the scripts and the benchmark.
 */
import type { PanelData } from './contract';
import { resolveSettings } from './defaults';
import { explainOfferings, measureOfferings } from './offerings';
import { indexCandidates, indexOfferingFacts } from './panelIndex';
import { rankSpecialists } from './specialists';
import type { PanelRanking, RankOptions } from './types';

/**
 * The panel's ranking: the best `settings.maxOfferingsShown` suggestions (all with `showAll`), each with
 * its specialists ranked (at most `settings.maxSpecialistsPerOffering`), the count of further suggestions
 * and the offerings left out with why.
 */
export function rankPanel(data: PanelData, options: RankOptions = {}): PanelRanking {
    const settings = resolveSettings(data.settings);
    const facts = indexOfferingFacts(data);
    const ranking = measureOfferings(data, facts);
    const count = options.showAll
        ? ranking.measured.length
        : Math.min(settings.maxOfferingsShown, ranking.measured.length);
    // Only the listed offerings are explained, and only their expertise rows, track records and sellers read.
    const listed = new Set<string>();
    for (let i = 0; i < count; i++) listed.add(ranking.measured[i].offering.id);
    const index = indexCandidates(data, facts, listed);
    const shown = explainOfferings(ranking, index, count);
    for (const ranked of shown) {
        ranked.specialists = rankSpecialists(data, ranked.offering, index, settings.maxSpecialistsPerOffering);
    }
    return {
        offerings: shown,
        hiddenCount: ranking.measured.length - shown.length,
        excluded: ranking.excluded,
        settings
    };
}

export { rankOfferings, OFFERING_PARTS, PEER_PRIOR } from './offerings';
export type { OfferingRanking } from './offerings';
export {
    rankSpecialists,
    smoothedWinRate,
    smoothedRating,
    tieMultiplier,
    SPECIALIST_PARTS,
    WIN_PRIOR_ATTEMPTS,
    WIN_PRIOR_RATE,
    RATING_PRIOR,
    RATING_PRIOR_COUNT,
    TIE_HALF,
    DEFAULT_CAPACITY
} from './specialists';
export { indexPanel } from './panelIndex';
export type { PanelIndex } from './panelIndex';
export { DEFAULT_SETTINGS, resolveSettings } from './defaults';
export { REASON_KEYS, REASON_ARITY, formatReason } from './reasons';
export type { KnownReasonKey } from './reasons';
export { compactAmount } from './scoring';
export type * from './types';
export type * from './contract';
