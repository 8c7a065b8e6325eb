/**
 * The Apex cross-reference check passes on the project and catches, on mutated copies of the real sources,
 * a misspelt method, a wrong argument count, an unknown constructor, a misspelt wrapper field, a field outside
 * the data model, a missing label, and a component importing or calling an Apex method wrongly.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findApexFiles, type ApexFile } from './apexSource';
import {
    checkApex,
    checkComponents,
    findComponentFiles,
    formatProblem,
    stripCommentsAndStrings,
    type ComponentFile
} from './crossReference';
import { readDataModel } from './dataModel';

const files = findApexFiles();
const model = readDataModel();
const components = findComponentFiles();

/** The project's Apex with one file's source changed. */
function mutated(fileName: string, find: string, replace: string): ApexFile[] {
    let applied = false;
    const result = files.map((f) => {
        if (!f.path.endsWith(`/${fileName}`)) return f;
        const source = f.source.replace(find, replace);
        applied = source !== f.source;
        return { ...f, source };
    });
    assert.ok(applied, `mutation of ${fileName} applies: ${find}`);
    return result;
}

function problemsOf(apex: ApexFile[]): string[] {
    return checkApex(apex, model).map(formatProblem);
}

function expectProblem(apex: ApexFile[], pattern: RegExp): void {
    const problems = problemsOf(apex);
    assert.ok(
        problems.some((p) => pattern.test(p)),
        `expected ${pattern} in:\n${problems.join('\n')}`
    );
}

describe('Apex cross-reference', () => {
    it('reads the data model and the labels', () => {
        assert.ok(model.objects.get('cross_sell_attempt__c')?.has('status__c'));
        assert.equal(model.childRelationships.get('account')?.get('cross_sell_attempts__r'), 'cross_sell_attempt__c');
        assert.ok(model.labels.has('Crossway_Error_NoAccess'));
    });

    it('every use in the project Apex resolves', () => {
        assert.deepEqual(problemsOf(files), []);
    });

    it('knows a custom setting has SetupOwnerId and no owner', () => {
        assert.ok(model.objects.get('cross_sell_stats_run__c')?.has('setupownerid'));
        expectProblem(
            mutated('CrossSellStatsBatch.cls', 'run.SetupOwnerId = ', 'run.OwnerId = '),
            /Cross_Sell_Stats_Run__c\.OwnerId: no such field/
        );
    });

    it('catches a misspelt static method', () => {
        const apex = mutated(
            'CrossSellController.cls',
            'CrossSellService.logAttempt(attempt)',
            'CrossSellService.logAtempt(attempt)'
        );
        expectProblem(apex, /CrossSellController\.cls:\d+ CrossSellService\.logAtempt\(\): no such method/);
    });

    it('catches a misspelt class in a call, a declaration and a constructor', () => {
        expectProblem(
            mutated(
                'CrossSellController.cls',
                'return CrossSellService.getPanelData(accountId);',
                'return CrossSellServce.getPanelData(accountId);'
            ),
            /CrossSellServce: no such class \(did you mean CrossSellService\?\)/
        );
        expectProblem(
            mutated(
                'CrossSellController.cls',
                'CrossSellService.NewAttempt attempt = new CrossSellService.NewAttempt();',
                'CrosSellService.NewAttempt attempt = new CrossSellService.NewAttempt();'
            ),
            /CrosSellService: no such class/
        );
        expectProblem(
            mutated('CrossSellService.cls', 'new CrossSellPanelData.Holding()', 'new CrossSellPanelDta.Holding()'),
            /CrossSellPanelDta: no such class \(did you mean CrossSellPanelData\?\)/
        );
    });

    it('catches a wrong argument count', () => {
        const apex = mutated(
            'CrossSellController.cls',
            'CrossSellService.dismissOffering(accountId, offeringId, reason, notes)',
            'CrossSellService.dismissOffering(accountId, offeringId, reason)'
        );
        expectProblem(apex, /CrossSellService\.dismissOffering\(\) takes 4 argument\(s\), called with 3/);
    });

    it('catches a wrong count on an unqualified call and a constructor', () => {
        expectProblem(
            mutated(
                'CrossSellService.cls',
                'requireNonNegative(input.estimatedValue);',
                'requireNonNegative(input.estimatedValue, 0);'
            ),
            /requireNonNegative\(\) takes 1 argument\(s\), called with 2/
        );
        expectProblem(
            mutated(
                'CrossSellController.cls',
                'new CrossSellService.NewAttempt()',
                'new CrossSellService.NewAttempt(accountId)'
            ),
            /new CrossSellService\.NewAttempt\(\): no constructor takes 1/
        );
    });

    it('catches a misspelt field of a wrapper reached through a chain', () => {
        const apex = mutated('CrossSellService.cls', 'data.settings.lookbackDays', 'data.settings.lookbackDay');
        expectProblem(apex, /CrossSellPanelData\.Settings\.lookbackDay: no such field/);
    });

    it('catches an sObject field outside the data model', () => {
        expectProblem(
            mutated('CrossSellService.cls', 'info.nextStep = row.Next_Step__c;', 'info.nextStep = row.Next_Steps__c;'),
            /Cross_Sell_Attempt__c\.Next_Steps__c: no such field in the data model/
        );
        expectProblem(
            mutated(
                'CrossSellService.cls',
                'Estimated_Value__c = input.estimatedValue,',
                'Estimate__c = input.estimatedValue,'
            ),
            /Cross_Sell_Attempt__c\.Estimate__c: no such field/
        );
        expectProblem(
            mutated('AccountsSelector.cls', 'Next_Step_Date__c,', 'Next_Stepdate__c,'),
            /Next_Stepdate__c: not in the data model/
        );
    });

    it('catches a misspelt standard field on a standard and on a custom object', () => {
        expectProblem(
            mutated(
                'CrossSellService.cls',
                'Date purchased = row.PurchaseDate != null',
                'Date purchased = row.PurchaseDat != null'
            ),
            /Asset\.PurchaseDat: no such field or relationship/
        );
        expectProblem(
            mutated('CrossSellService.cls', 'info.name = row.Name;', 'info.name = row.Nmae;'),
            /Cross_Sell_Attempt__c\.Nmae: no such field or relationship/
        );
        expectProblem(
            mutated(
                'CrossSellTestDataFactory.cls',
                'Industry = industry,\n            OwnerId = ownerId,',
                'Industri = industry,\n            OwnerId = ownerId,'
            ),
            /Account\.Industri: no such field or relationship/
        );
    });

    it('catches a missing custom label and an apostrophe that would break String.format', () => {
        expectProblem(
            mutated(
                'CrossSellService.cls',
                'System.Label.Crossway_Error_RatingRange',
                'System.Label.Crossway_Error_RatingRnge'
            ),
            /System\.Label\.Crossway_Error_RatingRnge: no such custom label/
        );
        const labels = new Map(model.labels);
        labels.set('Crossway_Error_AttemptClosed', "This attempt can't change ({0}).");
        const problems = checkApex(files, { ...model, labels }).map(formatProblem);
        assert.ok(
            problems.some((p) => /Crossway_Error_AttemptClosed: a lone apostrophe/.test(p)),
            problems.join('\n')
        );
    });

    it('ignores names inside comments and strings', () => {
        assert.equal(stripCommentsAndStrings("a // Foo__c\nb = 'Bar__c'; /* Baz__c */").includes('__c'), false);
    });
});

