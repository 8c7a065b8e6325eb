/**
 * The sample data set: a believable firm (6 business units, 40 offerings, 60 specialists, 200 accounts with
 * products, assets, won and lost opportunities, cross-sell attempts, ratings and colleague connections),
 * generated deterministically from a seed. The seed scripts and the local preview both use exactly this data.
 *
 * Random data gives every account a plausible history; a few "story" records on top make the ranking show
 * explainable differences that the scenario tests name (see STORY below). `--scale N` multiplies accounts,
 * offerings and specialists for load tests.
 *
 * Usage: tsx scripts/sample-data/generate.ts [--scale N] [--seed N] [--as-of YYYY-MM-DD] [--out file.json]
 * Record shapes and the reference convention are described in ./types.ts.
 */
import { writeFileSync } from 'node:fs';
import {
    ACCOUNT_WORDS,
    BUSINESS_UNITS,
    COUNTRIES,
    FIRST_NAMES,
    INDUSTRIES,
    LAST_NAMES,
    OFFERINGS,
    REPS,
    TITLES
} from './catalog';
import type { CatalogOffering } from './catalog';
import type {
    AccountRecord,
    AttemptRecord,
    AttemptStatus,
    ConnectionRecord,
    ExpertiseRecord,
    OfferingRecord,
    SampleDataSet,
    SampleUser,
    SpecialistRecord
} from './types';

export type * from './types';
export { buildPanelData, invalidatePanelData, CANDIDATES_PER_OFFERING } from './panelData';

/** Every date in the default data set is relative to this day; pass `asOf` to move the whole set in time. */
export const SAMPLE_AS_OF = '2026-11-01';
export const DEFAULT_SEED = 20261123;

export interface GenerateOptions {
    /** Multiplies accounts, offerings and specialists (whole number, at least 1). */
    scale?: number;
    seed?: number;
    /** The day the data describes (`YYYY-MM-DD`). */
    asOf?: string;
}

/** The named records the scenario tests rely on. */
export const STORY = Object.freeze({
    /** Banking, owned by rep.alex: Treasury Services is its top suggestion. */
    harborBank: 'CW-ACC-0001',
    /** No industry: peer adoption is firm-wide. */
    bluewater: 'CW-ACC-0002',
    treasury: 'CW-OFF-001',
    /** Lead on Treasury Services, 30 wins of 50, rated 4.5, worked with Harbor Bank before. */
    priya: 'CW-SPC-001',
    /** Lead on Treasury Services, capacity 2 with 2 open intros. */
    marco: 'CW-SPC-002',
    /** Expert on Treasury Services, 6 wins of 10, strong ties with rep.alex (3 joint attempts, 3 connections). */
    dana: 'CW-SPC-003',
    /** Expert on Treasury Services, 1 win of 1, no Salesforce licence. */
    leo: 'CW-SPC-004',
    /** Lead on Treasury Services, no longer active. */
    ines: 'CW-SPC-005',
    alex: 'rep.alex',
    jamie: 'rep.jamie'
});

const STORY_SPECIALIST_IDS: ReadonlySet<string> = new Set([
    STORY.priya,
    STORY.marco,
    STORY.dana,
    STORY.leo,
    STORY.ines
]);
/** Reps whose history with the story specialists is only what the story says. */
const STORY_REPS: ReadonlySet<string> = new Set([STORY.alex, STORY.jamie]);

const DISMISSAL_REASONS = ['Already with competitor', 'Not a fit', 'Bad timing', 'Other'] as const;
const LOSS_REASONS = ['Price', 'Competitor', 'Bad timing', 'Relationship', 'Not a fit'] as const;
const WIN_REASONS = ['Value proven', 'Relationship'] as const;
const OPEN_STATUSES: AttemptStatus[] = ['Identified', 'Introduced', 'Meeting Held', 'Proposal'];
const CONNECTION_TYPES = ['Intro call', 'Shadowing', 'Knowledge session'] as const;
const NEXT_STEPS = [
    'Book discovery call',
    'Send case study',
    'Prepare proposal',
    'Introduce specialist',
    'Agree scope'
];
const MS_PER_DAY = 86400000;

/** mulberry32: small, fast and the same on every platform. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function pad(value: number, width: number): string {
    return String(value).padStart(width, '0');
}

interface OfferingFacts {
    record: OfferingRecord;
    catalog: CatalogOffering;
    /** External ids of the offering's products (the first is the core product). */
    products: string[];
    pricebookEntries: string[];
    prices: number[];
    /** Active specialists with expertise, with a pick weight by level. */
    experts: { id: string; weight: number }[];
}

