/**
 * `buildPanelData`: the `PanelData` for one account computed from the sample data set the way
 * `CrossSellController.getPanelData` computes it in an org, so the local preview and the scenario tests rank
 * exactly what the panel would. Ids are the records' external ids; user ids are sample user handles.
 *
 * What it mirrors: holdings from assets (purchase date) and Closed Won line items (close date) within the
 * lookback; every attempt on the account, newest first; active offerings by name; per offering at most
 * CANDIDATES_PER_OFFERING specialists, active first, then by expertise level, then name; firm-wide open
 * intros, track records and ratings (each candidate's record on the offerings they are a candidate for); the
 * rep's familiarity and shared history (joint attempts, connections); the top three specialists by wins per
 * offering; peer adoption in the account's industry, or across the firm for an account without one.
 *
 * Like the server, an account without an industry gets firm-wide adoption (segment = all accounts), and
 * inactive specialists stay candidates so the panel can say why they are not suggested.
 *
 * The data set is indexed once (cached per data set object) so each call only walks one account's records,
 * the candidates and the rep's history, plus one pass over the holdings per industry and day (cached too).
 */
import type {
    AttemptInfo,
    ExpertiseInfo,
    Holding,
    OfferingInfo,
    OfferingSeller,
    PanelData,
    PeerAdoption,
    RepOfferingFamiliarity,
    RepSpecialistHistory,
    SpecialistInfo,
    SpecialistOfferingStats
} from '../../force-app/main/default/lwc/crossSellEngine/contract';
import { DEFAULT_SETTINGS } from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';
import type {
    AccountRecord,
    AttemptRecord,
    ConnectionRecord,
    ExpertiseRecord,
    OfferingRecord,
    SampleDataSet,
    SpecialistRecord
} from './types';

/** Candidate specialists per offering, strongest expertise first (the server's cap). */
export const CANDIDATES_PER_OFFERING = 10;
/** Sellers listed per offering. */
export const SELLERS_PER_OFFERING = 3;

const CLOSED = new Set(['Won', 'Lost', 'Not Pursued']);
const LEVEL_ORDER: Record<string, number> = { Lead: 3, Expert: 2, Practitioner: 1 };
const MS_PER_DAY = 86400000;

/** One dated purchase of an offering by an account. */
interface Purchase {
    accountId: string;
    offeringId: string;
    source: Holding['source'];
    date: string;
}

interface SpecialistCounts {
    open: number;
    /** offering id -> wins, losses, rating sum and count */
    byOffering: Map<string, { wins: number; losses: number; ratingSum: number; ratingCount: number }>;
}

interface SampleIndex {
    accounts: Map<string, AccountRecord>;
    activeOfferings: OfferingRecord[];
    specialists: Map<string, SpecialistRecord>;
    userNames: Map<string, string>;
    purchasesByAccount: Map<string, Purchase[]>;
    allPurchases: Purchase[];
    accountsByIndustry: Map<string, string[]>;
    attemptsByAccount: Map<string, AttemptRecord[]>;
    attemptsByRep: Map<string, AttemptRecord[]>;
    connectionsByRep: Map<string, ConnectionRecord[]>;
    /** offering id -> candidate expertise rows, strongest first, capped */
    candidatesByOffering: Map<string, ExpertiseRecord[]>;
    specialistCounts: Map<string, SpecialistCounts>;
    sellersByOffering: Map<string, OfferingSeller[]>;
    /** `industry|since` -> offering id -> buyers */
    adoption: Map<string, Map<string, number>>;
}

