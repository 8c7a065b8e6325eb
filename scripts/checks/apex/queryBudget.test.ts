/**
 * The panel read issues at most 8 SOQL queries and none inside a loop, proven on the source: every query
 * reachable from CrossSellController.getPanelData through the project's calls is counted (the larger branch
 * of each alternative). The write methods and the trigger handler run no query inside a loop either.
 * Mutations of the real service show the count rising and a query in a loop being caught.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findApexFiles, type ApexFile } from './apexSource';
import { QueryBudget } from './queryBudget';

const PANEL_BUDGET = 8;
const files = findApexFiles();

function mutated(fileName: string, find: string, replace: string): ApexFile[] {
    let applied = false;
    const result = files.map((f) => {
        if (!f.path.endsWith(`/${fileName}`)) return f;
        const source = f.source.replace(find, replace);
        applied = source !== f.source;
        return { ...f, source };
    });
    assert.ok(applied, `mutation applies: ${find}`);
    return result;
}

describe('query budget', () => {
    const budget = new QueryBudget(files);

    it(`the panel read issues at most ${PANEL_BUDGET} queries, none in a loop`, () => {
        const panel = budget.of('CrossSellController.getPanelData', 1);
        assert.deepEqual(panel.inLoops, []);
        assert.ok(panel.queries <= PANEL_BUDGET, `getPanelData issues up to ${panel.queries} queries`);
        assert.ok(panel.queries >= 4, `the count reaches the selectors (${panel.queries})`);
    });

    it('the write methods and the trigger handler run no query in a loop', () => {
        const entries: [string, number][] = [
            ['CrossSellController.logAttempt', 7],
            ['CrossSellController.updateAttempt', 7],
            ['CrossSellController.dismissOffering', 4],
            ['CrossSellController.logConnection', 4],
            ['AttemptTriggerHandler.handle', 3]
        ];
        for (const [label, params] of entries) {
            const result = budget.of(label, params);
            assert.deepEqual(result.inLoops, [], label);
            assert.ok(result.queries > 0, `${label} reaches its selectors`);
        }
    });

    it('counts one more query when the service calls one more selector', () => {
        const before = budget.of('CrossSellController.getPanelData', 1).queries;
        const extra = new QueryBudget(
            mutated(
                'CrossSellService.cls',
                'Account account = AccountsSelector.selectForPanel(accountId, since);',
                'Account account = AccountsSelector.selectForPanel(accountId, since);\n        AccountsSelector.selectById(accountId);'
            )
        );
        assert.equal(extra.of('CrossSellController.getPanelData', 1).queries, before + 1);
    });

    it('catches a selector called inside a loop', () => {
        const looped = new QueryBudget(
            mutated(
                'CrossSellService.cls',
                'data.offerings.add(toOfferingInfo(row));',
                'data.offerings.add(toOfferingInfo(row));\n            OfferingsSelector.selectActiveById(row.Id);'
            )
        );
        const result = looped.of('CrossSellController.getPanelData', 1);
        assert.ok(
            result.inLoops.some((l) => l.startsWith('CrossSellService.addOfferingsAndCandidates')),
            result.inLoops.join('\n')
        );
    });

    it('takes the larger branch of an if, not both', () => {
        const source = [
            'public with sharing class Probe {',
            '    public static void run(Boolean flag) {',
            '        if (flag) {',
            '            List<Account> a = [SELECT Id FROM Account LIMIT 1];',
            '        } else {',
            '            List<Account> b = [SELECT Id FROM Account LIMIT 1];',
            '            List<Contact> c = [SELECT Id FROM Contact LIMIT 1];',
            '        }',
            "        Integer n = Database.countQuery('SELECT COUNT() FROM Account');",
            '    }',
            '}'
        ].join('\n');
        const probe = new QueryBudget([{ path: 'Probe.cls', kind: 'class', source }]);
        assert.deepEqual(probe.of('Probe.run', 1), { queries: 3, inLoops: [] });
    });
});
