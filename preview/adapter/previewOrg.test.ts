import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { generateSampleData, STORY } from '../../scripts/sample-data/generate';
import { readLabels } from '../build/labels';
import { FORCE_APP_LWC, LABELS_DIR } from '../build/rollupOptions';
import { PreviewBackend, switchesFromQuery } from './previewBackend';
import { CrossSellError, formatMessage, PreviewOrg } from './previewOrg';
import {
    ATTEMPT_SOURCES,
    ATTEMPT_STATUSES,
    CONNECTION_TYPES,
    NOT_PURSUED_REASON_RULE,
    OUTCOME_REASONS
} from './picklists';

const SAMPLE = generateSampleData();
const LABELS = readLabels(LABELS_DIR);
const label = (name: string, ...args: unknown[]) => formatMessage(LABELS.get(name) ?? `(no label ${name})`, ...args);
const OBJECTS = join(FORCE_APP_LWC, '..', 'objects');

/** An active offering Harbor Bank neither buys nor works, with no attempt at all on the account. */
function freeOffering(org: PreviewOrg, accountId: string): string {
    const panel = org.getPanelData({ accountId });
    const busy = new Set([...panel.holdings.map((h) => h.offeringId), ...panel.attempts.map((a) => a.offeringId)]);
    const offering = panel.offerings.find((o) => !busy.has(o.id));
    assert.ok(offering, 'the sample account has an offering left to suggest');
    return offering.id;
}

/** Asserts that a call is refused with exactly the given message. */
function refused(call: () => unknown, message: string): void {
    assert.throws(call, (error: unknown) => {
        assert.ok(error instanceof CrossSellError, `expected a refusal, got ${String(error)}`);
        assert.equal(error.message, message);
        return true;
    });
}

describe('preview org: reads', () => {
    it('answers the panel payload of an account for the rep it acts as, and refuses an unknown account', () => {
        const org = new PreviewOrg({ data: SAMPLE, labels: LABELS, repKey: STORY.alex });
        const panel = org.getPanelData({ accountId: STORY.harborBank });
        assert.equal(panel.account.id, STORY.harborBank);
        assert.equal(panel.account.name, 'Harbor Bank');
        assert.equal(panel.user.id, STORY.alex);
        assert.equal(panel.today, SAMPLE.asOf);
        assert.ok(panel.offerings.length > 0);
        org.actAs(STORY.jamie);
        assert.equal(org.getPanelData({ accountId: STORY.harborBank }).user.id, STORY.jamie);
        refused(() => org.getPanelData({ accountId: 'CW-ACC-9999' }), label('Crossway_Error_AccountNotFound'));
        assert.throws(() => org.actAs('rep.nobody'), /No sample user rep\.nobody/);
    });

    it('adopts the data set when told to, instead of copying it', () => {
        const data = generateSampleData();
        const org = new PreviewOrg({ data, adopt: true, labels: LABELS, repKey: STORY.alex });
        assert.equal(org.data, data);
    });

    it('works on its own copy of the sample data', () => {
        const org = new PreviewOrg({ data: SAMPLE, labels: LABELS, repKey: STORY.alex });
        const before = SAMPLE.attempts.length;
        org.logAttempt({ accountId: STORY.harborBank, offeringId: freeOffering(org, STORY.harborBank) });
        assert.equal(SAMPLE.attempts.length, before);
        assert.equal(org.data.attempts.length, before + 1);
    });
});

