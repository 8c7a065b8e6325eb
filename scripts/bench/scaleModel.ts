/**
 * The scale model: how many rows, queries and heap one panel load, one chunk of the stats job and one bulk
 * attempt save cost in orgs of a given size, computed from the SOQL of Crossway's Apex as the platform counts
 * it. Nothing here restates a query: plans are the queries reached from the Apex entry points (the service's
 * panel read, the summary read mode, the job's phases, the attempt trigger's maintainer), and each query's cost
 * follows from what it scans (object volumes from per-account ratios, times the selectivity of each WHERE
 * condition) and how the platform charges it against the 50,000-row limit:
 * - COUNT() and COUNT(field) cost one row, or one per group with GROUP BY;
 * - SUM, AVG, MIN, MAX and COUNT_DISTINCT cost every row they scan;
 * - a plain query costs the rows it returns (bounded by LIMIT), plus each sub-query's rows per parent.
 * A condition, object or grouping the model does not know makes it throw, so a new query cannot be counted
 * silently wrong.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
    atoms,
    readApexClasses,
    reachableQueries,
    type ApexClassSource,
    type ApexQuery,
    type Condition,
    type Soql
} from './scaleSoql';

export const ROOT = join(__dirname, '..', '..');
export const DEFAULT_DIR = join(ROOT, 'force-app', 'main', 'default');

/** The platform's limits for one transaction. */
export const LIMITS = {
    queryRows: 50_000,
    queries: 100,
    syncHeapBytes: 6 * 1024 * 1024,
    asyncHeapBytes: 12 * 1024 * 1024,
    dmlRows: 10_000,
    locatorRows: 50_000_000
};

/** An org of a given size, with realistic ratios per account (see docs/SCALE.md for where they come from). */
export interface OrgProfile {
    accounts: number;
    offerings: number;
    specialists: number;
    reps: number;
    industries: number;
    /** Share of accounts in the largest industry: the worst segment a panel can open on. */
    largestIndustryShare: number;
    sizeBands: number;
    statuses: number;
    assetsPerAccount: number;
    lineItemsPerAccount: number;
    attemptsPerAccount: number;
    connectionsPerRep: number;
    /** The panel opens on key accounts: their holdings and attempts are this many times the average. */
    keyAccountFactor: number;
    /** Distinct offerings a specialist has attempts on. */
    offeringsPerSpecialist: number;
    /** Offerings a specialist has expertise in. */
    expertisePerSpecialist: number;
    /** Share of offerings bought in a segment (industry and size band). */
    segmentAdoptionBreadth: number;
    /** Candidates per offering the panel reads (OfferingsSelector.MAX_CANDIDATES), inactive ones included. */
    specialistsPerOffering: number;
    /** Assets, line items and attempts together above which the panel reads summaries (settings). */
    liveAggregateThreshold: number;
    /** The highest threshold the panel honours (CrossSellSummaries.LIVE_ROW_CEILING). */
    liveRowCeiling: number;
    /** Shares of rows matching each modelled condition. */
    share: {
        activeOffering: number;
        productMapped: number;
        assetPurchasedInLookback: number;
        assetWithoutPurchaseDate: number;
        assetCreatedInLookback: number;
        lineItemWon: number;
        lineItemClosedInLookback: number;
        attemptWithSpecialist: number;
        attemptWon: number;
        statWithWins: number;
        /** Specialist and offering pairs with an attempt in flight. */
        statWithOpenAttempts: number;
        staleAfterRerun: number;
    };
}

/** Settings and picklist sizes the model reads from the metadata rather than restating. */
export interface MetadataFacts {
    liveAggregateThreshold: number;
    liveRowCeiling: number;
    specialistsPerOffering: number;
    sizeBands: number;
    statuses: number;
    /** API names of long text fields (heap-heavy), e.g. `Bio__c`. */
    longTextFields: Set<string>;
}

function xmlValue(file: string, field: string): number {
    const text = readFileSync(file, 'utf8');
    const match = new RegExp(`<field>${field}</field>\\s*<value[^>]*>([^<]+)</value>`).exec(text);
    if (!match) throw new Error(`${field} not found in ${file}`);
    return Number(match[1]);
}

