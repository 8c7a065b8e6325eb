import { createElement } from 'lwc';
import DismissForm from 'c/dismissForm';
import dismissOffering from '@salesforce/apex/CrossSellController.dismissOffering';

jest.mock('@salesforce/apex/CrossSellController.dismissOffering', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Dismiss_Heading', () => ({ default: 'Dismiss {0}' }), { virtual: true });

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');
const ACCOUNT_ID = '001Hs00001AcmeBAAA';
const mockDismiss = dismissOffering as unknown as jest.Mock;

// A macrotask lets the Apex promise and the re-render settle (tests only).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Field = HTMLElement & Record<string, any>;

function render(): HTMLElement {
    const element = createElement('c-dismiss-form', { is: DismissForm });
    const offering = PANEL_DATA.offerings.find((candidate: { name: string }) => candidate.name === 'Cloud Migration');
    Object.assign(element, { accountId: ACCOUNT_ID, offering });
    document.body.appendChild(element);
    return element;
}

const field = (element: HTMLElement, name: string): Field => element.shadowRoot!.querySelector(`.${name}`) as Field;

function change(element: HTMLElement, name: string, value: string): void {
    const input = field(element, name);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function submit(element: HTMLElement): Promise<void> {
    (element.shadowRoot!.querySelector('button.save') as HTMLButtonElement).click();
    await flush();
}

describe('c-dismiss-form', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the dismissal reasons, each a label', async () => {
        const element = render();
        await flush();
        expect(element.shadowRoot!.querySelector('form')!.getAttribute('aria-label')).toBe('Dismiss Cloud Migration');
        expect(field(element, 'reason').options).toEqual([
            { label: 'c.Crossway_Outcome_AlreadyWithCompetitor', value: 'Already with competitor' },
            { label: 'c.Crossway_Outcome_NotAFit', value: 'Not a fit' },
            { label: 'c.Crossway_Outcome_BadTiming', value: 'Bad timing' },
            { label: 'c.Crossway_Outcome_Other', value: 'Other' }
        ]);
        expect(field(element, 'reason').required).toBe(true);
        expect(field(element, 'notes').required).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('dismisses with the reason and notes, toasts and announces it', async () => {
        mockDismiss.mockResolvedValue('a04Hs00000Att15AAA');
        const element = render();
        const toast = jest.fn();
        const saved = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        element.addEventListener('saved', saved);
        await flush();
        change(element, 'reason', 'Bad timing');
        change(element, 'notes', ' Budget frozen until Q3 ');
        await submit(element);
        expect(mockDismiss).toHaveBeenCalledWith({
            accountId: ACCOUNT_ID,
            offeringId: 'a01Hs00000CloudAAA',
            reason: 'Bad timing',
            notes: 'Budget frozen until Q3'
        });
        expect(toast.mock.calls[0][0].detail).toEqual(
            expect.objectContaining({ title: 'c.Crossway_Dismiss_SuccessTitle', variant: 'success' })
        );
        expect(saved.mock.calls[0][0].detail).toEqual({
            attemptId: 'a04Hs00000Att15AAA',
            offeringId: 'a01Hs00000CloudAAA',
            action: 'dismissed'
        });
    });

    it('sends no notes when the rep wrote none', async () => {
        mockDismiss.mockResolvedValue('a04Hs00000Att16AAA');
        const element = render();
        await flush();
        change(element, 'reason', 'Not a fit');
        await submit(element);
        expect(mockDismiss).toHaveBeenCalledWith(expect.objectContaining({ reason: 'Not a fit', notes: null }));
    });

    it('requires a reason', async () => {
        const element = render();
        await flush();
        await submit(element);
        expect(mockDismiss).not.toHaveBeenCalled();
        expect((element.shadowRoot!.querySelector('c-error-panel.invalid') as Field).errors).toEqual([
            'c.Crossway_Form_ReasonNeeded'
        ]);
        await expect(element).toBeAccessible();
    });

    it('requires notes for "Other" and keeps notes short', async () => {
        const element = render();
        await flush();
        change(element, 'reason', 'Other');
        await flush();
        expect(field(element, 'notes').required).toBe(true);
        await submit(element);
        expect((element.shadowRoot!.querySelector('c-error-panel.invalid') as Field).errors).toEqual([
            'c.Crossway_Form_NotesNeeded'
        ]);
        change(element, 'notes', 'y'.repeat(1001));
        await submit(element);
        expect((element.shadowRoot!.querySelector('c-error-panel.invalid') as Field).errors).toEqual([
            'c.Crossway_Form_NotesTooLong'
        ]);
        expect(mockDismiss).not.toHaveBeenCalled();
    });

    it('shows the server error through the error panel', async () => {
        mockDismiss.mockRejectedValue({ body: { message: 'You cannot dismiss an offering the account buys.' } });
        const element = render();
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await flush();
        change(element, 'reason', 'Not a fit');
        await submit(element);
        const panel = element.shadowRoot!.querySelector('c-error-panel.server-error') as Field;
        expect(panel.errors.body.message).toBe('You cannot dismiss an offering the account buys.');
        expect(saved).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('announces cancel', async () => {
        const element = render();
        const cancel = jest.fn();
        element.addEventListener('cancel', cancel);
        await flush();
        (element.shadowRoot!.querySelector('button.cancel') as HTMLButtonElement).click();
        expect(cancel).toHaveBeenCalledTimes(1);
    });
});