describe('preview org: writes change what the panel reads', () => {
    let org: PreviewOrg;
    beforeEach(() => {
        org = new PreviewOrg({ data: SAMPLE, labels: LABELS, repKey: STORY.alex });
    });

    it('logs an attempt as the rep: Identified without a specialist, listed newest first', () => {
        const offeringId = freeOffering(org, STORY.harborBank);
        const id = org.logAttempt({
            accountId: STORY.harborBank,
            offeringId,
            estimatedValue: 50000,
            nextStep: 'Book discovery call',
            nextStepDate: '2026-11-15',
            source: 'Suggested'
        });
        const [first] = org.getPanelData({ accountId: STORY.harborBank }).attempts;
        assert.equal(first.id, id);
        assert.equal(first.offeringId, offeringId);
        assert.equal(first.status, 'Identified');
        assert.equal(first.repId, STORY.alex);
        assert.equal(first.statusChangedDate, SAMPLE.asOf);
        assert.equal(first.estimatedValue, 50000);
        assert.equal(first.nextStep, 'Book discovery call');
        assert.equal(first.source, 'Suggested');
        assert.equal(first.isClosed, false);
    });

    it('introduces a named specialist (Introduced) and counts the intro against their capacity', () => {
        const openBefore = org
            .getPanelData({ accountId: STORY.bluewater })
            .specialists.find((s) => s.id === STORY.dana);
        const offeringId = STORY.treasury;
        const bluewaterTreasury = org
            .getPanelData({ accountId: STORY.bluewater })
            .attempts.some((a) => a.offeringId === offeringId && !a.isClosed);
        assert.equal(bluewaterTreasury, false, 'Bluewater has no open Treasury attempt in the sample');
        org.logAttempt({ accountId: STORY.bluewater, offeringId, specialistId: STORY.dana });
        const panel = org.getPanelData({ accountId: STORY.bluewater });
        assert.equal(panel.attempts[0].status, 'Introduced');
        assert.equal(panel.attempts[0].specialistId, STORY.dana);
        assert.equal(panel.attempts[0].source, 'Manual', 'no source means Manual');
        const dana = panel.specialists.find((s) => s.id === STORY.dana);
        assert.equal(dana?.openIntros, (openBefore?.openIntros ?? 0) + 1);
        assert.equal(dana?.knowsAccount, true);
    });

    it('refuses a second open attempt on the same account and offering', () => {
        const offeringId = freeOffering(org, STORY.harborBank);
        org.logAttempt({ accountId: STORY.harborBank, offeringId });
        refused(
            () => org.logAttempt({ accountId: STORY.harborBank, offeringId }),
            label('Crossway_Error_DuplicateOpenAttempt')
        );
    });

    it('moves an attempt along, stamping the status date, and closes it with the closed date', () => {
        const id = org.logAttempt({
            accountId: STORY.harborBank,
            offeringId: freeOffering(org, STORY.harborBank),
            specialistId: STORY.priya
        });
        org.updateAttempt({ attemptId: id, status: 'Meeting Held', nextStep: 'Send proposal' });
        let attempt = org.getPanelData({ accountId: STORY.harborBank }).attempts.find((a) => a.id === id);
        assert.equal(attempt?.status, 'Meeting Held');
        assert.equal(attempt?.nextStep, 'Send proposal');
        assert.equal(attempt?.closedDate, null);
        org.updateAttempt({ attemptId: id, status: 'Won', outcomeReason: 'Value proven', specialistRating: 5 });
        attempt = org.getPanelData({ accountId: STORY.harborBank }).attempts.find((a) => a.id === id);
        assert.equal(attempt?.status, 'Won');
        assert.equal(attempt?.isClosed, true);
        assert.equal(attempt?.closedDate, SAMPLE.asOf);
        assert.equal(attempt?.specialistRating, 5);
        assert.equal(attempt?.outcomeReason, 'Value proven');
    });

    it('lets a closed attempt take only a rating', () => {
        const id = org.logAttempt({
            accountId: STORY.harborBank,
            offeringId: freeOffering(org, STORY.harborBank),
            specialistId: STORY.priya
        });
        org.updateAttempt({ attemptId: id, status: 'Lost', outcomeReason: 'Price' });
        refused(
            () => org.updateAttempt({ attemptId: id, nextStep: 'Try again' }),
            label('Crossway_Error_AttemptClosed', 'Lost')
        );
        org.updateAttempt({ attemptId: id, specialistRating: 3 });
        const attempt = org.getPanelData({ accountId: STORY.harborBank }).attempts.find((a) => a.id === id);
        assert.equal(attempt?.specialistRating, 3);
    });

    it('dismisses an offering as a Not Pursued attempt with the reason and notes', () => {
        const offeringId = freeOffering(org, STORY.harborBank);
        const id = org.dismissOffering({
            accountId: STORY.harborBank,
            offeringId,
            reason: 'Bad timing',
            notes: 'Budget frozen until Q3'
        });
        const attempt = org.getPanelData({ accountId: STORY.harborBank }).attempts.find((a) => a.id === id);
        assert.equal(attempt?.status, 'Not Pursued');
        assert.equal(attempt?.outcomeReason, 'Bad timing');
        assert.equal(attempt?.notes, 'Budget frozen until Q3');
        assert.equal(attempt?.closedDate, SAMPLE.asOf);
        assert.equal(attempt?.source, 'Suggested');
    });

    it('dismissing an offering with an open attempt closes that attempt instead of adding one', () => {
        const offeringId = freeOffering(org, STORY.harborBank);
        const id = org.logAttempt({ accountId: STORY.harborBank, offeringId });
        const count = org.getPanelData({ accountId: STORY.harborBank }).attempts.length;
        assert.equal(org.dismissOffering({ accountId: STORY.harborBank, offeringId, reason: 'Not a fit' }), id);
        const panel = org.getPanelData({ accountId: STORY.harborBank });
        assert.equal(panel.attempts.length, count);
        assert.equal(panel.attempts.find((a) => a.id === id)?.status, 'Not Pursued');
    });

    it('logs a connection that becomes shared history with the specialist', () => {
        org.actAs(STORY.jamie);
        const history = () =>
            org.getPanelData({ accountId: STORY.harborBank }).repHistory.find((h) => h.specialistId === STORY.priya);
        const before = history()?.connections ?? 0;
        org.logConnection({ specialistId: STORY.priya, connectionType: 'Shadowing', connectionDate: '2026-10-20' });
        assert.equal(history()?.connections, before + 1);
        assert.equal(history()?.lastConnectionDate, '2026-10-20');
    });
});