/** A `static final Integer` constant of a project class, as the SOQL reader parsed it. */
function apexConstant(classes: Map<string, ApexClassSource>, className: string, name: string): number {
    const value = classes.get(className)?.constants.get(name);
    if (value === undefined) throw new Error(`${className}.${name} not found`);
    return value;
}

function picklistSize(file: string): number {
    return (readFileSync(file, 'utf8').match(/<value>\s*<fullName>/g) ?? []).length;
}

/** Reads the facts from the metadata and the Apex classes under `dir` (force-app/main/default). */
export function readMetadataFacts(
    dir = DEFAULT_DIR,
    classes: Map<string, ApexClassSource> = readApexClasses(join(dir, 'classes'))
): MetadataFacts {
    const settings = join(dir, 'customMetadata', 'Cross_Sell_Setting.Default.md-meta.xml');
    const objects = join(dir, 'objects');
    const longTextFields = new Set<string>();
    for (const object of readdirSync(objects)) {
        let files: string[] = [];
        try {
            files = readdirSync(join(objects, object, 'fields'));
        } catch {
            continue;
        }
        for (const file of files) {
            if (readFileSync(join(objects, object, 'fields', file), 'utf8').includes('<type>LongTextArea</type>')) {
                longTextFields.add(file.replace('.field-meta.xml', ''));
            }
        }
    }
    return {
        liveAggregateThreshold: xmlValue(settings, 'Live_Aggregate_Threshold__c'),
        liveRowCeiling: apexConstant(classes, 'CrossSellSummaries', 'LIVE_ROW_CEILING'),
        specialistsPerOffering: apexConstant(classes, 'OfferingsSelector', 'MAX_CANDIDATES'),
        sizeBands: picklistSize(join(objects, 'Offering_Adoption_Summary__c', 'fields', 'Size_Band__c.field-meta.xml')),
        statuses: picklistSize(join(objects, 'Cross_Sell_Attempt__c', 'fields', 'Status__c.field-meta.xml')),
        longTextFields
    };
}

/** The org profile for a number of accounts: the portfolio grows slowly, people and records in proportion. */
export function profileFor(accounts: number, facts: MetadataFacts): OrgProfile {
    return {
        accounts,
        offerings: Math.min(500, Math.round(25 * Math.log10(accounts))),
        specialists: Math.max(20, Math.round(accounts / 500)),
        reps: Math.max(10, Math.round(accounts / 100)),
        industries: 30,
        largestIndustryShare: 0.12,
        sizeBands: facts.sizeBands,
        statuses: facts.statuses,
        assetsPerAccount: 8,
        lineItemsPerAccount: 18,
        attemptsPerAccount: 1.5,
        connectionsPerRep: 20,
        keyAccountFactor: 20,
        offeringsPerSpecialist: 4,
        expertisePerSpecialist: 3,
        segmentAdoptionBreadth: 0.6,
        specialistsPerOffering: facts.specialistsPerOffering,
        liveAggregateThreshold: facts.liveAggregateThreshold,
        liveRowCeiling: facts.liveRowCeiling,
        share: {
            activeOffering: 0.9,
            productMapped: 0.8,
            assetPurchasedInLookback: 0.45,
            assetWithoutPurchaseDate: 0.1,
            assetCreatedInLookback: 0.5,
            lineItemWon: 0.35,
            lineItemClosedInLookback: 0.4,
            attemptWithSpecialist: 0.7,
            attemptWon: 0.2,
            statWithWins: 0.5,
            statWithOpenAttempts: 0.3,
            staleAfterRerun: 0.05
        }
    };
}

