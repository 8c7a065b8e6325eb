import { createElement } from 'lwc';
import LogAttemptForm from 'c/logAttemptForm';
import logAttempt from '@salesforce/apex/CrossSellController.logAttempt';
import { rankPanel } from 'c/crossSellEngine';

jest.mock('@salesforce/apex/CrossSellController.logAttempt', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Log_SpecialistOption', () => ({ default: '{0} ({1})' }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Log_SuccessMessage', () => ({ default: 'You are now working {0}.' }), {
    virtual: true
});

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');
const ACCOUNT_ID = '001Hs00001AcmeBAAA';
const mockLogAttempt = logAttempt as unknown as jest.Mock;

// A macrotask lets the Apex promise and the re-render settle (tests only).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function ranked(name: string) {
    return rankPanel(JSON.parse(JSON.stringify(PANEL_DATA))).offerings.find(
        (candidate) => candidate.offering.name === name
    )!;
}

type Field = HTMLElement & Record<string, any>;

function render(name = 'Cyber Security Assessment', props: Record<string, unknown> = {}): HTMLElement {
    const offering = ranked(name);
    const element = createElement('c-log-attempt-form', { is: LogAttemptForm });
    Object.assign(element, {
        accountId: ACCOUNT_ID,
        offering: offering.offering,
        specialists: offering.specialists,
        today: '2026-11-23',
        ...props
    });
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

describe('c-log-attempt-form', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the ranked specialists, preselects the best available one and the typical deal size', async () => {
        const element = render();
        await flush();
        const combobox = field(element, 'specialist');
        expect(combobox.options).toEqual([
            { label: 'c.Crossway_Log_NoSpecialist', value: '' },
            { label: 'Anna Keller (Lead)', value: 'a02Hs00000SpAnnAAA' },
            { label: 'Dev Patel (Expert)', value: 'a02Hs00000SpDevAAA' }
        ]);
        expect(combobox.value).toBe('a02Hs00000SpAnnAAA');
        expect(field(element, 'value').value).toBe('120000');
        expect(field(element, 'next-step-date').min).toBe('2026-11-23');
        await expect(element).toBeAccessible();
    });

    it('preselects nobody when no specialist is available and leaves the value empty without a deal size', async () => {
        const cyber = ranked('Cyber Security Assessment');
        const element = render('Cyber Security Assessment', {
            offering: { ...cyber.offering, typicalDealSize: null },
            specialists: cyber.specialists.map((specialist) => ({ ...specialist, available: false }))
        });
        await flush();
        expect(field(element, 'specialist').value).toBe('');
        expect(field(element, 'value').value).toBeUndefined();
        mockLogAttempt.mockResolvedValue('a04Hs00000Att17AAA');
        await submit(element);
        expect(mockLogAttempt).toHaveBeenCalledWith(
            expect.objectContaining({ specialistId: null, estimatedValue: null })
        );
    });

    it('offers only "nobody" without ranked specialists and does nothing without an account', async () => {
        const element = render('Cyber Security Assessment', { specialists: null, accountId: undefined });
        await flush();
        expect(field(element, 'specialist').options).toEqual([{ label: 'c.Crossway_Log_NoSpecialist', value: '' }]);
        await submit(element);
        expect(mockLogAttempt).not.toHaveBeenCalled();
    });

    it('logs the attempt with what the rep entered, toasts and announces it', async () => {
        mockLogAttempt.mockResolvedValue('a04Hs00000Att12AAA');
        const element = render();
        const toast = jest.fn();
        const saved = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        element.addEventListener('saved', saved);
        await flush();
        change(element, 'specialist', 'a02Hs00000SpDevAAA');
        change(element, 'value', '95000');
        change(element, 'next-step', '  Book a discovery call with the CISO  ');
        change(element, 'next-step-date', '2026-12-01');
        await submit(element);

        expect(mockLogAttempt).toHaveBeenCalledWith({
            accountId: ACCOUNT_ID,
            offeringId: 'a01Hs00000CyberAAA',
            specialistId: 'a02Hs00000SpDevAAA',
            estimatedValue: 95000,
            nextStep: 'Book a discovery call with the CISO',
            nextStepDate: '2026-12-01',
            source: 'Suggested'
        });
        expect(toast).toHaveBeenCalledTimes(1);
        expect(toast.mock.calls[0][0].detail).toEqual(
            expect.objectContaining({
                title: 'c.Crossway_Log_SuccessTitle',
                message: 'You are now working Cyber Security Assessment.',
                variant: 'success'
            })
        );
        expect(saved.mock.calls[0][0].detail).toEqual({
            attemptId: 'a04Hs00000Att12AAA',
            offeringId: 'a01Hs00000CyberAAA',
            action: 'logged'
        });
    });

    it('logs without a specialist or value when the rep clears them', async () => {
        mockLogAttempt.mockResolvedValue('a04Hs00000Att13AAA');
        const element = render();
        await flush();
        change(element, 'specialist', '');
        change(element, 'value', '');
        await submit(element);
        expect(mockLogAttempt).toHaveBeenCalledWith(
            expect.objectContaining({ specialistId: null, estimatedValue: null, nextStep: null, nextStepDate: null })
        );
    });

    it.each([
        ['a negative value', { value: '-5' }, 'c.Crossway_Form_ValueInvalid'],
        ['a value that is not a number', { value: 'lots' }, 'c.Crossway_Form_ValueInvalid'],
        [
            'a next step date in the past',
            { 'next-step': 'Call', 'next-step-date': '2026-11-01' },
            'c.Crossway_Form_DatePast'
        ],
        ['a date without a next step', { 'next-step-date': '2026-12-01' }, 'c.Crossway_Form_NextStepNeeded'],
        ['a next step that is too long', { 'next-step': 'x'.repeat(256) }, 'c.Crossway_Form_NextStepTooLong']
    ])('refuses %s and says why, without calling Apex', async (_case, values, message) => {
        const element = render();
        await flush();
        for (const [name, value] of Object.entries(values)) change(element, name, value as string);
        await submit(element);
        expect(mockLogAttempt).not.toHaveBeenCalled();
        const panel = element.shadowRoot!.querySelector('c-error-panel.invalid') as Field;
        expect(panel.errors).toEqual([message]);
        expect(panel.friendlyMessage).toBe('c.Crossway_Form_Invalid');
        await expect(element).toBeAccessible();
    });

    it('shows the server error through the error panel and stays open', async () => {
        mockLogAttempt.mockRejectedValue({ body: { message: 'An open attempt on this offering already exists.' } });
        const element = render();
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await flush();
        await submit(element);
        const panel = element.shadowRoot!.querySelector('c-error-panel.server-error') as Field;
        expect(panel.errors.body.message).toBe('An open attempt on this offering already exists.');
        expect(panel.friendlyMessage).toBe('c.Crossway_Log_Error');
        expect(saved).not.toHaveBeenCalled();
        expect((element.shadowRoot!.querySelector('button.save') as HTMLButtonElement).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('shows a spinner and ignores a second submit while saving', async () => {
        let resolve: (id: string) => void = () => undefined;
        mockLogAttempt.mockReturnValue(new Promise((done) => (resolve = done)));
        const element = render();
        await flush();
        await submit(element);
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        expect((element.shadowRoot!.querySelector('button.save') as HTMLButtonElement).disabled).toBe(true);
        await submit(element);
        expect(mockLogAttempt).toHaveBeenCalledTimes(1);
        resolve('a04Hs00000Att14AAA');
        await flush();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    });

    it('announces cancel', async () => {
        const element = render();
        const cancel = jest.fn();
        element.addEventListener('cancel', cancel);
        await flush();
        (element.shadowRoot!.querySelector('button.cancel') as HTMLButtonElement).click();
        expect(cancel).toHaveBeenCalledTimes(1);
        expect(mockLogAttempt).not.toHaveBeenCalled();
    });
});