describe('preview org: refusals use the Apex messages (custom labels)', () => {
    const org = new PreviewOrg({ data: SAMPLE, labels: LABELS, repKey: STORY.alex });
    const offeringId = freeOffering(org, STORY.harborBank);
    const inactive = SAMPLE.offerings.find((o) => !o.Active__c)?.External_Id__c;

    it('log attempt: unknown account, inactive offering, inactive specialist, negative value, bad source', () => {
        refused(() => org.logAttempt({ accountId: 'nope', offeringId }), label('Crossway_Error_AccountNotFound'));
        refused(
            () => org.logAttempt({ accountId: STORY.harborBank, offeringId: inactive }),
            label('Crossway_Error_OfferingNotFound')
        );
        refused(
            () => org.logAttempt({ accountId: STORY.harborBank, offeringId, specialistId: STORY.ines }),
            label('Crossway_Error_SpecialistNotFound')
        );
        refused(
            () => org.logAttempt({ accountId: STORY.harborBank, offeringId, estimatedValue: -1 }),
            label('Crossway_Error_NegativeValue')
        );
        refused(
            () => org.logAttempt({ accountId: STORY.harborBank, offeringId, source: 'Gut feeling' }),
            label('Crossway_Error_InvalidSource', 'Gut feeling', 'Suggested, Manual')
        );
    });

    it('update attempt: unknown attempt, bad status, rating out of range or without specialist, Not Pursued without reason', () => {
        const id = org.logAttempt({ accountId: STORY.harborBank, offeringId });
        refused(() => org.updateAttempt({ attemptId: 'nope', status: 'Won' }), label('Crossway_Error_AttemptNotFound'));
        refused(
            () => org.updateAttempt({ attemptId: id, status: 'Done' }),
            label('Crossway_Error_InvalidStatus', 'Done', ATTEMPT_STATUSES.join(', '))
        );
        refused(() => org.updateAttempt({ attemptId: id, specialistRating: 6 }), label('Crossway_Error_RatingRange'));
        refused(
            () => org.updateAttempt({ attemptId: id, specialistRating: 4 }),
            label('Crossway_Error_RatingWithoutSpecialist')
        );
        refused(
            () => org.updateAttempt({ attemptId: id, status: 'Not Pursued' }),
            label('Crossway_Error_SaveFailed', NOT_PURSUED_REASON_RULE)
        );
        const stored = org.getPanelData({ accountId: STORY.harborBank }).attempts.find((a) => a.id === id);
        assert.equal(stored?.status, 'Identified', 'a refused change leaves the attempt as it was');
    });

    it('dismiss: reason required and from the list', () => {
        refused(
            () => org.dismissOffering({ accountId: STORY.harborBank, offeringId, reason: ' ' }),
            label('Crossway_Error_ReasonRequired')
        );
        refused(
            () => org.dismissOffering({ accountId: STORY.harborBank, offeringId, reason: 'Meh' }),
            label('Crossway_Error_InvalidReason', 'Meh', OUTCOME_REASONS.join(', '))
        );
    });

    it('connection: type required and from the list, not in the future, active specialist', () => {
        refused(() => org.logConnection({ specialistId: STORY.priya }), label('Crossway_Error_ConnectionTypeRequired'));
        refused(
            () => org.logConnection({ specialistId: STORY.priya, connectionType: 'Lunch' }),
            label('Crossway_Error_InvalidConnectionType', 'Lunch', CONNECTION_TYPES.join(', '))
        );
        refused(
            () =>
                org.logConnection({
                    specialistId: STORY.priya,
                    connectionType: 'Shadowing',
                    connectionDate: '2099-01-01'
                }),
            label('Crossway_Error_FutureConnectionDate')
        );
        refused(
            () => org.logConnection({ specialistId: STORY.ines, connectionType: 'Shadowing' }),
            label('Crossway_Error_SpecialistNotFound')
        );
    });
});