/** Rows of each object in the org. */
export function volume(object: string, p: OrgProfile): number {
    switch (object) {
        case 'Account':
            return p.accounts;
        case 'Asset':
            return p.accounts * p.assetsPerAccount;
        case 'OpportunityLineItem':
            return p.accounts * p.lineItemsPerAccount;
        case 'Cross_Sell_Attempt__c':
            return p.accounts * p.attemptsPerAccount;
        case 'Offering__c':
            return p.offerings;
        case 'Specialist__c':
            return p.specialists;
        case 'User':
            return p.reps;
        case 'Offering_Expertise__c':
            return p.specialists * p.expertisePerSpecialist;
        case 'Colleague_Connection__c':
            return p.reps * p.connectionsPerRep;
        case 'CustomNotificationType':
            return 1;
        case 'Offering_Adoption_Summary__c':
            // Per industry and band, the segment row and the offerings its accounts buy; firm-wide per band, the
            // segment row and every offering.
            return (
                p.industries * p.sizeBands * (1 + Math.round(p.offerings * p.segmentAdoptionBreadth)) +
                p.sizeBands * (1 + p.offerings)
            );
        case 'Specialist_Offering_Stat__c':
            return p.specialists * p.offeringsPerSpecialist;
        default:
            throw new Error(`the scale model has no volume for ${object}`);
    }
}

/** Child relationships the queries read in sub-queries: `Parent.Relationship` to the child object. */
const CHILDREN: Record<string, string> = {
    'Account.Assets': 'Asset',
    'Account.Cross_Sell_Attempts__r': 'Cross_Sell_Attempt__c',
    'User.Cross_Sell_Attempts__r': 'Cross_Sell_Attempt__c',
    'User.Colleague_Connections__r': 'Colleague_Connection__c',
    'Offering__c.Offering_Expertise__r': 'Offering_Expertise__c'
};

/** What a plan is about: how many accounts, specialists and offerings its Id filters name. */
export interface PlanScope {
    /** Accounts an `AccountId = :accountId` or `IN :accountIds` condition names (a key account counts as several). */
    accounts: number;
    specialists: number;
    offerings: number;
    /** Sellers per offering a `Seller_Rank__c <= :maxRank` condition keeps. */
    sellersPerOffering?: number;
}

/**
 * Share of an object's rows matching one condition, or undefined when the model does not know it. Keys are
 * `Object|condition` as the SOQL reader normalises conditions.
 */
