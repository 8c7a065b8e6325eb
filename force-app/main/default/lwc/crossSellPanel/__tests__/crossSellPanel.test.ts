import { createElement } from 'lwc';
import CrossSellPanel from 'c/crossSellPanel';
import getPanelData from '@salesforce/apex/CrossSellController.getPanelData';
import logAttempt from '@salesforce/apex/CrossSellController.logAttempt';
import { refreshApex } from '@salesforce/apex';

const PANEL_DATA = require('./data/panelData.json');

jest.mock(
    '@salesforce/apex/CrossSellController.getPanelData',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/CrossSellController.logAttempt', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Panel_ShowMore', () => ({ default: 'Show {0} more' }), { virtual: true });

interface WireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getPanelData as unknown as WireAdapterMock;
const mockRefresh = refreshApex as unknown as jest.Mock;
const mockLogAttempt = logAttempt as unknown as jest.Mock;

const ACCOUNT_ID = '001Hs00001AcmeBAAA';

function panelData(): typeof PANEL_DATA {
    return JSON.parse(JSON.stringify(PANEL_DATA));
}

function render(props: Record<string, unknown> = {}): HTMLElement & Record<string, unknown> {
    const element = createElement('c-cross-sell-panel', { is: CrossSellPanel }) as HTMLElement &
        Record<string, unknown>;
    element.recordId = ACCOUNT_ID;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// A macrotask lets every pending promise and re-render settle (tests only).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot as ShadowRoot;
}

function cards(element: HTMLElement): (HTMLElement & Record<string, any>)[] {
    return Array.from(root(element).querySelectorAll('c-offering-card'));
}

function cardNames(element: HTMLElement): string[] {
    return cards(element).map((card) => card.ranked.offering.name);
}

