import AttemptItem from 'c/attemptItem';
import updateAttempt from '@salesforce/apex/CrossSellController.updateAttempt';
import {
    change,
    cleanUp,
    flush,
    inputProblems,
    listen,
    mount,
    panelData,
    press,
    q,
    serverError,
    submit
} from '../../formUtils/__tests__/formTestUtils';
import { mockGenerateUrl, mockNavigate } from '../../../../../test/jest-mocks/lightning/navigation';

jest.mock('@salesforce/apex/CrossSellController.updateAttempt', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Attempt_StageAge', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Attempt_Rated', () => ({ default: 'rated {0} of 5' }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Attempt_UpdateFor', () => ({ default: 'Update the attempt on {0}' }), {
    virtual: true
});

const mockUpdate = updateAttempt as unknown as jest.Mock;
const OPPORTUNITY_URL = '/lightning/r/Opportunity/006Hs00000OppPayAAA/view';

/** Introduced, with a specialist, no opportunity; Meeting Held, with an opportunity. */
function attempt(index: 0 | 1, changes: Record<string, unknown> = {}) {
    return { ...panelData().attempts[index], ...changes };
}

function render(value: unknown, today = '2026-11-23'): HTMLElement {
    return mount('c-attempt-item', AttemptItem, { attempt: value, today });
}

const openEditor = (element: HTMLElement): Promise<void> => press(element, 'button.edit');