export function conditionShare(object: string, atom: string, p: OrgProfile, scope: PlanScope): number | undefined {
    const s = p.share;
    const ofAccounts = scope.accounts / p.accounts;
    const ofSpecialists = Math.min(1, scope.specialists / p.specialists);
    const ofOfferings = Math.min(1, scope.offerings / p.offerings);
    const table: Record<string, number> = {
        'Account|Id = :accountId': 1 / p.accounts,
        'Account|Industry = :industry': p.largestIndustryShare,
        'User|Id = :userId': 1 / p.reps,
        'Offering__c|Active__c = TRUE': s.activeOffering,
        'Asset|Product2.Offering__c != NULL': s.productMapped,
        'Asset|PurchaseDate >= :since': s.assetPurchasedInLookback,
        'Asset|PurchaseDate = NULL': s.assetWithoutPurchaseDate,
        'Asset|CreatedDate >= :sinceTime': s.assetCreatedInLookback,
        'Asset|Account.Industry = :industry': p.largestIndustryShare,
        'Asset|AccountId IN :accountIds': ofAccounts,
        'OpportunityLineItem|Opportunity.AccountId = :accountId': ofAccounts,
        'OpportunityLineItem|Opportunity.AccountId IN :accountIds': ofAccounts,
        'OpportunityLineItem|Opportunity.Account.Industry = :industry': p.largestIndustryShare,
        'OpportunityLineItem|Opportunity.IsWon = TRUE': s.lineItemWon,
        'OpportunityLineItem|Opportunity.CloseDate >= :since': s.lineItemClosedInLookback,
        'OpportunityLineItem|Product2.Offering__c != NULL': s.productMapped,
        'Cross_Sell_Attempt__c|Specialist__c != NULL': s.attemptWithSpecialist,
        // Read with `Specialist__c != NULL`, which already charges the share of attempts with a specialist.
        'Cross_Sell_Attempt__c|Specialist__c IN :candidateIds': ofSpecialists,
        'Cross_Sell_Attempt__c|Specialist__c IN :specialistIds': ofSpecialists * s.attemptWithSpecialist,
        'Cross_Sell_Attempt__c|Status__c = :won': s.attemptWon,
        'Cross_Sell_Attempt__c|Offering__c IN :offeringIds': ofOfferings,
        'Specialist_Offering_Stat__c|Specialist__c IN :specialistIds': ofSpecialists,
        // One key per expertise row the panel read: candidates on each offering in scope.
        'Specialist_Offering_Stat__c|Summary_Key__c IN :pairKeys': Math.min(
            1,
            (scope.offerings * p.specialistsPerOffering) / volume('Specialist_Offering_Stat__c', p)
        ),
        'Specialist_Offering_Stat__c|Offering__c IN :offeringIds': ofOfferings,
        'Specialist_Offering_Stat__c|Wins__c > 0': s.statWithWins,
        'Specialist_Offering_Stat__c|Open_Attempts__c > 0': s.statWithOpenAttempts,
        'Specialist_Offering_Stat__c|Seller_Rank__c != NULL': s.statWithWins,
        // Ranks 1..maxRank of every offering: maxRank rows per offering, among the rows with wins.
        'Specialist_Offering_Stat__c|Seller_Rank__c <= :maxRank': Math.min(
            1,
            ((scope.sellersPerOffering ?? 0) * p.offerings) /
                (volume('Specialist_Offering_Stat__c', p) * s.statWithWins)
        ),
        'Specialist_Offering_Stat__c|As_Of__c < :runStart': s.staleAfterRerun,
        'Specialist_Offering_Stat__c|As_Of__c = NULL': 0,
        // The largest segment's rows: the firm-wide rows (no industry), where every offering has buyers.
        'Offering_Adoption_Summary__c|Industry__c = :industry':
            (p.sizeBands * (1 + p.offerings)) / volume('Offering_Adoption_Summary__c', p),
        'Offering_Adoption_Summary__c|As_Of__c < :runStart': s.staleAfterRerun,
        // The panel reads the last run's rows: every row once the clean-up is done.
        'Offering_Adoption_Summary__c|As_Of__c >= :runStarted': 1,
        'Offering_Adoption_Summary__c|As_Of__c = NULL': 0
    };
    return table[`${object}|${atom}`];
}

/** Share of rows matching a condition tree: AND multiplies (independence), OR adds without double counting. */
export function share(object: string, condition: Condition | undefined, p: OrgProfile, scope: PlanScope): number {
    if (!condition) return 1;
    switch (condition.kind) {
        case 'atom': {
            const value = conditionShare(object, condition.text, p, scope);
            if (value === undefined) throw new Error(`the scale model has no share for ${object}: ${condition.text}`);
            return value;
        }
        case 'not':
            return 1 - share(object, condition.part, p, scope);
        case 'and':
            return condition.parts.reduce((product, part) => product * share(object, part, p, scope), 1);
        case 'or':
            return condition.parts.reduce((union, part) => {
                const next = share(object, part, p, scope);
                return union + next - union * next;
            }, 0);
    }
}

/**
 * Groups a GROUP BY can produce at most (the rows scanned bound them too). A grouped Id field that the WHERE
 * limits to a bind list (`Specialist__c IN :specialistIds`) has as many values as the plan's scope names; a
 * specialist and offering pair exists only for the offerings the specialist worked.
 */