interface SpecialistFacts {
    record: SpecialistRecord;
    /** Latent skill 0..1: drives win chance and ratings. */
    skill: number;
    levels: Map<string, ExpertiseRecord['Level__c']>;
}

/** Builds one data set; all randomness flows from one seeded stream in a fixed order. */
class Generator {
    private readonly random: () => number;
    private readonly asOfDay: number;
    readonly set: SampleDataSet;
    private readonly offeringFacts: OfferingFacts[] = [];
    private readonly specialistFacts: SpecialistFacts[] = [];
    private readonly usedUserKeys = new Set<string>();
    private readonly counters = new Map<string, number>();
    /** account id -> offering id -> held (so attempts pick what the account does not buy). */
    private readonly held = new Map<string, Set<string>>();

    constructor(
        private readonly scale: number,
        seed: number,
        asOf: string
    ) {
        this.random = seededRandom(seed);
        this.asOfDay = Math.floor(Date.parse(`${asOf}T00:00:00Z`) / MS_PER_DAY);
        this.set = {
            asOf,
            seed,
            scale,
            users: [],
            offerings: [],
            products: [],
            pricebookEntries: [],
            accounts: [],
            assets: [],
            opportunities: [],
            lineItems: [],
            specialists: [],
            expertise: [],
            attempts: [],
            connections: []
        };
    }

    // ---- small helpers -------------------------------------------------------------------------------

    private nextId(prefix: string, width: number): string {
        const next = (this.counters.get(prefix) ?? 0) + 1;
        this.counters.set(prefix, next);
        return `CW-${prefix}-${pad(next, width)}`;
    }

    private between(low: number, high: number): number {
        return low + Math.floor(this.random() * (high - low + 1));
    }

    private pick<T>(list: readonly T[]): T {
        return list[Math.floor(this.random() * list.length)];
    }

    private weightedPick<T>(list: readonly T[], weight: (item: T) => number): T {
        let sum = 0;
        for (const item of list) sum += weight(item);
        let roll = this.random() * sum;
        for (const item of list) {
            roll -= weight(item);
            if (roll < 0) return item;
        }
        return list[list.length - 1];
    }