const indexes = new WeakMap<SampleDataSet, SampleIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function buildIndex(set: SampleDataSet): SampleIndex {
    const accounts = new Map(set.accounts.map((a) => [a.External_Id__c, a]));
    const offerings = new Map(set.offerings.map((o) => [o.External_Id__c, o]));
    const specialists = new Map(set.specialists.map((s) => [s.External_Id__c, s]));
    const userNames = new Map(set.users.map((u) => [u.key, u.name]));
    const productOffering = new Map(set.products.map((p) => [p.External_Id__c, p.Offering__r.External_Id__c]));
    const entryOffering = new Map(
        set.pricebookEntries.map((e) => [e.External_Id__c, productOffering.get(e.Product2.External_Id__c)])
    );

    const purchasesByAccount = new Map<string, Purchase[]>();
    const allPurchases: Purchase[] = [];
    const addPurchase = (purchase: Purchase): void => {
        allPurchases.push(purchase);
        push(purchasesByAccount, purchase.accountId, purchase);
    };
    for (const asset of set.assets) {
        const offeringId = productOffering.get(asset.Product2.External_Id__c);
        if (offeringId) {
            addPurchase({
                accountId: asset.Account.External_Id__c,
                offeringId,
                source: 'Asset',
                date: asset.PurchaseDate
            });
        }
    }
    const wonOpportunities = new Map(
        set.opportunities.filter((o) => o.StageName === 'Closed Won').map((o) => [o.External_Id__c, o])
    );
    for (const line of set.lineItems) {
        const opportunity = wonOpportunities.get(line.Opportunity.External_Id__c);
        const offeringId = entryOffering.get(line.PricebookEntry.External_Id__c);
        if (opportunity && offeringId) {
            addPurchase({
                accountId: opportunity.Account.External_Id__c,
                offeringId,
                source: 'LineItem',
                date: opportunity.CloseDate
            });
        }
    }

    const accountsByIndustry = new Map<string, string[]>();
    for (const account of set.accounts) {
        if (account.Industry) push(accountsByIndustry, account.Industry, account.External_Id__c);
    }

    const attemptsByAccount = new Map<string, AttemptRecord[]>();
    const attemptsByRep = new Map<string, AttemptRecord[]>();
    const specialistCounts = new Map<string, SpecialistCounts>();
    const wins = new Map<string, Map<string, number>>();
    for (const attempt of set.attempts) {
        push(attemptsByAccount, attempt.Account__r.External_Id__c, attempt);
        push(attemptsByRep, attempt.repKey, attempt);
        const specialistId = attempt.Specialist__r?.External_Id__c;
        if (!specialistId) continue;
        let counts = specialistCounts.get(specialistId);
        if (!counts) {
            counts = { open: 0, byOffering: new Map() };
            specialistCounts.set(specialistId, counts);
        }
        if (!CLOSED.has(attempt.Status__c)) counts.open += 1;
        const offeringId = attempt.Offering__r.External_Id__c;
        let record = counts.byOffering.get(offeringId);
        if (!record) {
            record = { wins: 0, losses: 0, ratingSum: 0, ratingCount: 0 };
            counts.byOffering.set(offeringId, record);
        }
        if (attempt.Status__c === 'Won') {
            record.wins += 1;
            let forOffering = wins.get(offeringId);
            if (!forOffering) {
                forOffering = new Map();
                wins.set(offeringId, forOffering);
            }
            forOffering.set(specialistId, (forOffering.get(specialistId) ?? 0) + 1);
        }
        if (attempt.Status__c === 'Lost') record.losses += 1;
        if (attempt.Specialist_Rating__c !== null) {
            record.ratingSum += attempt.Specialist_Rating__c;
            record.ratingCount += 1;
        }
    }
    for (const list of attemptsByAccount.values()) {
        list.sort(
            (a, b) => compareText(b.createdDate, a.createdDate) || compareText(b.External_Id__c, a.External_Id__c)
        );
    }

    const sellersByOffering = new Map<string, OfferingSeller[]>();
    for (const [offeringId, bySpecialist] of wins) {
        const sellers = [...bySpecialist].map(([specialistId, count]) => ({
            offeringId,
            name: specialists.get(specialistId)?.Name ?? '',
            specialistId,
            wins: count
        }));
        sellers.sort((a, b) => b.wins - a.wins || compareText(a.name, b.name));
        sellersByOffering.set(offeringId, sellers.slice(0, SELLERS_PER_OFFERING));
    }

    const connectionsByRep = new Map<string, ConnectionRecord[]>();
    for (const connection of set.connections) push(connectionsByRep, connection.repKey, connection);

    const expertiseByOffering = new Map<string, ExpertiseRecord[]>();
    for (const row of set.expertise) push(expertiseByOffering, row.Offering__r.External_Id__c, row);
    const candidatesByOffering = new Map<string, ExpertiseRecord[]>();
    for (const [offeringId, rows] of expertiseByOffering) {
        const name = (row: ExpertiseRecord): string => specialists.get(row.Specialist__r.External_Id__c)?.Name ?? '';
        const active = (row: ExpertiseRecord): number =>
            specialists.get(row.Specialist__r.External_Id__c)?.Active__c ? 1 : 0;
        // As the server reads them: active first, then by level, then by name.
        rows.sort(
            (a, b) =>
                active(b) - active(a) ||
                LEVEL_ORDER[b.Level__c] - LEVEL_ORDER[a.Level__c] ||
                compareText(name(a), name(b))
        );
        candidatesByOffering.set(offeringId, rows.slice(0, CANDIDATES_PER_OFFERING));
    }

    const activeOfferings = [...offerings.values()]
        .filter((o) => o.Active__c)
        .sort((a, b) => compareText(a.Name, b.Name) || compareText(a.External_Id__c, b.External_Id__c));

    return {
        accounts,
        activeOfferings,
        specialists,
        userNames,
        purchasesByAccount,
        allPurchases,
        accountsByIndustry,
        attemptsByAccount,
        attemptsByRep,
        connectionsByRep,
        candidatesByOffering,
        specialistCounts,
        sellersByOffering,
        adoption: new Map()
    };
}