function groupBound(soql: Soql, p: OrgProfile, scope: PlanScope): number {
    const filtered = new Set(atoms(soql.where));
    const bounded = (field: string, scoped: number, all: number): number =>
        [...filtered].some((a) => a.startsWith(`${field} IN :`) || a.startsWith(`${field} = :`))
            ? Math.min(scoped, all)
            : all;
    const cardinality: Record<string, number> = {
        'Product2.Offering__c': p.offerings,
        Offering__c: bounded('Offering__c', scope.offerings, p.offerings),
        Specialist__c: bounded('Specialist__c', scope.specialists, p.specialists),
        'Specialist__r.Name': 1,
        Status__c: p.statuses,
        AccountId: bounded('AccountId', scope.accounts, p.accounts),
        'Opportunity.AccountId': bounded('Opportunity.AccountId', scope.accounts, p.accounts)
    };
    let bound = 1;
    for (const field of soql.groupBy) {
        const value = cardinality[field];
        if (value === undefined) throw new Error(`the scale model has no cardinality for GROUP BY ${field}`);
        bound *= value;
    }
    if (soql.groupBy.includes('Specialist__c') && soql.groupBy.includes('Offering__c')) {
        const pairs = cardinality.Specialist__c! * Math.min(p.offeringsPerSpecialist, cardinality.Offering__c!);
        bound = (bound / (cardinality.Specialist__c! * cardinality.Offering__c!)) * pairs;
    }
    return bound;
}

export interface QueryCost {
    id: string;
    /** Rows the database matches. */
    scanned: number;
    /** Rows charged against the 50,000-row limit. */
    counted: number;
    /** Rows (or aggregate results) that reach the heap. */
    returned: number;
    heapBytes: number;
    /** How the rows are charged, for the printout. */
    rule: string;
}

function resolveLimit(
    limit: number | string | undefined,
    apexClass: ApexClassSource | undefined,
    binds: Record<string, number>
): number {
    if (limit === undefined) return Infinity;
    if (typeof limit === 'number') return limit;
    const name = limit.replace(/^:/, '');
    const constant = apexClass?.constants.get(name) ?? binds[name];
    if (constant === undefined) throw new Error(`the scale model cannot resolve LIMIT ${limit}`);
    return constant;
}

function rowBytes(soql: Soql, facts: MetadataFacts): number {
    const columns = soql.fields.length + soql.aggregates.length;
    const longTexts = soql.fields.filter((f) => facts.longTextFields.has(f.split('.').pop()!)).length;
    // ~40 bytes per column and record overhead; a long text field holds ~1,000 characters on average.
    return 40 + 40 * columns + 2000 * longTexts;
}

/** The cost of one query in an org, as the platform charges it. */
export function queryCost(
    query: ApexQuery,
    apexClass: ApexClassSource | undefined,
    p: OrgProfile,
    scope: PlanScope,
    facts: MetadataFacts,
    binds: Record<string, number> = {}
): QueryCost {
    const soql = query.soql;
    const limit = resolveLimit(soql.limit, apexClass, binds);
    const matched = volume(soql.from, p) * share(soql.from, soql.where, p, scope);
    // A capped COUNT() stops counting at its LIMIT.
    const scanned = soql.countOnly ? Math.min(matched, limit) : matched;
    if (soql.aggregates.length) {
        const everyRow = soql.aggregates.some((a) => a !== 'COUNT');
        const groups = soql.groupBy.length ? Math.min(scanned, groupBound(soql, p, scope)) : 1;
        const returned = Math.min(groups, limit);
        return {
            id: query.id,
            scanned,
            counted: everyRow ? scanned : returned,
            returned,
            heapBytes: returned * rowBytes(soql, facts),
            rule: everyRow
                ? `${soql.aggregates.filter((a) => a !== 'COUNT').join('/')}: every row scanned`
                : soql.groupBy.length
                  ? 'COUNT: one row per group'
                  : 'COUNT(): one row'
        };
    }
    const returned = Math.min(scanned, limit);
    let counted = returned;
    let heapBytes = returned * rowBytes(soql, facts);
    for (const child of soql.children) {
        const childObject = CHILDREN[`${soql.from}.${child.from}`];
        if (!childObject) throw new Error(`the scale model has no child relationship ${soql.from}.${child.from}`);
        const perParentAverage =
            (volume(childObject, p) * share(childObject, child.where, p, scope)) / volume(soql.from, p);
        const perParent = soql.from === 'Account' ? perParentAverage * p.keyAccountFactor : perParentAverage;
        const childRows = returned * Math.min(perParent, resolveLimit(child.limit, apexClass, binds));
        counted += childRows;
        heapBytes += childRows * rowBytes(child, facts);
    }
    return { id: query.id, scanned, counted, returned, heapBytes, rule: 'plain: rows returned' };
}

