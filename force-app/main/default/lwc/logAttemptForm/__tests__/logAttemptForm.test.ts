import LogAttemptForm from 'c/logAttemptForm';
import logAttempt from '@salesforce/apex/CrossSellController.logAttempt';
import { rankPanel } from 'c/crossSellEngine';
import {
    ACCOUNT_ID,
    cleanUp,
    fill,
    flush,
    inputProblems,
    listen,
    mount,
    panelData,
    q,
    serverError,
    submit
} from '../../formUtils/__tests__/formTestUtils';

jest.mock('@salesforce/apex/CrossSellController.logAttempt', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Log_SpecialistOption', () => ({ default: '{0} ({1})' }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Log_SuccessMessage', () => ({ default: 'You are now working {0}.' }), {
    virtual: true
});

const mockLogAttempt = logAttempt as unknown as jest.Mock;

function ranked(name: string) {
    return rankPanel(panelData()).offerings.find((candidate) => candidate.offering.name === name)!;
}

function render(name = 'Cyber Security Assessment', props: Record<string, unknown> = {}): HTMLElement {
    const offering = ranked(name);
    return mount('c-log-attempt-form', LogAttemptForm, {
        accountId: ACCOUNT_ID,
        offering: offering.offering,
        specialists: offering.specialists,
        today: '2026-11-23',
        ...props
    });
}

describe('c-log-attempt-form', () => {
    afterEach(cleanUp);

    it('offers the ranked specialists, preselects the best available one and the typical deal size', async () => {
        const element = render();
        await flush();
        const combobox = q(element, '.specialist');
        expect(combobox.options).toEqual([
            { label: 'c.Crossway_Log_NoSpecialist', value: '' },
            { label: 'Anna Keller (Lead)', value: 'a02Hs00000SpAnnAAA' },
            { label: 'Dev Patel (Expert)', value: 'a02Hs00000SpDevAAA' }
        ]);
        expect(combobox.value).toBe('a02Hs00000SpAnnAAA');
        expect(q(element, '.value').value).toBe('120000');
        expect(q(element, '.next-step-date').min).toBe('2026-11-23');
        await expect(element).toBeAccessible();
    });

    it('preselects nobody when no specialist is available and leaves the value empty without a deal size', async () => {
        const cyber = ranked('Cyber Security Assessment');
        const element = render('Cyber Security Assessment', {
            offering: { ...cyber.offering, typicalDealSize: null },
            specialists: cyber.specialists.map((specialist) => ({ ...specialist, available: false }))
        });
        await flush();
        expect(q(element, '.specialist').value).toBe('');
        expect(q(element, '.value').value).toBeUndefined();
        mockLogAttempt.mockResolvedValue('a04Hs00000Att17AAA');
        await submit(element);
        expect(mockLogAttempt).toHaveBeenCalledWith(
            expect.objectContaining({ specialistId: null, estimatedValue: null })
        );
    });

    it('offers only "nobody" without ranked specialists and does nothing without an account', async () => {
        const element = render('Cyber Security Assessment', { specialists: null, accountId: undefined });
        await flush();
        expect(q(element, '.specialist').options).toEqual([{ label: 'c.Crossway_Log_NoSpecialist', value: '' }]);
        await submit(element);
        expect(mockLogAttempt).not.toHaveBeenCalled();
    });

    it('logs the attempt with what the rep entered, toasts and announces it', async () => {
        mockLogAttempt.mockResolvedValue('a04Hs00000Att12AAA');
        const element = render();
        const sent = listen(element);
        await flush();
        fill(element, {
            '.specialist': 'a02Hs00000SpDevAAA',
            '.value': '95000',
            '.next-step': '  Book a discovery call with the CISO  ',
            '.next-step-date': '2026-12-01'
        });
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
        expect(sent.toasts).toEqual([
            expect.objectContaining({
                title: 'c.Crossway_Log_SuccessTitle',
                message: 'You are now working Cyber Security Assessment.',
                variant: 'success'
            })
        ]);
        expect(sent.saved).toEqual([
            { attemptId: 'a04Hs00000Att12AAA', offeringId: 'a01Hs00000CyberAAA', action: 'logged' }
        ]);
    });

    it('logs without a specialist or value when the rep clears them', async () => {
        mockLogAttempt.mockResolvedValue('a04Hs00000Att13AAA');
        const element = render();
        await flush();
        fill(element, { '.specialist': '', '.value': '' });
        await submit(element);
        expect(mockLogAttempt).toHaveBeenCalledWith(
            expect.objectContaining({ specialistId: null, estimatedValue: null, nextStep: null, nextStepDate: null })
        );
    });

    it.each([
        ['a negative value', { '.value': '-5' }, 'c.Crossway_Form_ValueInvalid'],
        ['a value that is not a number', { '.value': 'lots' }, 'c.Crossway_Form_ValueInvalid'],
        [
            'a next step date in the past',
            { '.next-step': 'Call', '.next-step-date': '2026-11-01' },
            'c.Crossway_Form_DatePast'
        ],
        ['a date without a next step', { '.next-step-date': '2026-12-01' }, 'c.Crossway_Form_NextStepNeeded'],
        ['a next step that is too long', { '.next-step': 'x'.repeat(256) }, 'c.Crossway_Form_NextStepTooLong']
    ])('refuses %s and says why, without calling Apex', async (_case, values, message) => {
        const element = render();
        await flush();
        fill(element, values);
        await submit(element);
        expect(mockLogAttempt).not.toHaveBeenCalled();
        const panel = inputProblems(element);
        expect(panel.errors).toEqual([message]);
        expect(panel.friendlyMessage).toBe('c.Crossway_Form_Invalid');
        await expect(element).toBeAccessible();
    });

    it('shows the server error through the error panel and stays open', async () => {
        mockLogAttempt.mockRejectedValue({ body: { message: 'An open attempt on this offering already exists.' } });
        const element = render();
        const sent = listen(element);
        await flush();
        await submit(element);
        const panel = serverError(element);
        expect(panel.errors.body.message).toBe('An open attempt on this offering already exists.');
        expect(panel.friendlyMessage).toBe('c.Crossway_Log_Error');
        expect(sent.saved).toEqual([]);
        expect(q(element, 'button.save').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('shows a spinner and ignores a second submit while saving', async () => {
        let resolve: (id: string) => void = () => undefined;
        mockLogAttempt.mockReturnValue(new Promise((done) => (resolve = done)));
        const element = render();
        await flush();
        await submit(element);
        expect(q(element, 'lightning-spinner')).not.toBeNull();
        expect(q(element, 'button.save').disabled).toBe(true);
        await submit(element);
        expect(mockLogAttempt).toHaveBeenCalledTimes(1);
        resolve('a04Hs00000Att14AAA');
        await flush();
        expect(q(element, 'lightning-spinner')).toBeNull();
    });

    it('announces cancel', async () => {
        const element = render();
        const sent = listen(element);
        await flush();
        q(element, 'button.cancel').click();
        expect(sent.cancel).toHaveLength(1);
        expect(mockLogAttempt).not.toHaveBeenCalled();
    });
});