    private shuffle<T>(list: T[]): T[] {
        for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(this.random() * (i + 1));
            [list[i], list[j]] = [list[j], list[i]];
        }
        return list;
    }

    /** `YYYY-MM-DD` for a day this many days before the as-of date (negative: after). */
    date(daysAgo: number): string {
        return new Date((this.asOfDay - daysAgo) * MS_PER_DAY).toISOString().slice(0, 10);
    }

    private ref(id: string): { External_Id__c: string } {
        return { External_Id__c: id };
    }

    private hold(accountId: string, offeringId: string): void {
        let offerings = this.held.get(accountId);
        if (!offerings) {
            offerings = new Set();
            this.held.set(accountId, offerings);
        }
        offerings.add(offeringId);
    }

    private holds(accountId: string, offeringId: string): boolean {
        return this.held.get(accountId)?.has(offeringId) ?? false;
    }

    // ---- catalogue -----------------------------------------------------------------------------------

    buildUsers(): void {
        for (const rep of REPS) {
            this.set.users.push({
                key: rep.key,
                firstName: rep.firstName,
                lastName: rep.lastName,
                name: `${rep.firstName} ${rep.lastName}`,
                role: 'Rep'
            });
        }
    }

    buildOfferings(): void {
        for (let copy = 0; copy < this.scale; copy++) {
            for (const catalog of OFFERINGS) {
                const id = this.nextId('OFF', 3);
                const name = copy === 0 ? catalog.name : `${catalog.name} ${copy + 1}`;
                const record: OfferingRecord = {
                    External_Id__c: id,
                    Name: name,
                    Business_Unit__c: catalog.unit,
                    Family__c: catalog.family,
                    Summary__c: catalog.summary,
                    Value_Proposition__c: `${name} helps ${catalog.targets.join(', ')} clients ${catalog.outcome}.`,
                    Discovery_Questions__c: [
                        `How do you handle ${catalog.family.toLowerCase()} today, and what does it cost you?`,
                        `What would it be worth to ${catalog.outcome}?`,
                        'Who else would be involved in deciding on this?'
                    ].join('\n'),
                    Target_Industries__c: catalog.targets.join(';'),
                    Typical_Deal_Size__c: catalog.dealSize,
                    Complexity__c: catalog.complexity,
                    Active__c: catalog.active !== false
                };
                this.set.offerings.push(record);
                const facts: OfferingFacts = {
                    record,
                    catalog,
                    products: [],
                    pricebookEntries: [],
                    prices: [],
                    experts: []
                };
                const number = id.slice('CW-OFF-'.length);
                const variants = [
                    { suffix: '', share: 0.8 },
                    { suffix: ' Add-on', share: 0.2 }
                ];
                variants.forEach((variant, index) => {
                    const productId = `CW-PRD-${number}-${index + 1}`;
                    const entryId = `CW-PBE-${number}-${index + 1}`;
                    const price = Math.round(catalog.dealSize * variant.share);
                    this.set.products.push({
                        External_Id__c: productId,
                        Name: `${name}${variant.suffix}`,
                        ProductCode: `CW${number}-${index + 1}`,
                        Family: catalog.family,
                        IsActive: record.Active__c,
                        Offering__r: this.ref(id)
                    });
                    this.set.pricebookEntries.push({
                        External_Id__c: entryId,
                        Product2: this.ref(productId),
                        UnitPrice: price,
                        IsActive: record.Active__c
                    });
                    facts.products.push(productId);
                    facts.pricebookEntries.push(entryId);
                    facts.prices.push(price);
                });
                this.offeringFacts.push(facts);
            }
        }
    }

    // ---- specialists ---------------------------------------------------------------------------------

    private userKeyFor(first: string, last: string): string {
        let key = `spec.${first.toLowerCase()}`;
        if (this.usedUserKeys.has(key)) key = `spec.${first.toLowerCase()}.${last.toLowerCase()}`;
        let suffix = 2;
        const base = key;
        while (this.usedUserKeys.has(key)) key = `${base}${suffix++}`;
        this.usedUserKeys.add(key);
        return key;
    }

    private addSpecialist(
        index: number,
        unit: string,
        options: { licensed: boolean; active: boolean; capacity: number; skill: number; title: string }
    ): SpecialistFacts {
        const first = FIRST_NAMES[index % FIRST_NAMES.length];
        const last = LAST_NAMES[index < 5 ? index : (index * 7 + 3) % LAST_NAMES.length];
        const round = Math.floor(index / FIRST_NAMES.length);
        const name = round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
        const userKey = options.licensed ? this.userKeyFor(first, round === 0 ? last : `${last}${round + 1}`) : null;
        const record: SpecialistRecord = {
            External_Id__c: this.nextId('SPC', 3),
            Name: name,
            Title__c: options.title,
            Business_Unit__c: unit,
            Email__c: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@crossway-sample.example`,
            Bio__c: options.licensed
                ? `${options.title} in ${unit}.`
                : `${options.title} in ${unit}; joined with the acquired firm and works without a Salesforce licence.`,
            Industries__c: '',
            Capacity__c: options.capacity,
            Active__c: options.active,
            userKey
        };
        if (userKey) {
            this.set.users.push({ key: userKey, firstName: first, lastName: last, name, role: 'Specialist' });
        }
        this.set.specialists.push(record);
        const facts: SpecialistFacts = { record, skill: options.skill, levels: new Map() };
        this.specialistFacts.push(facts);
        return facts;
    }

    private addExpertise(
        specialist: SpecialistFacts,
        offering: OfferingFacts,
        level: ExpertiseRecord['Level__c']
    ): void {
        if (specialist.levels.has(offering.record.External_Id__c)) return;
        specialist.levels.set(offering.record.External_Id__c, level);
        this.set.expertise.push({
            External_Id__c: this.nextId('EXP', 5),
            Specialist__r: this.ref(specialist.record.External_Id__c),
            Offering__r: this.ref(offering.record.External_Id__c),
            Level__c: level
        });
        if (specialist.record.Active__c) {
            offering.experts.push({
                id: specialist.record.External_Id__c,
                weight: level === 'Lead' ? 3 : level === 'Expert' ? 2 : 1
            });
        }
    }

    private offeringByName(name: string): OfferingFacts {
        const found = this.offeringFacts.find((facts) => facts.record.Name === name);
        if (!found) throw new Error(`No sample offering named ${name}`);
        return found;
    }

    buildSpecialists(): void {
        const unit = BUSINESS_UNITS[0];
        const treasury = this.offeringFacts[0];
        const story = [
            { level: 'Lead', licensed: true, active: true, capacity: 6, skill: 0.75, title: 'Practice Lead' },
            { level: 'Lead', licensed: true, active: true, capacity: 2, skill: 0.6, title: 'Principal Consultant' },
            { level: 'Expert', licensed: true, active: true, capacity: 5, skill: 0.6, title: 'Solution Architect' },
            { level: 'Expert', licensed: false, active: true, capacity: 4, skill: 0.5, title: 'Senior Specialist' },
            { level: 'Lead', licensed: true, active: false, capacity: 4, skill: 0.7, title: 'Industry Expert' }
        ] as const;
        story.forEach((entry, index) => {
            const facts = this.addSpecialist(index, unit, entry);
            this.addExpertise(facts, treasury, entry.level);
        });
        // Story specialists also know neighbouring offerings of their unit.
        const [priya, marco, dana, leo] = this.specialistFacts;
        this.addExpertise(priya, this.offeringByName('Cash Management'), 'Expert');
        this.addExpertise(priya, this.offeringByName('FX Risk Hedging'), 'Lead');
        this.addExpertise(marco, this.offeringByName('Merchant Payments'), 'Lead');
        this.addExpertise(dana, this.offeringByName('Trade Finance'), 'Expert');
        this.addExpertise(leo, this.offeringByName('Cash Management'), 'Practitioner');

        const total = 60 * this.scale;
        for (let index = story.length; index < total; index++) {
            const specialistUnit = BUSINESS_UNITS[index % BUSINESS_UNITS.length];
            const facts = this.addSpecialist(index, specialistUnit, {
                licensed: this.random() > 0.17,
                active: this.random() > 0.05,
                capacity: this.between(2, 8),
                skill: 0.2 + this.random() * 0.7,
                title: this.pick(TITLES)
            });
            // Offerings of the specialist's unit, in the specialist's copy of the catalogue when scaled.
            const copy = Math.floor(index / 60) % this.scale;
            const own = this.offeringFacts.filter(
                (o, i) =>
                    o.record.Business_Unit__c === specialistUnit &&
                    Math.floor(i / OFFERINGS.length) === copy &&
                    o !== treasury
            );
            const count = Math.min(own.length, this.between(3, 5));
            const chosen = this.shuffle([...own]).slice(0, count);
            for (const offering of chosen) {
                const roll = this.random();
                this.addExpertise(facts, offering, roll < 0.2 ? 'Lead' : roll < 0.6 ? 'Expert' : 'Practitioner');
            }
            if (this.random() < 0.3) {
                const other = this.pick(this.offeringFacts);
                if (other !== treasury) this.addExpertise(facts, other, 'Practitioner');
            }
        }
        for (const facts of this.specialistFacts) {
            const industries = new Set<string>();
            for (const offeringId of facts.levels.keys()) {
                const offering = this.offeringFacts.find((o) => o.record.External_Id__c === offeringId);
                offering?.catalog.targets.forEach((industry) => industries.add(industry));
            }
            facts.record.Industries__c = [...industries].sort().slice(0, 4).join(';');
        }
    }

    // ---- accounts and what they buy ------------------------------------------------------------------

    buildAccounts(): void {
        const total = 200 * this.scale;
        const names = new Set<string>();
        const story: Partial<AccountRecord>[] = [
            {
                Name: 'Harbor Bank',
                Industry: 'Banking',
                NumberOfEmployees: 12000,
                BillingCountry: 'United States',
                ownerKey: STORY.alex
            },
            {
                Name: 'Bluewater Trading',
                Industry: null,
                NumberOfEmployees: 800,
                BillingCountry: 'Netherlands',
                ownerKey: 'rep.taylor'
            }
        ];
        for (let index = 0; index < total; index++) {
            const given = story[index];
            const industry = given ? given.Industry! : this.weightedPick(INDUSTRIES, (entry) => entry.share).name;
            let name = given?.Name;
            if (!name) {
                const noun = INDUSTRIES.find((entry) => entry.name === industry)?.noun ?? 'Group';
                const word = ACCOUNT_WORDS[(index * 17 + 5) % ACCOUNT_WORDS.length];
                name = `${word} ${noun}`;
                for (let n = 2; names.has(name); n++) name = `${word} ${noun} ${n}`;
            }
            names.add(name);
            this.set.accounts.push({
                External_Id__c: this.nextId('ACC', 4),
                Name: name,
                Industry: industry,
                NumberOfEmployees: given?.NumberOfEmployees ?? Math.round(200 * Math.pow(500, this.random())),
                BillingCountry: given?.BillingCountry ?? this.pick(COUNTRIES),
                ownerKey: given?.ownerKey ?? REPS[index % REPS.length].key
            });
        }
    }

    private addAsset(account: AccountRecord, offering: OfferingFacts, daysAgo: number): void {
        this.set.assets.push({
            External_Id__c: this.nextId('AST', 5),
            Name: this.set.products.find((p) => p.External_Id__c === offering.products[0])!.Name,
            Account: this.ref(account.External_Id__c),
            Product2: this.ref(offering.products[0]),
            PurchaseDate: this.date(daysAgo),
            Status: daysAgo > 1000 ? 'Obsolete' : 'Installed',
            Quantity: this.between(1, 5)
        });
        this.hold(account.External_Id__c, offering.record.External_Id__c);
    }

    /** A closed opportunity with one line item (and the add-on for some won deals); returns its external id. */
    private addOpportunity(
        account: AccountRecord,
        offering: OfferingFacts,
        daysAgo: number,
        won: boolean,
        ownerKey: string = account.ownerKey
    ): string {
        const id = this.nextId('OPP', 5);
        const lines = won && this.random() < 0.3 ? [0, 1] : [0];
        let amount = 0;
        for (const line of lines) {
            const quantity = this.between(1, 3);
            const price = offering.prices[line];
            amount += quantity * price;
            this.set.lineItems.push({
                External_Id__c: this.nextId('OLI', 5),
                Opportunity: this.ref(id),
                PricebookEntry: this.ref(offering.pricebookEntries[line]),
                Quantity: quantity,
                UnitPrice: price
            });
        }
        this.set.opportunities.push({
            External_Id__c: id,
            Name: `${account.Name} - ${offering.record.Name}`,
            Account: this.ref(account.External_Id__c),
            StageName: won ? 'Closed Won' : 'Closed Lost',
            CloseDate: this.date(daysAgo),
            Amount: amount,
            ownerKey
        });
        if (won) this.hold(account.External_Id__c, offering.record.External_Id__c);
        return id;
    }

    buildHoldings(): void {
        for (const account of this.set.accounts.slice(1)) {
            const size = Math.min(1.3, 0.7 + Math.log10(account.NumberOfEmployees) / 10);
            for (const offering of this.offeringFacts) {
                const catalog = offering.catalog;
                const fits = account.Industry !== null && catalog.targets.includes(account.Industry);
                const chance = (fits ? (catalog.fit ?? catalog.popularity + 0.3) : catalog.popularity) * size;
                if (this.random() >= chance) continue;
                const daysAgo = this.between(20, 1100);
                const roll = this.random();
                if (roll < 0.45 || !offering.record.Active__c) this.addAsset(account, offering, daysAgo);
                else if (roll < 0.9) this.addOpportunity(account, offering, daysAgo, true);
                else {
                    this.addAsset(account, offering, daysAgo);
                    this.addOpportunity(account, offering, this.between(20, daysAgo), true);
                }
            }
            // Lost deals leave no holding but make the history believable.
            for (let n = this.between(0, 2); n > 0; n--) {
                const offering = this.pick(this.offeringFacts);
                if (!this.holds(account.External_Id__c, offering.record.External_Id__c)) {
                    this.addOpportunity(account, offering, this.between(30, 900), false);
                }
            }
        }
    }

    // ---- attempts and connections --------------------------------------------------------------------

    private addAttempt(fields: {
        account: AccountRecord;
        repKey: string;
        offering: OfferingFacts;
        specialistId: string | null;
        status: AttemptStatus;
        createdDaysAgo: number;
        closedDaysAgo?: number;
        outcome?: string | null;
        rating?: number | null;
        source?: 'Suggested' | 'Manual';
    }): AttemptRecord {
        const closed = fields.status === 'Won' || fields.status === 'Lost' || fields.status === 'Not Pursued';
        const closedDaysAgo = closed
            ? (fields.closedDaysAgo ?? Math.max(1, fields.createdDaysAgo - this.between(10, 90)))
            : null;
        let opportunityId: string | null = null;
        if (fields.status === 'Won') {
            opportunityId = this.addOpportunity(fields.account, fields.offering, closedDaysAgo!, true, fields.repKey);
        }
        const changedDaysAgo = closed ? closedDaysAgo! : Math.max(0, fields.createdDaysAgo - this.between(0, 20));
        const record: AttemptRecord = {
            External_Id__c: this.nextId('ATT', 5),
            Account__r: this.ref(fields.account.External_Id__c),
            repKey: fields.repKey,
            Offering__r: this.ref(fields.offering.record.External_Id__c),
            Specialist__r: fields.specialistId ? this.ref(fields.specialistId) : null,
            Opportunity__r: opportunityId ? this.ref(opportunityId) : null,
            Status__c: fields.status,
            Status_Changed_Date__c: this.date(changedDaysAgo),
            Outcome_Reason__c: fields.outcome ?? null,
            Next_Step__c: closed ? null : this.pick(NEXT_STEPS),
            Next_Step_Date__c: closed ? null : this.date(-this.between(3, 30)),
            Estimated_Value__c: fields.status === 'Not Pursued' ? null : fields.offering.catalog.dealSize,
            Closed_Date__c: closed ? this.date(closedDaysAgo!) : null,
            Specialist_Rating__c: fields.specialistId ? (fields.rating ?? null) : null,
            Source__c: fields.source ?? (this.random() < 0.7 ? 'Suggested' : 'Manual'),
            createdDate: this.date(fields.createdDaysAgo)
        };
        this.set.attempts.push(record);
        return record;
    }

    private accountById(id: string): AccountRecord {
        return this.set.accounts.find((account) => account.External_Id__c === id)!;
    }

    buildStory(): void {
        const treasury = this.offeringFacts[0];
        const harbor = this.accountById(STORY.harborBank);
        const byName = (name: string) => this.offeringByName(name);

        // Harbor Bank: what it buys, what it dismissed, lost and is working on.
        this.addAsset(harbor, byName('Identity & Access'), 150);
        this.addAsset(harbor, byName('Cash Management'), 200);
        this.addOpportunity(harbor, byName('Managed Detection & Response'), 300, true);
        this.addAsset(harbor, byName('Backup & Recovery'), 900);
        // Priya worked with Harbor Bank before, with the account's previous rep.
        this.addAttempt({
            account: harbor,
            repKey: 'rep.sam',
            offering: byName('Cash Management'),
            specialistId: STORY.priya,
            status: 'Won',
            createdDaysAgo: 480,
            closedDaysAgo: 400,
            outcome: 'Value proven',
            rating: 5
        });
        const dismiss = (offering: string, daysAgo: number, reason: string) =>
            this.addAttempt({
                account: harbor,
                repKey: STORY.alex,
                offering: byName(offering),
                specialistId: null,
                status: 'Not Pursued',
                createdDaysAgo: daysAgo,
                closedDaysAgo: daysAgo,
                outcome: reason,
                source: 'Suggested'
            });
        dismiss('Fraud Analytics', 40, 'Bad timing');
        dismiss('Customer 360 Analytics', 300, 'Not a fit');
        this.addAttempt({
            account: harbor,
            repKey: STORY.alex,
            offering: byName('Cloud Migration'),
            specialistId: null,
            status: 'Lost',
            createdDaysAgo: 150,
            closedDaysAgo: 60,
            outcome: 'Price'
        });
        this.addAttempt({
            account: harbor,
            repKey: STORY.alex,
            offering: byName('Data Platform'),
            specialistId: null,
            status: 'Proposal',
            createdDaysAgo: 30
        });

        // Treasury Services track records, one attempt per account, on accounts other than the story ones that
        // do not buy it yet (a win makes them buy it).
        const pool = this.set.accounts
            .slice(2)
            .filter((account) => !this.holds(account.External_Id__c, treasury.record.External_Id__c));
        // Treasury Services sells mostly to its target industries: take those accounts first.
        const targets = treasury.catalog.targets;
        const take = (filter: (account: AccountRecord) => boolean): AccountRecord => {
            let index = pool.findIndex((a) => filter(a) && a.Industry !== null && targets.includes(a.Industry));
            if (index < 0) index = pool.findIndex(filter);
            if (index < 0) throw new Error('Sample data: not enough accounts for the Treasury Services story');
            return pool.splice(index, 1)[0];
        };
        const record = (
            specialistId: string,
            wins: number,
            losses: number,
            ratings: number[],
            daysAgo: [number, number]
        ) => {
            for (let n = 0; n < wins + losses; n++) {
                const account = take((a) => !STORY_REPS.has(a.ownerKey));
                this.addAttempt({
                    account,
                    repKey: account.ownerKey,
                    offering: treasury,
                    specialistId,
                    status: n < wins ? 'Won' : 'Lost',
                    createdDaysAgo: this.between(daysAgo[0], daysAgo[1]),
                    outcome: n < wins ? this.pick(WIN_REASONS) : this.pick(LOSS_REASONS),
                    rating: n < ratings.length ? ratings[n] : null
                });
            }
        };
        // Priya: 30 of 50, 20 ratings averaging 4.5; Leo: 1 of 1; Ines: an old record, now inactive.
        record(STORY.priya, 30, 20, [...Array(10).fill(5), ...Array(10).fill(4)], [100, 1000]);
        record(STORY.leo, 1, 0, [5], [150, 250]);
        record(STORY.ines, 5, 5, [4, 4, 3], [800, 1400]);
        // Dana: 3 joint attempts with rep.alex (2 won), 7 more with others: 6 of 10 in all.
        const joint = [
            { status: 'Won' as const, daysAgo: 500 },
            { status: 'Won' as const, daysAgo: 260 },
            { status: 'Lost' as const, daysAgo: 120 }
        ];
        for (const entry of joint) {
            this.addAttempt({
                account: take((a) => a.ownerKey === STORY.alex),
                repKey: STORY.alex,
                offering: treasury,
                specialistId: STORY.dana,
                status: entry.status,
                createdDaysAgo: entry.daysAgo,
                outcome: entry.status === 'Won' ? 'Relationship' : 'Competitor',
                rating: 4
            });
        }
        record(STORY.dana, 4, 3, [4, 4, 5, 3], [150, 900]);
        // Marco: two open intros against a capacity of 2.
        for (const [status, daysAgo] of [
            ['Introduced', 20],
            ['Meeting Held', 45]
        ] as const) {
            const account = take((a) => !STORY_REPS.has(a.ownerKey));
            this.addAttempt({
                account,
                repKey: account.ownerKey,
                offering: treasury,
                specialistId: STORY.marco,
                status,
                createdDaysAgo: daysAgo
            });
        }
        // rep.alex's touchpoints with Dana outside deals.
        CONNECTION_TYPES.forEach((type, index) => this.addConnection(STORY.alex, STORY.dana, type, 60 + index * 90));
    }

    private addConnection(
        repKey: string,
        specialistId: string,
        type: ConnectionRecord['Type__c'],
        daysAgo: number
    ): void {
        const specialist = this.set.specialists.find((s) => s.External_Id__c === specialistId)!;
        this.set.connections.push({
            External_Id__c: this.nextId('CON', 5),
            repKey,
            Specialist__r: this.ref(specialistId),
            Type__c: type,
            Date__c: this.date(daysAgo),
            Notes__c: `${type} with ${specialist.Name}`
        });
    }

    /** Whether a rep may be paired with a specialist by the random history (story pairs are scripted). */
    private freePair(repKey: string, specialistId: string): boolean {
        return !(STORY_REPS.has(repKey) && STORY_SPECIALIST_IDS.has(specialistId));
    }

    buildRandomAttempts(): void {
        const treasury = this.offeringFacts[0];
        const specialists = new Map(this.specialistFacts.map((facts) => [facts.record.External_Id__c, facts]));
        const active = this.offeringFacts.filter((o) => o.record.Active__c && o !== treasury);
        const breadth = new Map(REPS.map((rep) => [rep.key, rep.breadth]));
        for (const account of this.set.accounts.slice(2)) {
            const count = this.between(0, 5);
            const candidates = active.filter((o) => !this.holds(account.External_Id__c, o.record.External_Id__c));
            const chosen = new Set<OfferingFacts>();
            for (let n = 0; n < count && chosen.size < candidates.length; n++) {
                const offering = this.weightedPick(candidates, (o) =>
                    chosen.has(o) ? 0 : account.Industry && o.catalog.targets.includes(account.Industry) ? 4 : 1
                );
                if (chosen.has(offering)) continue;
                chosen.add(offering);
                const owner = account.ownerKey;
                const repKey = this.random() < 0.8 ? owner : this.pick(REPS).key;
                // Narrow reps leave offerings they do not know to colleagues.
                if (this.random() > (breadth.get(repKey) ?? 0.5) + 0.2) continue;
                const experts = offering.experts.filter((e) => this.freePair(repKey, e.id));
                const specialistId =
                    experts.length > 0 && this.random() < 0.8 ? this.weightedPick(experts, (e) => e.weight).id : null;
                const createdDaysAgo = this.between(5, 1000);
                const specialist = specialistId ? specialists.get(specialistId)! : null;
                if (createdDaysAgo <= 90 && this.random() < 0.8) {
                    const stage = Math.min(OPEN_STATUSES.length - 1, Math.floor(createdDaysAgo / 25));
                    this.addAttempt({
                        account,
                        repKey,
                        offering,
                        specialistId,
                        status: OPEN_STATUSES[stage],
                        createdDaysAgo,
                        rating: specialist && stage >= 2 && this.random() < 0.5 ? this.ratingFor(specialist) : null
                    });
                    continue;
                }
                if (!specialist && this.random() < 0.6) {
                    this.addAttempt({
                        account,
                        repKey,
                        offering,
                        specialistId: null,
                        status: 'Not Pursued',
                        createdDaysAgo,
                        closedDaysAgo: createdDaysAgo,
                        outcome: this.pick(DISMISSAL_REASONS),
                        source: 'Suggested'
                    });
                    continue;
                }
                const level = specialist?.levels.get(offering.record.External_Id__c);
                const bonus = level === 'Lead' ? 0.15 : level === 'Expert' ? 0.1 : 0.05;
                const winChance = specialist ? 0.15 + 0.5 * specialist.skill + bonus : 0.25;
                const won = this.random() < winChance;
                this.addAttempt({
                    account,
                    repKey,
                    offering,
                    specialistId,
                    status: won ? 'Won' : 'Lost',
                    createdDaysAgo,
                    outcome: won ? this.pick(WIN_REASONS) : this.pick(LOSS_REASONS),
                    rating: specialist && this.random() < 0.75 ? this.ratingFor(specialist) : null
                });
            }
        }
    }

    private ratingFor(specialist: SpecialistFacts): number {
        const raw = 1 + 4 * specialist.skill + (this.random() - 0.5) * 1.6;
        return Math.max(1, Math.min(5, Math.round(raw)));
    }

    buildConnections(): void {
        for (const rep of REPS) {
            const count = this.between(3, 10) * this.scale;
            const pool = this.specialistFacts.filter(
                (s) => s.record.Active__c && this.freePair(rep.key, s.record.External_Id__c)
            );
            for (let n = 0; n < count; n++) {
                const specialist = this.pick(pool);
                for (let touch = this.between(1, 3); touch > 0; touch--) {
                    this.addConnection(
                        rep.key,
                        specialist.record.External_Id__c,
                        this.pick(CONNECTION_TYPES),
                        this.between(10, 700)
                    );
                }
            }
        }
    }
}

/** Generates the sample data set; the same options always give the same records in the same order. */
export function generateSampleData(options: GenerateOptions = {}): SampleDataSet {
    const scale = options.scale ?? 1;
    if (!Number.isInteger(scale) || scale < 1)
        throw new Error(`scale must be a whole number of at least 1, not ${scale}`);
    const seed = options.seed ?? DEFAULT_SEED;
    if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, not ${seed}`);
    const asOf = options.asOf ?? SAMPLE_AS_OF;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
        throw new Error(`asOf must be a date as YYYY-MM-DD, not ${asOf}`);
    }
    const generator = new Generator(scale, seed, asOf);
    generator.buildUsers();
    generator.buildOfferings();
    generator.buildSpecialists();
    generator.buildAccounts();
    generator.buildHoldings();
    generator.buildStory();
    generator.buildRandomAttempts();
    generator.buildConnections();
    return generator.set;
}