/** The Apex read once: classes, and the facts from the metadata. */
export interface ModelSource {
    classes: Map<string, ApexClassSource>;
    facts: MetadataFacts;
}

export function readModelSource(dir = DEFAULT_DIR): ModelSource {
    const classes = readApexClasses(join(dir, 'classes'));
    return { classes, facts: readMetadataFacts(dir, classes) };
}

/** The query plans the model counts, each derived from Apex entry points. */
export interface Plans {
    /** Live aggregates for an account with an industry. */
    live: string[];
    /** Live aggregates for an account without an industry: adoption across the firm. */
    liveFirmWide: string[];
    summary: string[];
    /** Queries that decide the mode: none, the run record is a custom setting. */
    modeCheck: string[];
    adoptionChunk: string[];
    specialistChunk: string[];
    rankChunk: string[];
    jobStart: string[];
    jobFinish: string[];
    triggerSave: string[];
    /** Queries of the write methods and the notification path: one record each, not modelled for volume. */
    writes: string[];
}

const WRITE_ENTRIES = [
    'CrossSellService.logAttempt',
    'CrossSellService.updateAttempt',
    'CrossSellService.dismissOffering',
    'CrossSellService.logConnection',
    'AttemptTriggerHandler.afterSave',
    'AttemptTriggerHandler.beforeSave'
];

export function derivePlans(classes: Map<string, ApexClassSource>): Plans {
    const reach = (...entries: string[]): string[] => [
        ...new Set(entries.flatMap((e) => reachableQueries(classes, e)))
    ];
    const service = reach('CrossSellService.getPanelData');
    // The mode is decided from a custom setting: this reaches no query, and a test says so.
    const modeCheck = reach('CrossSellSummaries.useSummaries');
    const summaryReads = reach(
        'CrossSellSummaries.forIndustry',
        'CrossSellSummaries.addPeerAdoption',
        'CrossSellSummaries.addSpecialistStats'
    );
    // The firm-wide live aggregates are AdoptionSelector's, which the summary read mode replaces. Peer adoption
    // is measured in the account's industry (queries bound to :industry) or, without one, across the firm.
    const liveAggregates = service.filter((id) => id.startsWith('AdoptionSelector.'));
    const adoption = new Set(reach('CrossSellService.addPeerAdoption'));
    const boundToIndustry = (id: string): boolean => {
        const [className] = id.split('.');
        const query = classes.get(className!)?.queries.find((q) => q.id === id);
        return /:\s*industry\b/.test(query?.text ?? '');
    };
    const industryLive = liveAggregates.filter((id) => !adoption.has(id) || boundToIndustry(id));
    const firmWideLive = liveAggregates.filter((id) => !adoption.has(id) || !boundToIndustry(id));
    const base = service.filter(
        (id) => !liveAggregates.includes(id) && !summaryReads.includes(id) && !modeCheck.includes(id)
    );
    const adoptionChunk = reach('CrossSellStatsBatch.addAccounts');
    const specialistChunk = reach('CrossSellStatsBatch.writeSpecialistStats');
    const rankChunk = reach('SpecialistStatsMaintainer.rerank');
    const jobStart = reach('CrossSellStatsBatch.start');
    const jobFinish = reach('CrossSellStatsBatch.finish');
    const triggerSave = reach('SpecialistStatsMaintainer.afterSave');
    return {
        live: [...base, ...modeCheck, ...industryLive],
        liveFirmWide: [...base, ...modeCheck, ...firmWideLive],
        summary: [...base, ...modeCheck, ...summaryReads],
        modeCheck,
        adoptionChunk,
        specialistChunk,
        rankChunk,
        jobStart,
        jobFinish,
        triggerSave,
        writes: reach(...WRITE_ENTRIES)
    };
}