function indexOf(set: SampleDataSet): SampleIndex {
    let index = indexes.get(set);
    if (!index) {
        index = buildIndex(set);
        indexes.set(set, index);
    }
    return index;
}

/** Forgets the index of a data set; call it after changing the set's records in place. */
export function invalidatePanelData(set: SampleDataSet): void {
    indexes.delete(set);
}

function addDays(date: string, days: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Buyers per offering among the given accounts (null: all accounts), from purchases on or after `since`. */
function adoptionAmong(index: SampleIndex, industry: string | null, since: string): Map<string, number> {
    const key = `${industry ?? ''}|${since}`;
    const cached = index.adoption.get(key);
    if (cached) return cached;
    const segment = industry === null ? null : new Set(index.accountsByIndustry.get(industry) ?? []);
    // Per source, as the server counts: COUNT_DISTINCT of buying accounts, then the larger of the two.
    const bySource = { Asset: new Map<string, Set<string>>(), LineItem: new Map<string, Set<string>>() };
    for (const purchase of index.allPurchases) {
        if (purchase.date < since || (segment && !segment.has(purchase.accountId))) continue;
        const map = bySource[purchase.source];
        let buyers = map.get(purchase.offeringId);
        if (!buyers) {
            buyers = new Set();
            map.set(purchase.offeringId, buyers);
        }
        buyers.add(purchase.accountId);
    }
    const result = new Map<string, number>();
    for (const map of [bySource.Asset, bySource.LineItem]) {
        for (const [offeringId, buyers] of map)
            result.set(offeringId, Math.max(result.get(offeringId) ?? 0, buyers.size));
    }
    index.adoption.set(key, result);
    return result;
}

function toOfferingInfo(record: OfferingRecord): OfferingInfo {
    return {
        id: record.External_Id__c,
        name: record.Name,
        businessUnit: record.Business_Unit__c || null,
        family: record.Family__c || null,
        summary: record.Summary__c || null,
        valueProposition: record.Value_Proposition__c || null,
        discoveryQuestions: record.Discovery_Questions__c || null,
        targetIndustries: record.Target_Industries__c ? record.Target_Industries__c.split(';') : [],
        typicalDealSize: record.Typical_Deal_Size__c ?? null,
        complexity: record.Complexity__c ?? null
    };
}

function toAttemptInfo(
    attempt: AttemptRecord,
    index: SampleIndex,
    offerings: Map<string, OfferingRecord>
): AttemptInfo {
    const specialistId = attempt.Specialist__r?.External_Id__c ?? null;
    const offeringId = attempt.Offering__r.External_Id__c;
    return {
        id: attempt.External_Id__c,
        name: attempt.External_Id__c,
        offeringId,
        offeringName: offerings.get(offeringId)?.Name ?? '',
        specialistId,
        specialistName: specialistId ? (index.specialists.get(specialistId)?.Name ?? null) : null,
        repId: attempt.repKey,
        repName: index.userNames.get(attempt.repKey) ?? attempt.repKey,
        status: attempt.Status__c,
        statusChangedDate: attempt.Status_Changed_Date__c,
        outcomeReason: attempt.Outcome_Reason__c,
        nextStep: attempt.Next_Step__c,
        nextStepDate: attempt.Next_Step_Date__c,
        estimatedValue: attempt.Estimated_Value__c,
        opportunityId: attempt.Opportunity__r?.External_Id__c ?? null,
        opportunityName: null,
        notes: null,
        closedDate: attempt.Closed_Date__c,
        specialistRating: attempt.Specialist_Rating__c,
        source: attempt.Source__c,
        createdDate: `${attempt.createdDate}T09:00:00.000Z`,
        isClosed: CLOSED.has(attempt.Status__c)
    };
}

/**
 * The panel data for one account as the given rep sees it on `today` (`YYYY-MM-DD`; default: the data set's
 * as-of day). Throws a clear error for an unknown account.
 */
export function buildPanelData(
    set: SampleDataSet,
    accountExternalId: string,
    repKey: string,
    today: string = set.asOf
): PanelData {
    const index = indexOf(set);
    const account = index.accounts.get(accountExternalId);
    if (!account) throw new Error(`No sample account with external id ${accountExternalId}`);
    const settings = { ...DEFAULT_SETTINGS, soldSources: [...DEFAULT_SETTINGS.soldSources] };
    const since = addDays(today, -settings.lookbackDays);
    const offeringsById = new Map(index.activeOfferings.map((o) => [o.External_Id__c, o]));
    const allOfferings = new Map(set.offerings.map((o) => [o.External_Id__c, o]));

    const holdings: Holding[] = (index.purchasesByAccount.get(accountExternalId) ?? [])
        .filter((p) => p.date >= since && offeringsById.has(p.offeringId))
        .map((p) => ({ offeringId: p.offeringId, source: p.source, purchaseDate: p.date }));

    const accountAttempts = index.attemptsByAccount.get(accountExternalId) ?? [];
    const attempts = accountAttempts.map((a) => toAttemptInfo(a, index, allOfferings));
    const onAccount = new Set(accountAttempts.map((a) => a.Specialist__r?.External_Id__c).filter(Boolean));

    const offerings = index.activeOfferings.map(toOfferingInfo);
    const expertise: ExpertiseInfo[] = [];
    const specialists = new Map<string, SpecialistInfo>();
    for (const offering of index.activeOfferings) {
        for (const row of index.candidatesByOffering.get(offering.External_Id__c) ?? []) {
            const specialistId = row.Specialist__r.External_Id__c;
            const record = index.specialists.get(specialistId);
            if (!record) continue;
            expertise.push({ specialistId, offeringId: offering.External_Id__c, level: row.Level__c });
            if (!specialists.has(specialistId)) {
                specialists.set(specialistId, {
                    id: specialistId,
                    name: record.Name,
                    title: record.Title__c || null,
                    businessUnit: record.Business_Unit__c || null,
                    email: record.Email__c || null,
                    userId: record.userKey,
                    active: record.Active__c,
                    capacity: record.Capacity__c ?? null,
                    openIntros: index.specialistCounts.get(specialistId)?.open ?? 0,
                    knowsAccount: onAccount.has(specialistId)
                });
            }
        }
    }

    // A candidate's record on the offerings they are a candidate for: the pairs the engine ranks.
    const pairs = new Set(expertise.map((row) => `${row.specialistId}|${row.offeringId}`));
    const specialistStats: SpecialistOfferingStats[] = [];
    for (const specialistId of specialists.keys()) {
        const counts = index.specialistCounts.get(specialistId);
        if (!counts) continue;
        for (const [offeringId, record] of counts.byOffering) {
            if (!offeringsById.has(offeringId) || !pairs.has(`${specialistId}|${offeringId}`)) continue;
            specialistStats.push({
                specialistId,
                offeringId,
                wins: record.wins,
                losses: record.losses,
                averageRating:
                    record.ratingCount > 0 ? Math.round((record.ratingSum / record.ratingCount) * 100) / 100 : null,
                ratingCount: record.ratingCount
            });
        }
    }

    const familiarity = new Map<string, RepOfferingFamiliarity>();
    const history = new Map<string, RepSpecialistHistory>();
    const historyFor = (specialistId: string): RepSpecialistHistory => {
        let entry = history.get(specialistId);
        if (!entry) {
            entry = { specialistId, jointAttempts: 0, jointWins: 0, connections: 0, lastConnectionDate: null };
            history.set(specialistId, entry);
        }
        return entry;
    };
    for (const attempt of index.attemptsByRep.get(repKey) ?? []) {
        const offeringId = attempt.Offering__r.External_Id__c;
        const won = attempt.Status__c === 'Won';
        let known = familiarity.get(offeringId);
        if (!known) {
            known = { offeringId, attempts: 0, wins: 0 };
            familiarity.set(offeringId, known);
        }
        known.attempts += 1;
        known.wins += won ? 1 : 0;
        const specialistId = attempt.Specialist__r?.External_Id__c;
        if (specialistId && specialists.has(specialistId)) {
            const shared = historyFor(specialistId);
            shared.jointAttempts += 1;
            shared.jointWins += won ? 1 : 0;
        }
    }
    for (const connection of index.connectionsByRep.get(repKey) ?? []) {
        const specialistId = connection.Specialist__r.External_Id__c;
        if (!specialists.has(specialistId)) continue;
        const shared = historyFor(specialistId);
        shared.connections += 1;
        if (shared.lastConnectionDate === null || connection.Date__c > shared.lastConnectionDate) {
            shared.lastConnectionDate = connection.Date__c;
        }
    }

    const topSellers: OfferingSeller[] = [];
    for (const offering of index.activeOfferings) {
        for (const seller of index.sellersByOffering.get(offering.External_Id__c) ?? []) topSellers.push({ ...seller });
    }

    const segmentSize = account.Industry
        ? (index.accountsByIndustry.get(account.Industry)?.length ?? 0)
        : index.accounts.size;
    const buyers = adoptionAmong(index, account.Industry, since);
    const peerAdoption: PeerAdoption[] = offerings.map((o) => ({
        offeringId: o.id,
        buyers: Math.min(buyers.get(o.id) ?? 0, segmentSize),
        segmentSize
    }));

    return {
        account: {
            id: account.External_Id__c,
            name: account.Name,
            industry: account.Industry,
            employees: account.NumberOfEmployees ?? null,
            region: account.BillingCountry || null,
            ownerId: account.ownerKey
        },
        offerings,
        holdings,
        peerAdoption,
        attempts,
        specialists: [...specialists.values()],
        expertise,
        specialistStats,
        repHistory: [...history.values()],
        repFamiliarity: [...familiarity.values()],
        topSellers,
        settings,
        user: { id: repKey, name: index.userNames.get(repKey) ?? repKey },
        today
    };
}
