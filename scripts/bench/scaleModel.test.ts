/**
 * The scale model counts exactly the queries the Apex runs, charges them as the platform does, and shows the
 * panel within limits at 10 million accounts in summary mode (and live mode beyond them, so the check is not
 * vacuous). The queries come from the .cls files: a query added to a selector without a model entry fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readApexClass, readApexClasses, reachableQueries, selectorQueries, parseQuery, atoms } from './scaleSoql';
import {
    DEFAULT_DIR,
    derivePlans,
    jobReport,
    panelReport,
    pickedMode,
    profileFor,
    queryCost,
    readModelSource,
    triggerReport,
    unmodelledSelectorQueries,
    volume,
    type ModelSource
} from './scaleModel';
import { join } from 'node:path';
import { ceilingMixes, runScale, SIZES } from './scale';

const source: ModelSource = readModelSource();
const plans = derivePlans(source.classes);
const scope = { accounts: 200, specialists: 50, offerings: 20 };

/** A one-method selector around a query, read as the model reads the real ones. */
function selectorWith(query: string) {
    const apex = `public with sharing class ProbeSelector {
    public static final Integer MAX_ROWS = 300;
    public static List<SObject> probe() {
        return [${query}];
    }
}`;
    const apexClass = readApexClass('ProbeSelector', apex);
    return { apexClass, query: apexClass.queries[0]! };
}

describe('scale model: the queries it counts', () => {
    it('counts every query of every selector class (none left out)', () => {
        assert.deepEqual(unmodelledSelectorQueries(source.classes, plans), []);
    });

    it('counts the set of queries found in the selector source, no more', () => {
        const modelled = new Set(Object.values(plans).flat());
        const found = new Set(selectorQueries(source.classes).map((q) => q.id));
        const beyondSelectors = [...modelled].filter((id) => !found.has(id));
        assert.deepEqual(beyondSelectors, [], 'every modelled query is a selector query');
        assert.deepEqual([...modelled].sort(), [...found].sort());
    });

    it('flags a new selector query that no entry point reaches', () => {
        const classes = readApexClasses(join(DEFAULT_DIR, 'classes'));
        const extra = readApexClass(
            'ExtraSelector',
            `public with sharing class ExtraSelector {
    public static List<Asset> everything() {
        return [SELECT Id FROM Asset WITH USER_MODE];
    }
}`
        );
        classes.set('ExtraSelector', extra);
        assert.deepEqual(unmodelledSelectorQueries(classes, derivePlans(classes)), ['ExtraSelector.everything']);
    });

    it('refuses to count a query with a condition it does not model', () => {
        const { apexClass, query } = selectorWith(
            'SELECT COUNT_DISTINCT(AccountId) n FROM Asset WHERE SerialNumber = :serial WITH SYSTEM_MODE'
        );
        const p = profileFor(10_000, source.facts);
        assert.throws(
            () => queryCost(query, apexClass, p, scope, source.facts),
            /no share for Asset: SerialNumber = :serial/
        );
    });

    it('derives the live plans from the service and the summary plan from the summary reader', () => {
        const service = reachableQueries(source.classes, 'CrossSellService.getPanelData');
        for (const id of service.filter((q) => q.startsWith('AdoptionSelector.'))) {
            assert.ok(plans.live.includes(id) || plans.liveFirmWide.includes(id), `${id} in a live plan`);
            assert.ok(!plans.summary.includes(id), `${id} not in summary mode`);
        }
        for (const id of [
            'SummariesSelector.selectAdoption',
            'SummariesSelector.selectCandidateStats',
            'SummariesSelector.sumOpenAttempts',
            'SummariesSelector.selectTopSellers'
        ]) {
            assert.ok(plans.summary.includes(id), `${id} in summary mode`);
            assert.ok(!plans.live.includes(id) && !plans.liveFirmWide.includes(id), `${id} not in live mode`);
        }
        assert.deepEqual(plans.modeCheck, [], 'no query decides the mode');
        assert.ok(plans.live.includes('AdoptionSelector.countSegment'), 'an industry account counts its segment');
        assert.ok(!plans.live.includes('AdoptionSelector.countAccounts'), 'and not the whole firm');
        assert.ok(plans.liveFirmWide.includes('AdoptionSelector.countAccounts'), 'no industry: the whole firm');
        assert.ok(!plans.liveFirmWide.includes('AdoptionSelector.countSegment'), 'and no industry segment');
        assert.ok(plans.liveFirmWide.includes('AdoptionSelector.countSpecialistAttempts'), 'track records in both');
        assert.equal(plans.live.length, 8, 'the panel read budget in live mode');
        assert.equal(plans.liveFirmWide.length, 8, 'the same budget without an industry');
        assert.equal(plans.summary.length, 8, 'the same budget in summary mode');
        for (const plan of [plans.live, plans.liveFirmWide, plans.summary]) {
            assert.ok(plan.includes('AccountsSelector.selectForPanel'), 'the account read is in every mode');
        }
    });

    it('follows the job and the trigger down to their queries', () => {
        assert.deepEqual(plans.adoptionChunk.sort(), [
            'StatsSourceSelector.countAssetOfferings',
            'StatsSourceSelector.countWonLineItemOfferings'
        ]);
        assert.deepEqual(plans.specialistChunk, ['StatsSourceSelector.countAttemptsBySpecialists']);
        assert.ok(plans.triggerSave.includes('StatsSourceSelector.countAttemptsForPairs'));
        assert.deepEqual(plans.jobStart.filter((id) => id.endsWith('Locator')).length, 3, 'one locator per phase');
        assert.ok(plans.jobStart.includes('StatsSourceSelector.countAttempts'), 'the org size is counted at the start');
    });
});