/** Every query of a selector class that no plan reaches: each one is a query the model does not count. */
export function unmodelledSelectorQueries(classes: Map<string, ApexClassSource>, plans: Plans): string[] {
    const modelled = new Set(Object.values(plans).flat());
    return [...classes.values()]
        .filter((c) => c.name.endsWith('Selector'))
        .flatMap((c) => c.queries.map((q) => q.id))
        .filter((id) => !modelled.has(id));
}

export interface PlanCost {
    queries: number;
    counted: number;
    heapBytes: number;
    costs: QueryCost[];
}

function findQuery(
    classes: Map<string, ApexClassSource>,
    id: string
): { query: ApexQuery; apexClass: ApexClassSource } {
    const [className] = id.split('.') as [string];
    const apexClass = classes.get(className);
    const query = apexClass?.queries.find((q) => q.id === id);
    if (!apexClass || !query) throw new Error(`no query ${id}`);
    return { query, apexClass };
}

export function planCost(
    source: ModelSource,
    ids: string[],
    p: OrgProfile,
    scope: PlanScope,
    binds: Record<string, number> = {}
): PlanCost {
    const costs = ids.map((id) => {
        const { query, apexClass } = findQuery(source.classes, id);
        return queryCost(query, apexClass, p, scope, source.facts, binds);
    });
    return {
        queries: costs.length,
        counted: costs.reduce((sum, c) => sum + c.counted, 0),
        heapBytes: costs.reduce((sum, c) => sum + c.heapBytes, 0),
        costs
    };
}

/** The scope of one panel load: one key account, the kept candidates, the active offerings. */
export function panelScope(p: OrgProfile): PlanScope {
    const activeOfferings = Math.round(p.offerings * p.share.activeOffering);
    return {
        accounts: p.keyAccountFactor,
        specialists: Math.min(p.specialists, activeOfferings * p.specialistsPerOffering),
        offerings: activeOfferings
    };
}

/**
 * Which mode the threshold picks: summaries once assets, line items and attempts together are more than the
 * threshold, which the panel caps at CrossSellSummaries.LIVE_ROW_CEILING.
 */
export function pickedMode(p: OrgProfile): 'live' | 'summary' {
    return sourceRows(p) > Math.min(p.liveAggregateThreshold, p.liveRowCeiling) ? 'summary' : 'live';
}

/** Assets, line items and attempts together: what the stats job records and the threshold is compared with. */
export function sourceRows(p: OrgProfile): number {
    return volume('Asset', p) + volume('OpportunityLineItem', p) + volume('Cross_Sell_Attempt__c', p);
}

/** A panel read: live aggregates for an account with an industry, without one, or the summaries. */
export type PanelMode = 'live' | 'liveFirmWide' | 'summary';

export interface PanelReport {
    mode: PanelMode;
    cost: PlanCost;
    withinLimits: boolean;
}

export function panelReport(source: ModelSource, plans: Plans, p: OrgProfile, mode: PanelMode): PanelReport {
    const sellers = source.classes.get('CrossSellService')?.constants.get('MAX_SELLERS_PER_OFFERING');
    if (sellers === undefined) throw new Error('CrossSellService.MAX_SELLERS_PER_OFFERING not found');
    const binds = { maxRank: sellers };
    const scope = { ...panelScope(p), sellersPerOffering: sellers };
    const cost = planCost(source, plans[mode], p, scope, binds);
    return {
        mode,
        cost,
        withinLimits:
            cost.counted <= LIMITS.queryRows && cost.queries <= LIMITS.queries && cost.heapBytes <= LIMITS.syncHeapBytes
    };
}

export interface PhaseReport {
    phase: string;
    scopeSize: number;
    chunks: number;
    chunk: PlanCost;
    /** Heap a chunk holds beyond its rows: the adoption phase's running counts. */
    stateBytes: number;
    withinLimits: boolean;
}