describe('preview backend', () => {
    it('reads its switches from the address', () => {
        const switches = switchesFromQuery('?fail=getPanelData, logAttempt&latency=250');
        assert.deepEqual([...switches.fail], ['getPanelData', 'logAttempt']);
        assert.equal(switches.latencyMs, 250);
        assert.equal(switchesFromQuery('?latency=-5').latencyMs, 0);
        assert.equal(switchesFromQuery('').fail.size, 0);
    });

    it('routes Apex calls to the org and fails the methods it was told to fail', async () => {
        const org = new PreviewOrg({ data: SAMPLE, labels: LABELS, repKey: STORY.alex });
        const backend = new PreviewBackend(org, switchesFromQuery('?fail=getPanelData'));
        await assert.rejects(
            backend.invoke('CrossSellController.getPanelData', { accountId: STORY.harborBank }),
            /getPanelData failed on purpose/
        );
        const id = await backend.invoke('CrossSellController.logAttempt', {
            accountId: STORY.harborBank,
            offeringId: freeOffering(org, STORY.harborBank)
        });
        assert.equal(org.data.attempts.at(-1)?.External_Id__c, id);
        await assert.rejects(backend.invoke('CrossSellController.deleteAll', {}), /No Apex method/);
        const all = new PreviewBackend(org, switchesFromQuery('?fail=all'));
        await assert.rejects(all.invoke('CrossSellController.updateAttempt', {}), /failed on purpose/);
    });
});

describe('preview picklists match the data model', () => {
    const values = (object: string, field: string): string[] => {
        const xml = readFileSync(join(OBJECTS, object, 'fields', `${field}.field-meta.xml`), 'utf8');
        const set = xml.slice(xml.indexOf('<valueSetDefinition>'), xml.indexOf('</valueSetDefinition>'));
        return [...set.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]);
    };

    it('statuses, outcome reasons, sources and connection types', () => {
        assert.deepEqual(values('Cross_Sell_Attempt__c', 'Status__c'), [...ATTEMPT_STATUSES]);
        assert.deepEqual(values('Cross_Sell_Attempt__c', 'Outcome_Reason__c'), [...OUTCOME_REASONS]);
        assert.deepEqual(values('Cross_Sell_Attempt__c', 'Source__c'), [...ATTEMPT_SOURCES]);
        assert.deepEqual(values('Colleague_Connection__c', 'Type__c'), [...CONNECTION_TYPES]);
    });

    it('the Not Pursued validation rule message', () => {
        const rule = readFileSync(
            join(
                OBJECTS,
                'Cross_Sell_Attempt__c',
                'validationRules',
                'Outcome_Reason_Required_Not_Pursued.validationRule-meta.xml'
            ),
            'utf8'
        );
        assert.match(rule, new RegExp(`<errorMessage>${NOT_PURSUED_REASON_RULE}</errorMessage>`));
    });
});