describe('scale model: rows as the platform charges them', () => {
    const p = profileFor(100_000, source.facts);

    it('charges COUNT() one row whatever it counts', () => {
        const { apexClass, query } = selectorWith('SELECT COUNT() FROM Asset WITH SYSTEM_MODE');
        const cost = queryCost(query, apexClass, p, scope, source.facts);
        assert.equal(cost.scanned, volume('Asset', p));
        assert.equal(cost.counted, 1);
    });

    it('charges grouped COUNT one row per group, at most the rows scanned', () => {
        const { apexClass, query } = selectorWith(
            'SELECT Product2.Offering__c o, COUNT(Id) n FROM Asset WHERE Product2.Offering__c != NULL GROUP BY Product2.Offering__c'
        );
        const cost = queryCost(query, apexClass, p, scope, source.facts);
        assert.equal(cost.counted, p.offerings);
        assert.ok(cost.scanned > cost.counted);
    });

    for (const fn of [
        'SUM(Quantity)',
        'AVG(Quantity)',
        'MIN(Quantity)',
        'MAX(Quantity)',
        'COUNT_DISTINCT(AccountId)'
    ]) {
        it(`charges ${fn} every row it scans`, () => {
            const { apexClass, query } = selectorWith(
                `SELECT Product2.Offering__c o, ${fn} n FROM Asset WHERE Product2.Offering__c != NULL GROUP BY Product2.Offering__c`
            );
            const cost = queryCost(query, apexClass, p, scope, source.facts);
            assert.equal(cost.counted, volume('Asset', p) * p.share.productMapped);
            assert.equal(cost.returned, p.offerings);
        });
    }

    it('charges a plain query its rows returned, bounded by LIMIT (a constant of the class)', () => {
        const { apexClass, query } = selectorWith('SELECT Id FROM Asset WITH USER_MODE LIMIT :MAX_ROWS');
        assert.equal(queryCost(query, apexClass, p, scope, source.facts).counted, 300);
    });

    it('adds sub-query rows per parent, bounded by their LIMIT', () => {
        const { apexClass, query } = selectorWith(
            'SELECT Id, (SELECT Id FROM Cross_Sell_Attempts__r LIMIT 5) FROM Account WHERE Id = :accountId LIMIT 1'
        );
        const cost = queryCost(query, apexClass, p, scope, source.facts);
        assert.equal(cost.counted, 1 + 5, 'one account and at most five attempts');
    });

    it('combines conditions: AND multiplies, OR unites', () => {
        const and = parseQuery('SELECT Id FROM Asset WHERE PurchaseDate >= :since AND Product2.Offering__c != NULL');
        const or = parseQuery('SELECT Id FROM Asset WHERE PurchaseDate >= :since OR Product2.Offering__c != NULL');
        const a = p.share.assetPurchasedInLookback;
        const b = p.share.productMapped;
        const rows = (soql: ReturnType<typeof parseQuery>) =>
            queryCost({ className: 'X', method: 'm', id: 'X.m', text: '', soql }, undefined, p, scope, source.facts)
                .counted;
        const close = (actual: number, expected: number) =>
            assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} vs ${expected}`);
        close(rows(and), volume('Asset', p) * a * b);
        close(rows(or), volume('Asset', p) * (a + b - a * b));
        assert.deepEqual(atoms(or.where), ['PurchaseDate >= :since', 'Product2.Offering__c != NULL']);
    });
});

describe('scale model: the panel and the job at every size', () => {
    it('keeps the panel within limits in summary mode at every size, 10 million accounts included', () => {
        for (const size of SIZES) {
            const report = panelReport(source, plans, profileFor(size, source.facts), 'summary');
            assert.ok(report.withinLimits, `${size}: ${report.cost.counted} rows`);
        }
    });

    it('shows live mode beyond the row limit at 10 million accounts (the summaries are needed)', () => {
        for (const mode of ['live', 'liveFirmWide'] as const) {
            const report = panelReport(source, plans, profileFor(10_000_000, source.facts), mode);
            assert.equal(report.withinLimits, false, mode);
            assert.ok(report.cost.counted > 50_000, mode);
        }
    });

    it('charges live adoption across the firm more rows than within one industry', () => {
        const p = profileFor(10_000, source.facts);
        const industry = panelReport(source, plans, p, 'live').cost.counted;
        const firmWide = panelReport(source, plans, p, 'liveFirmWide').cost.counted;
        assert.ok(firmWide > industry * 2, `${firmWide} vs ${industry}`);
    });

    it('keeps the summary panel flat while live grows with the org', () => {
        const rows = (size: number, mode: 'live' | 'summary') =>
            panelReport(source, plans, profileFor(size, source.facts), mode).cost.counted;
        assert.ok(rows(10_000_000, 'live') / rows(1_000_000, 'live') > 5, 'live grows about linearly');
        assert.ok(rows(10_000_000, 'summary') < 50_000 / 4, 'summary stays far below the limit');
        assert.ok(rows(10_000_000, 'summary') / rows(1_000_000, 'summary') < 1.5, 'and about flat');
        const summaryQueries = panelReport(source, plans, profileFor(10_000_000, source.facts), 'summary').cost.queries;
        assert.equal(summaryQueries, plans.summary.length, 'a query count that does not grow with data');
    });

    it('keeps every job chunk and the trigger bulk save within limits at every size', () => {
        for (const size of SIZES) {
            const p = profileFor(size, source.facts);
            for (const phase of jobReport(source, plans, p)) assert.ok(phase.withinLimits, `${size} ${phase.phase}`);
            assert.ok(triggerReport(source, plans, p).withinLimits, `${size} trigger`);
        }
    });

    it('reads the threshold from the settings record and picks live mode for a small org', () => {
        assert.equal(source.facts.liveAggregateThreshold, 40_000);
        assert.equal(source.facts.liveRowCeiling, 40_000, 'the ceiling from CrossSellSummaries');
        assert.equal(pickedMode(profileFor(1_000, source.facts)), 'live');
        assert.equal(pickedMode(profileFor(1_000_000, source.facts)), 'summary');
        assert.equal(source.facts.sizeBands, 5, 'size bands from the Size_Band__c picklist');
    });

    it('keeps the live read within limits at the live ceiling whatever the mix of sources', () => {
        const mixes = ceilingMixes();
        assert.equal(mixes.length, 4);
        for (const mix of mixes) {
            assert.ok(Math.abs(mix.sources - source.facts.liveRowCeiling) < 10, `${mix.name}: ${mix.sources} sources`);
            assert.ok(mix.live.withinLimits && mix.liveFirmWide.withinLimits, mix.name);
        }
        // Not vacuous: at three times the ceiling, an org of attempts alone would break the live read.
        const beyond = ceilingMixes(3 * source.facts.liveRowCeiling).find((m) => m.name === 'all attempts')!;
        assert.equal(beyond.live.withinLimits, false);
    });

    it('prints a table per size and ends with the goal count', () => {
        const run = runScale(false);
        for (const size of SIZES) {
            assert.ok(run.lines.some((l) => l.startsWith(`== ${size.toLocaleString('en-US')} accounts`)));
        }
        assert.match(run.lines.at(-1)!, /^\d+ passed, 0 failed$/);
        assert.ok(run.goals.length >= SIZES.length * 4);
    });
});