/** The job's three phases: chunk counts and the cost of one chunk, against the asynchronous limits. */
export function jobReport(source: ModelSource, plans: Plans, p: OrgProfile): PhaseReport[] {
    const batch = source.classes.get('CrossSellStatsBatch');
    const constant = (name: string): number => {
        const value = batch?.constants.get(name);
        if (value === undefined) throw new Error(`CrossSellStatsBatch.${name} not found`);
        return value;
    };
    const accountsScope = constant('DEFAULT_SCOPE');
    const specialistScope = constant('SPECIALIST_SCOPE');
    const offeringScope = constant('OFFERING_SCOPE');
    const adoptionEntries =
        p.industries * p.sizeBands * (1 + p.offerings * p.segmentAdoptionBreadth) + p.sizeBands * (1 + p.offerings);
    const phases = [
        {
            phase: 'adoption (accounts)',
            scopeSize: accountsScope,
            chunks: Math.ceil(p.accounts / accountsScope),
            ids: plans.adoptionChunk,
            scope: { accounts: accountsScope, specialists: 0, offerings: 0 },
            // Stateful counts: one map entry (~120 bytes with its key) per segment and offering.
            stateBytes: adoptionEntries * 120
        },
        {
            phase: 'specialists',
            scopeSize: specialistScope,
            chunks: Math.ceil(p.specialists / specialistScope),
            ids: plans.specialistChunk,
            scope: { accounts: 0, specialists: specialistScope, offerings: p.offerings },
            stateBytes: 0
        },
        {
            phase: 'ranks (offerings)',
            scopeSize: offeringScope,
            chunks: Math.ceil(p.offerings / offeringScope),
            ids: plans.rankChunk,
            scope: { accounts: 0, specialists: p.specialists, offerings: offeringScope },
            stateBytes: 0
        }
    ];
    return phases.map(({ phase, scopeSize, chunks, ids, scope, stateBytes }) => {
        const chunk = planCost(source, ids, p, scope);
        return {
            phase,
            scopeSize,
            chunks,
            chunk,
            stateBytes,
            withinLimits:
                chunk.counted <= LIMITS.queryRows &&
                chunk.queries <= LIMITS.queries &&
                chunk.heapBytes + stateBytes <= LIMITS.asyncHeapBytes
        };
    });
}

/** One save of 200 attempts (a bulk load) through the trigger's maintainer: 200 specialists, 20 offerings. */
export function triggerReport(source: ModelSource, plans: Plans, p: OrgProfile): PlanCost & { withinLimits: boolean } {
    const maintainer = source.classes.get('SpecialistStatsMaintainer');
    const offerings = Math.min(p.offerings, maintainer?.constants.get('RERANK_OFFERING_LIMIT') ?? 20);
    const cost = planCost(source, plans.triggerSave, p, {
        accounts: 200,
        specialists: Math.min(200, p.specialists),
        offerings
    });
    return {
        ...cost,
        withinLimits:
            cost.counted <= LIMITS.queryRows && cost.queries <= LIMITS.queries && cost.heapBytes <= LIMITS.syncHeapBytes
    };
}

export interface AdoptionWrite {
    rows: number;
    /** Rows `finish` upserts itself (0 when a SummaryWriteBatch takes them). */
    direct: number;
    /** Chunks of the SummaryWriteBatch, 0 when written directly. */
    writerChunks: number;
    withinLimits: boolean;
}

/** How the adoption phase's `finish` writes its rows: directly, or in chunks of a SummaryWriteBatch. */
export function adoptionWrite(source: ModelSource, p: OrgProfile): AdoptionWrite {
    const direct = source.classes.get('CrossSellStatsBatch')?.constants.get('DIRECT_WRITE_LIMIT');
    const scope = source.classes.get('SummaryWriteBatch')?.constants.get('SCOPE');
    if (direct === undefined || scope === undefined) throw new Error('write limits not found in the Apex');
    const rows = volume('Offering_Adoption_Summary__c', p);
    const viaWriter = rows > direct;
    return {
        rows,
        direct: viaWriter ? 0 : rows,
        writerChunks: viaWriter ? Math.ceil(rows / scope) : 0,
        withinLimits: (viaWriter ? scope : rows) <= LIMITS.dmlRows
    };
}