describe('component imports of Apex', () => {
    it('every @salesforce/apex import and call resolves', () => {
        assert.ok(components.length > 0, 'components found');
        assert.deepEqual(checkComponents(components, files).map(formatProblem), []);
    });

    const component = (source: string): ComponentFile[] => [{ path: 'lwc/probe/probe.ts', source }];

    it('catches a misspelt method, a wrong parameter name and a non-cacheable wire', () => {
        const problems = checkComponents(
            component(
                [
                    "import getData from '@salesforce/apex/CrossSellController.getPanelDta';",
                    "import logAttempt from '@salesforce/apex/CrossSellController.logAttempt';",
                    "import getPanelData from '@salesforce/apex/CrossSellController.getPanelData';",
                    'export default class Probe {',
                    "    @wire(getPanelData, { acountId: '$recordId' }) panel;",
                    "    @wire(logAttempt, { accountId: '$recordId' }) wrong;",
                    '    save() { return logAttempt({ accountId: 1, offeringId: 2 }, 3); }',
                    '}'
                ].join('\n')
            ),
            files
        ).map(formatProblem);
        const expected = [
            /probe\.ts:1 CrossSellController\.getPanelDta: no such method/,
            /probe\.ts:5 CrossSellController\.getPanelData: no parameter "acountId"/,
            /probe\.ts:6 CrossSellController\.logAttempt: @wire needs @AuraEnabled\(cacheable=true\)/,
            /probe\.ts:7 CrossSellController\.logAttempt: Apex methods take one parameter object, called with 2/
        ];
        for (const pattern of expected)
            assert.ok(
                problems.some((p) => pattern.test(p)),
                `${pattern}:\n${problems.join('\n')}`
            );
    });
});