describe('c-cross-sell-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks for the panel data of its record and shows a spinner until it arrives', async () => {
        const element = render();
        await flush();
        expect(wire.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
        expect(root(element).querySelector('.loading lightning-spinner')).not.toBeNull();
        expect(cards(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('ranks the wired data with the engine and shows the suggestions and open attempts', async () => {
        const element = render();
        wire.emit(panelData());
        await flush();

        // Held, in-progress and recently dismissed offerings are left out; the best fit comes first.
        expect(cardNames(element)).toEqual(['Cyber Security Assessment', 'Cloud Migration']);
        const [first, second] = cards(element);
        expect(first.accountId).toBe(ACCOUNT_ID);
        expect(first.today).toBe('2026-11-23');
        expect(first.ranked.newToRep).toBe(false);
        expect(second.ranked.newToRep).toBe(true);
        expect(first.ranked.specialists.map((s: any) => s.specialist.name)).toEqual(['Anna Keller', 'Dev Patel']);

        const attempts = root(element).querySelector('c-attempt-list') as HTMLElement & Record<string, any>;
        expect(attempts.attempts).toHaveLength(3);
        expect(attempts.today).toBe('2026-11-23');
        expect(root(element).querySelector('.loading')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows as many suggestions as configured in App Builder, with show more and show fewer', async () => {
        const element = render({ maxOfferings: 1, maxSpecialists: 1 });
        wire.emit(panelData());
        await flush();
        expect(cardNames(element)).toEqual(['Cyber Security Assessment']);
        expect(cards(element)[0].ranked.specialists).toHaveLength(1);

        const more = root(element).querySelector('button.show-more') as HTMLButtonElement;
        expect(more.textContent!.trim()).toBe('Show 1 more');
        more.click();
        await flush();
        expect(cardNames(element)).toEqual(['Cyber Security Assessment', 'Cloud Migration']);
        expect(root(element).querySelector('button.show-more')).toBeNull();

        (root(element).querySelector('button.show-fewer') as HTMLButtonElement).click();
        await flush();
        expect(cardNames(element)).toEqual(['Cyber Security Assessment']);
        await expect(element).toBeAccessible();
    });

    it('uses the Crossway setting when App Builder leaves the numbers blank or invalid', async () => {
        const data = panelData();
        data.settings.maxOfferingsShown = 1;
        data.settings.maxSpecialistsPerOffering = 1;
        const element = render({ maxOfferings: 0, maxSpecialists: 'many' });
        wire.emit(data);
        await flush();
        expect(cardNames(element)).toEqual(['Cyber Security Assessment']);
        expect(cards(element)[0].ranked.specialists).toHaveLength(1);
        expect(root(element).querySelector('button.show-more')).not.toBeNull();
    });

    it('accepts App Builder numbers given as text', async () => {
        const element = render({ maxOfferings: '1', maxSpecialists: ' ' });
        wire.emit(panelData());
        await flush();
        expect(cardNames(element)).toEqual(['Cyber Security Assessment']);
        expect(cards(element)[0].ranked.specialists).toHaveLength(2);
    });

    it('shows a load error through the error panel', async () => {
        const element = render();
        wire.error({ message: 'Insufficient access to Account' }, 403, 'Forbidden');
        await flush();
        const panel = root(element).querySelector('c-error-panel.load-error') as HTMLElement & Record<string, any>;
        expect(panel).not.toBeNull();
        expect(panel.friendlyMessage).toBe('c.Crossway_Panel_LoadError');
        expect(panel.errors.body.message).toBe('Insufficient access to Account');
        expect(cards(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('shows data the engine cannot read through the error panel, not as a broken page', async () => {
        const element = render();
        const unreadable = panelData();
        Object.defineProperty(unreadable, 'offerings', {
            enumerable: true,
            get() {
                throw new TypeError('offerings could not be read');
            }
        });
        wire.emit(unreadable);
        await flush();
        const panel = root(element).querySelector('c-error-panel.ranking-error') as HTMLElement & Record<string, any>;
        expect(panel).not.toBeNull();
        expect(panel.errors.message).toBe('offerings could not be read');
        expect(cards(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('ranks with the engine defaults when the server sends no settings', async () => {
        const element = render();
        wire.emit({ ...panelData(), settings: null });
        await flush();
        expect(cardNames(element)).toEqual(['Cyber Security Assessment', 'Cloud Migration']);
    });

    it('says there is no data yet when no offering is set up', async () => {
        const element = render();
        wire.emit({ ...panelData(), offerings: [], holdings: [], peerAdoption: [], attempts: [] });
        await flush();
        expect(root(element).querySelector('.no-data')!.textContent).toBe('c.Crossway_Panel_NoData');
        expect(root(element).querySelector('.nothing-left')).toBeNull();
        expect(cards(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('says nothing is left to cross-sell when the account buys every offering', async () => {
        const data = panelData();
        data.holdings = data.offerings.map((offering: { id: string }) => ({
            offeringId: offering.id,
            source: 'Asset',
            purchaseDate: '2026-01-15'
        }));
        const element = render();
        wire.emit(data);
        await flush();
        expect(root(element).querySelector('.nothing-left')!.textContent).toBe('c.Crossway_Panel_NothingLeft');
        expect(cards(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('asks to be placed on a record page when it has no record', async () => {
        const element = createElement('c-cross-sell-panel', { is: CrossSellPanel });
        document.body.appendChild(element);
        await flush();
        expect(element.shadowRoot!.querySelector('.no-record')!.textContent).toBe('c.Crossway_Panel_NoRecord');
        expect(element.shadowRoot!.querySelector('.loading')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('drops a dismissed offering at once and refreshes its wire', async () => {
        const element = render();
        const data = panelData();
        wire.emit(data);
        await flush();
        const [cyber] = cards(element);
        cyber.dispatchEvent(
            new CustomEvent('saved', {
                detail: { attemptId: 'a04Hs00000Att09AAA', offeringId: cyber.ranked.offering.id, action: 'dismissed' }
            })
        );
        await flush();
        expect(cardNames(element)).toEqual(['Cloud Migration']);
        expect(root(element).activeElement).toBe(root(element).querySelector('section.suggestions'));
        expect(mockRefresh).toHaveBeenCalledTimes(1);
        expect(mockRefresh.mock.calls[0][0]).toEqual(expect.objectContaining({ data }));

        // The refreshed data keeps the dismissal: the engine suppresses the offering from now on.
        const refreshed = panelData();
        refreshed.attempts.unshift({
            ...refreshed.attempts[2],
            id: 'a04Hs00000Att09AAA',
            offeringId: cyber.ranked.offering.id,
            offeringName: 'Cyber Security Assessment',
            closedDate: '2026-11-23',
            statusChangedDate: '2026-11-23'
        });
        wire.emit(refreshed);
        await flush();
        expect(cardNames(element)).toEqual(['Cloud Migration']);
        await expect(element).toBeAccessible();
    });

    it('refreshes after an attempt update without hiding any suggestion', async () => {
        const element = render();
        wire.emit(panelData());
        await flush();
        const list = root(element).querySelector('c-attempt-list') as HTMLElement;
        list.dispatchEvent(
            new CustomEvent('saved', {
                detail: { attemptId: 'a04Hs00000Att01AAA', offeringId: 'a01Hs00000WealtAAA', action: 'updated' }
            })
        );
        await flush();
        expect(mockRefresh).toHaveBeenCalledTimes(1);
        expect(cardNames(element)).toEqual(['Cyber Security Assessment', 'Cloud Migration']);
    });

    it('refreshes once for a saved event without detail and ignores refreshes while one is running', async () => {
        let finish: () => void = () => undefined;
        mockRefresh.mockImplementationOnce(() => new Promise<void>((done) => (finish = done)));
        const element = render();
        wire.emit(panelData());
        await flush();
        (root(element).querySelector('c-attempt-list') as HTMLElement).dispatchEvent(new CustomEvent('saved'));
        await flush();
        expect(root(element).querySelector('lightning-spinner.refreshing')).not.toBeNull();
        (root(element).querySelector('lightning-button-icon.refresh') as HTMLElement).click();
        await flush();
        expect(mockRefresh).toHaveBeenCalledTimes(1);
        finish();
        await flush();
        expect(root(element).querySelector('lightning-spinner.refreshing')).toBeNull();
        expect(cards(element)).toHaveLength(2);
    });

    it('refreshes when the rep asks for it', async () => {
        const element = render();
        wire.emit(panelData());
        await flush();
        (root(element).querySelector('lightning-button-icon.refresh') as HTMLElement).click();
        await flush();
        expect(mockRefresh).toHaveBeenCalledTimes(1);
    });

    it('keeps the suggestions and shows an error when the refresh fails', async () => {
        mockRefresh.mockImplementationOnce(() => Promise.reject({ body: { message: 'Server unavailable' } }));
        const element = render();
        wire.emit(panelData());
        await flush();
        (root(element).querySelector('lightning-button-icon.refresh') as HTMLElement).click();
        await flush();
        const panel = root(element).querySelector('c-error-panel.refresh-error') as HTMLElement & Record<string, any>;
        expect(panel).not.toBeNull();
        expect(panel.errors.body.message).toBe('Server unavailable');
        expect(cards(element)).toHaveLength(2);
        await expect(element).toBeAccessible();
    });

    it('leaves out the open attempts when App Builder hides them', async () => {
        const element = render({ hideAttempts: true });
        wire.emit(panelData());
        await flush();
        expect(root(element).querySelector('c-attempt-list')).toBeNull();
        expect(cards(element)).toHaveLength(2);
    });

    it('logs an attempt end to end: form, Apex call, toast and refresh', async () => {
        mockLogAttempt.mockResolvedValue('a04Hs00000Att10AAA');
        const element = render();
        wire.emit(panelData());
        await flush();
        const card = cards(element)[1];
        (card.shadowRoot!.querySelector('button.log') as HTMLButtonElement).click();
        await flush();
        const form = card.shadowRoot!.querySelector('c-log-attempt-form') as HTMLElement;
        const toast = jest.fn();
        form.addEventListener('lightning__showtoast', toast);
        (form.shadowRoot!.querySelector('button.save') as HTMLButtonElement).click();
        await flush();

        expect(mockLogAttempt).toHaveBeenCalledWith({
            accountId: ACCOUNT_ID,
            offeringId: 'a01Hs00000CloudAAA',
            specialistId: 'a02Hs00000SpCarAAA',
            estimatedValue: 400000,
            nextStep: null,
            nextStepDate: null,
            source: 'Suggested'
        });
        expect(toast).toHaveBeenCalledTimes(1);
        expect(mockRefresh).toHaveBeenCalledTimes(1);
        expect(cardNames(element)).toEqual(['Cyber Security Assessment']);
    });
});