/** Record counts per object, in load order. */
export function countRecords(set: SampleDataSet): Record<string, number> {
    return {
        User: set.users.length,
        Offering__c: set.offerings.length,
        Product2: set.products.length,
        PricebookEntry: set.pricebookEntries.length,
        Account: set.accounts.length,
        Asset: set.assets.length,
        Opportunity: set.opportunities.length,
        OpportunityLineItem: set.lineItems.length,
        Specialist__c: set.specialists.length,
        Offering_Expertise__c: set.expertise.length,
        Cross_Sell_Attempt__c: set.attempts.length,
        Colleague_Connection__c: set.connections.length
    };
}

export type { SampleUser };

function parseArgs(argv: string[]): GenerateOptions & { out?: string } {
    const options: GenerateOptions & { out?: string } = {};
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = argv[i + 1];
        const need = (): string => {
            if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
            i++;
            return value;
        };
        if (flag === '--scale') options.scale = Number(need());
        else if (flag === '--seed') options.seed = Number(need());
        else if (flag === '--as-of') options.asOf = need();
        else if (flag === '--out') options.out = need();
        else if (flag === '--help' || flag === '-h') {
            console.log(
                'Usage: tsx scripts/sample-data/generate.ts [--scale N] [--seed N] [--as-of YYYY-MM-DD] [--out file.json]'
            );
            process.exit(0);
        } else throw new Error(`Unknown option ${flag}`);
    }
    return options;
}

function main(): void {
    try {
        const options = parseArgs(process.argv.slice(2));
        const set = generateSampleData(options);
        for (const [object, count] of Object.entries(countRecords(set))) console.log(`${object.padEnd(24)} ${count}`);
        if (options.out) {
            writeFileSync(options.out, `${JSON.stringify(set, null, 2)}\n`);
            console.log(`Wrote ${options.out}`);
        }
    } catch (error) {
        console.error(`Sample data: ${(error as Error).message}`);
        process.exit(1);
    }
}

if (require.main === module) main();
