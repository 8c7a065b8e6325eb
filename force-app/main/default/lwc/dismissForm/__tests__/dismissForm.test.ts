import DismissForm from 'c/dismissForm';
import dismissOffering from '@salesforce/apex/CrossSellController.dismissOffering';
import {
    ACCOUNT_ID,
    change,
    cleanUp,
    flush,
    inputProblems,
    listen,
    mount,
    panelData,
    q,
    serverError,
    submit
} from '../../formUtils/__tests__/formTestUtils';

jest.mock('@salesforce/apex/CrossSellController.dismissOffering', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Dismiss_Heading', () => ({ default: 'Dismiss {0}' }), { virtual: true });

const mockDismiss = dismissOffering as unknown as jest.Mock;

function render(): HTMLElement {
    const offering = panelData().offerings.find((candidate: { name: string }) => candidate.name === 'Cloud Migration');
    return mount('c-dismiss-form', DismissForm, { accountId: ACCOUNT_ID, offering });
}

describe('c-dismiss-form', () => {
    afterEach(cleanUp);

    it('offers the dismissal reasons, each a label', async () => {
        const element = render();
        await flush();
        expect(q(element, 'form').getAttribute('aria-label')).toBe('Dismiss Cloud Migration');
        expect(q(element, '.reason').options).toEqual([
            { label: 'c.Crossway_Outcome_AlreadyWithCompetitor', value: 'Already with competitor' },
            { label: 'c.Crossway_Outcome_NotAFit', value: 'Not a fit' },
            { label: 'c.Crossway_Outcome_BadTiming', value: 'Bad timing' },
            { label: 'c.Crossway_Outcome_Other', value: 'Other' }
        ]);
        expect(q(element, '.reason').required).toBe(true);
        expect(q(element, '.notes').required).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('dismisses with the reason and notes, toasts and announces it', async () => {
        mockDismiss.mockResolvedValue('a04Hs00000Att15AAA');
        const element = render();
        const sent = listen(element);
        await flush();
        change(element, '.reason', 'Bad timing');
        change(element, '.notes', ' Budget frozen until Q3 ');
        await submit(element);
        expect(mockDismiss).toHaveBeenCalledWith({
            accountId: ACCOUNT_ID,
            offeringId: 'a01Hs00000CloudAAA',
            reason: 'Bad timing',
            notes: 'Budget frozen until Q3'
        });
        expect(sent.toasts).toEqual([
            expect.objectContaining({ title: 'c.Crossway_Dismiss_SuccessTitle', variant: 'success' })
        ]);
        expect(sent.saved).toEqual([
            { attemptId: 'a04Hs00000Att15AAA', offeringId: 'a01Hs00000CloudAAA', action: 'dismissed' }
        ]);
    });

    it('sends no notes when the rep wrote none', async () => {
        mockDismiss.mockResolvedValue('a04Hs00000Att16AAA');
        const element = render();
        await flush();
        change(element, '.reason', 'Not a fit');
        await submit(element);
        expect(mockDismiss).toHaveBeenCalledWith(expect.objectContaining({ reason: 'Not a fit', notes: null }));
    });

    it('requires a reason', async () => {
        const element = render();
        await flush();
        await submit(element);
        expect(mockDismiss).not.toHaveBeenCalled();
        expect(inputProblems(element).errors).toEqual(['c.Crossway_Form_ReasonNeeded']);
        await expect(element).toBeAccessible();
    });

    it('requires notes for "Other" and keeps notes short', async () => {
        const element = render();
        await flush();
        change(element, '.reason', 'Other');
        await flush();
        expect(q(element, '.notes').required).toBe(true);
        await submit(element);
        expect(inputProblems(element).errors).toEqual(['c.Crossway_Form_NotesNeeded']);
        change(element, '.notes', 'y'.repeat(1001));
        await submit(element);
        expect(inputProblems(element).errors).toEqual(['c.Crossway_Form_NotesTooLong']);
        expect(mockDismiss).not.toHaveBeenCalled();
    });

    it('shows the server error through the error panel', async () => {
        mockDismiss.mockRejectedValue({ body: { message: 'You cannot dismiss an offering the account buys.' } });
        const element = render();
        const sent = listen(element);
        await flush();
        change(element, '.reason', 'Not a fit');
        await submit(element);
        expect(serverError(element).errors.body.message).toBe('You cannot dismiss an offering the account buys.');
        expect(sent.saved).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('announces cancel', async () => {
        const element = render();
        const sent = listen(element);
        await flush();
        q(element, 'button.cancel').click();
        expect(sent.cancel).toHaveLength(1);
    });
});