describe('c-attempt-item', () => {
    beforeEach(() => {
        mockGenerateUrl.mockResolvedValue(OPPORTUNITY_URL);
    });

    afterEach(cleanUp);

    it('shows where the attempt stands: status, days in it, colleague, next step and value', async () => {
        const element = render(attempt(0));
        await flush();
        expect(q(element, '.offering').textContent).toBe('Wealth Advisory');
        expect(q(element, '.status').label).toBe('c.Crossway_Status_Introduced');
        expect(q(element, '.stage-age').textContent).toBe('21 days');
        expect(q(element, '.specialist').textContent!.trim()).toBe('Anna Keller');
        expect(q(element, '.next-step').textContent).toContain('Intro meeting with the head of private banking');
        expect(q(element, '.next-step lightning-formatted-date-time').value).toBe('2026-11-30');
        expect(q(element, '.overdue')).toBeNull();
        expect(q(element, '.value lightning-formatted-number').value).toBe(150000);
        expect(q(element, 'a.opportunity')).toBeNull();
        expect(mockGenerateUrl).not.toHaveBeenCalled();
        expect(q(element, 'button.edit').getAttribute('aria-label')).toBe('Update the attempt on Wealth Advisory');
        await expect(element).toBeAccessible();
    });

    it('marks a next step whose date has passed as overdue', async () => {
        const element = render(attempt(1), '2026-11-26');
        await flush();
        expect(q(element, '.overdue')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says when nobody is involved and nothing is planned yet', async () => {
        const element = render(
            attempt(0, {
                specialistId: null,
                specialistName: null,
                nextStep: null,
                nextStepDate: null,
                estimatedValue: null,
                statusChangedDate: null
            })
        );
        await flush();
        expect(q(element, '.specialist').textContent!.trim()).toBe('c.Crossway_Attempt_NoSpecialist');
        expect(q(element, '.next-step').textContent).toBe('c.Crossway_Attempt_NoNextStep');
        expect(q(element, '.value')).toBeNull();
        expect(q(element, '.stage-age')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('links to the opportunity and navigates to it', async () => {
        const element = render(attempt(1, { specialistRating: 4 }));
        await flush();
        const pageReference = {
            type: 'standard__recordPage',
            attributes: { recordId: '006Hs00000OppPayAAA', objectApiName: 'Opportunity', actionName: 'view' }
        };
        expect(mockGenerateUrl).toHaveBeenCalledWith(pageReference);
        const link = q(element, 'a.opportunity');
        expect(link.getAttribute('href')).toBe(OPPORTUNITY_URL);
        expect(link.textContent).toBe('Northwind - Payments Platform');
        expect(q(element, '.rated').textContent).toBe('rated 4 of 5');
        link.click();
        expect(mockNavigate).toHaveBeenCalledWith(pageReference);
        await expect(element).toBeAccessible();
    });

    it('still navigates when no URL could be generated', async () => {
        mockGenerateUrl.mockRejectedValue(new Error('no url'));
        const element = render(attempt(1, { opportunityName: null }));
        await flush();
        const link = q(element, 'a.opportunity');
        expect(link.getAttribute('href')).toBeNull();
        expect(link.textContent).toBe('c.Crossway_Attempt_Opportunity');
        link.click();
        expect(mockNavigate).toHaveBeenCalledTimes(1);
    });

    it('opens the editor with the current values and closes it on cancel', async () => {
        const element = render(attempt(0));
        await flush();
        expect(q(element, 'button.edit').getAttribute('aria-expanded')).toBe('false');
        await openEditor(element);
        expect(q(element, 'button.edit').getAttribute('aria-expanded')).toBe('true');
        expect(q(element, '.status-input').value).toBe('Introduced');
        expect(q(element, '.status-input').options.map((option: { value: string }) => option.value)).toEqual([
            'Identified',
            'Introduced',
            'Meeting Held',
            'Proposal',
            'Won',
            'Lost',
            'Not Pursued'
        ]);
        expect(q(element, '.next-step-input').value).toBe('Intro meeting with the head of private banking');
        expect(q(element, '.next-step-date-input').value).toBe('2026-11-30');
        expect(q(element, '.value-input').value).toBe('150000');
        // No rating before a meeting, no outcome while open.
        expect(q(element, '.rating-input')).toBeNull();
        expect(q(element, '.outcome-input')).toBeNull();
        await expect(element).toBeAccessible();

        q(element, 'button.cancel').click();
        await flush();
        expect(q(element, 'form.editor')).toBeNull();
        expect(element.shadowRoot!.activeElement).toBe(q(element, 'button.edit'));
    });

    it('closes the editor when Update is pressed again', async () => {
        const element = render(attempt(0));
        await flush();
        await openEditor(element);
        await openEditor(element);
        expect(q(element, 'form.editor')).toBeNull();
    });

    it('moves the attempt on and sends only what changed', async () => {
        mockUpdate.mockResolvedValue(undefined);
        const element = render(attempt(0));
        const sent = listen(element);
        await flush();
        await openEditor(element);
        change(element, '.status-input', 'Meeting Held');
        change(element, '.next-step-input', 'Send the proposal');
        change(element, '.next-step-date-input', '2026-12-04');
        await flush();
        // After a meeting the rep can rate the colleague.
        change(element, '.rating-input', '5');
        await submit(element);

        expect(mockUpdate).toHaveBeenCalledWith({
            attemptId: 'a04Hs00000Att01AAA',
            status: 'Meeting Held',
            nextStep: 'Send the proposal',
            nextStepDate: '2026-12-04',
            estimatedValue: null,
            specialistRating: 5,
            outcomeReason: null
        });
        expect(sent.toasts).toEqual([
            expect.objectContaining({ title: 'c.Crossway_Attempt_SuccessTitle', variant: 'success' })
        ]);
        expect(sent.saved).toEqual([
            { attemptId: 'a04Hs00000Att01AAA', offeringId: 'a01Hs00000WealtAAA', action: 'updated' }
        ]);
        expect(q(element, 'form.editor')).toBeNull();
        expect(element.shadowRoot!.activeElement).toBe(q(element, 'button.edit'));
    });

    it('rates the colleague after a meeting without changing anything else', async () => {
        mockUpdate.mockResolvedValue(undefined);
        const element = render(attempt(1));
        await flush();
        await openEditor(element);
        expect(q(element, '.rating-input').options).toHaveLength(5);
        change(element, '.rating-input', '4');
        change(element, '.value-input', '90000');
        await submit(element);
        expect(mockUpdate).toHaveBeenCalledWith(
            expect.objectContaining({ status: null, specialistRating: 4, estimatedValue: null, nextStep: null })
        );
    });

    it('offers no rating when no colleague was involved', async () => {
        const element = render(attempt(1, { specialistId: null, specialistName: null }));
        await flush();
        await openEditor(element);
        expect(q(element, '.rating-input')).toBeNull();
    });

    it('asks for an outcome that fits a closing status', async () => {
        mockUpdate.mockResolvedValue(undefined);
        const element = render(attempt(1));
        await flush();
        await openEditor(element);
        change(element, '.status-input', 'Lost');
        await flush();
        const outcome = q(element, '.outcome-input');
        expect(outcome.options.map((option: { value: string }) => option.value)).toEqual([
            'Price',
            'Competitor',
            'Relationship',
            'Other'
        ]);
        expect(outcome.required).toBe(false);
        change(element, '.outcome-input', 'Competitor');
        await flush();
        // Switching to Won drops an outcome that does not fit it.
        change(element, '.status-input', 'Won');
        await flush();
        expect(q(element, '.outcome-input').value).toBeUndefined();
        change(element, '.outcome-input', 'Value proven');
        await submit(element);
        expect(mockUpdate).toHaveBeenCalledWith(
            expect.objectContaining({ status: 'Won', outcomeReason: 'Value proven' })
        );
    });

    it('requires an outcome for Not Pursued', async () => {
        const element = render(attempt(0));
        await flush();
        await openEditor(element);
        change(element, '.status-input', 'Not Pursued');
        await flush();
        expect(q(element, '.outcome-input').required).toBe(true);
        await submit(element);
        expect(mockUpdate).not.toHaveBeenCalled();
        expect(inputProblems(element).errors).toEqual(['c.Crossway_Form_OutcomeNeeded']);
        await expect(element).toBeAccessible();
    });

    it.each([
        ['a negative value', '.value-input', '-1', 'c.Crossway_Form_ValueInvalid'],
        ['a past next step date', '.next-step-date-input', '2026-11-01', 'c.Crossway_Form_DatePast'],
        ['a next step that is too long', '.next-step-input', 'z'.repeat(256), 'c.Crossway_Form_NextStepTooLong']
    ])('refuses %s', async (_case, selector, value, message) => {
        const element = render(attempt(0));
        await flush();
        await openEditor(element);
        change(element, selector, value);
        await submit(element);
        expect(mockUpdate).not.toHaveBeenCalled();
        expect(inputProblems(element).errors).toEqual([message]);
    });

    it('edits an attempt that has no next step, value or rating yet', async () => {
        mockUpdate.mockResolvedValue(undefined);
        const element = render(
            attempt(0, { nextStep: null, nextStepDate: null, estimatedValue: null, specialistRating: null })
        );
        await flush();
        await openEditor(element);
        expect(q(element, '.next-step-input').value).toBe('');
        expect(q(element, '.next-step-date-input').value).toBeUndefined();
        expect(q(element, '.value-input').value).toBeUndefined();
        change(element, '.next-step-input', 'Call the CFO');
        change(element, '.next-step-date-input', '2026-12-02');
        change(element, '.next-step-date-input', '');
        change(element, '.value-input', '1000');
        await submit(element);
        expect(mockUpdate).toHaveBeenCalledWith({
            attemptId: 'a04Hs00000Att01AAA',
            status: null,
            nextStep: 'Call the CFO',
            nextStepDate: null,
            estimatedValue: 1000,
            specialistRating: null,
            outcomeReason: null
        });
    });

    it('ignores a second save while the first is under way', async () => {
        let resolve: () => void = () => undefined;
        mockUpdate.mockReturnValue(new Promise<void>((done) => (resolve = done)));
        const element = render(attempt(0));
        await flush();
        await openEditor(element);
        change(element, '.status-input', 'Proposal');
        await submit(element);
        expect(q(element, 'form.editor lightning-spinner')).not.toBeNull();
        await submit(element);
        expect(mockUpdate).toHaveBeenCalledTimes(1);
        resolve();
        await flush();
        expect(q(element, 'form.editor')).toBeNull();
    });

    it('shows no stage age for an unreadable date and tolerates a missing attempt', async () => {
        const element = render(attempt(0, { statusChangedDate: 'not a date' }));
        await flush();
        expect(q(element, '.stage-age')).toBeNull();
        const empty = render(undefined);
        await flush();
        expect(q(empty, '.offering').textContent).toBe('');
        expect(q(empty, '.status').label).toBe('');
        await openEditor(empty);
        await submit(empty);
        expect(mockUpdate).not.toHaveBeenCalled();
    });

    it('says so when nothing changed', async () => {
        const element = render(attempt(0));
        await flush();
        await openEditor(element);
        await submit(element);
        expect(mockUpdate).not.toHaveBeenCalled();
        expect(inputProblems(element).errors).toEqual(['c.Crossway_Form_NothingChanged']);
    });

    it('shows the server error through the error panel and keeps the editor open', async () => {
        mockUpdate.mockRejectedValue({ body: { message: 'Choose an outcome reason.' } });
        const element = render(attempt(0));
        const sent = listen(element);
        await flush();
        await openEditor(element);
        change(element, '.status-input', 'Proposal');
        await submit(element);
        const panel = serverError(element);
        expect(panel.errors.body.message).toBe('Choose an outcome reason.');
        expect(panel.friendlyMessage).toBe('c.Crossway_Attempt_Error');
        expect(q(element, 'form.editor')).not.toBeNull();
        expect(sent.saved).toEqual([]);
        await expect(element).toBeAccessible();
    });
});
