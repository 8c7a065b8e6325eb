import { createElement } from 'lwc';
import OfferingCard from 'c/offeringCard';
import { rankPanel } from 'c/crossSellEngine';

jest.mock('@salesforce/label/c.Crossway_Reason_IndustryFit', () => ({ default: 'Fits {0} (a target industry)' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Crossway_Reason_DealSize', () => ({ default: 'Typical deal {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Offering_Rank', () => ({ default: 'Suggestion {0}: {1}' }), { virtual: true });

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');
const ACCOUNT_ID = '001Hs00001AcmeBAAA';

function ranked(name: string) {
    const ranking = rankPanel(JSON.parse(JSON.stringify(PANEL_DATA)));
    return ranking.offerings.find((candidate) => candidate.offering.name === name)!;
}

function render(rankedOffering: unknown): HTMLElement {
    const element = createElement('c-offering-card', { is: OfferingCard });
    Object.assign(element, { ranked: rankedOffering, accountId: ACCOUNT_ID, today: '2026-11-23' });
    document.body.appendChild(element);
    return element;
}

const root = (element: HTMLElement): ShadowRoot => element.shadowRoot!;
const button = (element: HTMLElement, name: string): HTMLButtonElement =>
    root(element).querySelector(`button.${name}`) as HTMLButtonElement;
const tick = (): Promise<void> => Promise.resolve();

describe('c-offering-card', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the offering, its business unit, deal size and reasons in plain language', async () => {
        const element = render(ranked('Cyber Security Assessment'));
        await tick();
        expect(root(element).querySelector('article')!.getAttribute('aria-label')).toBe(
            'Suggestion 1: Cyber Security Assessment'
        );
        expect(root(element).querySelector('h3.name')!.textContent).toBe('Cyber Security Assessment');
        expect(root(element).querySelector('.business-unit')!.textContent).toBe('Risk Advisory');
        const amount = root(element).querySelector('.deal-size lightning-formatted-number') as HTMLElement & {
            value: number;
            formatStyle: string;
        };
        expect(amount.value).toBe(120000);
        expect(amount.formatStyle).toBe('currency');
        const reasons = Array.from(root(element).querySelectorAll('.reasons li')).map((li) => li.textContent);
        // Every reason of the engine, each through its label (placeholders filled where the label has them).
        expect(reasons).toHaveLength(ranked('Cyber Security Assessment').reasons.length);
        expect(reasons).toEqual(
            expect.arrayContaining([
                'c.Crossway_Reason_PeerAdoption',
                'Fits Banking (a target industry)',
                'Typical deal 120k'
            ])
        );
        // The rep has worked this offering before: no "new to you" marker.
        expect(root(element).querySelector('.new-to-you')).toBeNull();
        const list = root(element).querySelector('c-specialist-list') as HTMLElement & Record<string, any>;
        expect(list.specialists).toHaveLength(2);
        expect(list.today).toBe('2026-11-23');
        await expect(element).toBeAccessible();
    });

    it('marks an offering the rep has never worked as new and emphasises learning it', async () => {
        const element = render(ranked('Cloud Migration'));
        await tick();
        expect(root(element).querySelector('.new-to-you')).not.toBeNull();
        expect(button(element, 'learn').className).toContain('slds-button_outline-brand');
        await expect(element).toBeAccessible();
    });

    it('says "not set" for a missing business unit and deal size', async () => {
        const cloud = ranked('Cloud Migration');
        const element = render({
            ...cloud,
            offering: { ...cloud.offering, businessUnit: null, typicalDealSize: null }
        });
        await tick();
        expect(root(element).querySelector('.business-unit')!.textContent).toBe('c.Crossway_Offering_NotSet');
        expect(root(element).querySelector('.deal-size')!.textContent).toBe('c.Crossway_Offering_NotSet');
        expect(root(element).querySelector('.deal-size lightning-formatted-number')).toBeNull();
    });

    it('opens and closes the log form inline, announcing the state', async () => {
        const element = render(ranked('Cloud Migration'));
        await tick();
        expect(button(element, 'log').getAttribute('aria-expanded')).toBe('false');
        button(element, 'log').click();
        await tick();
        const form = root(element).querySelector('c-log-attempt-form') as HTMLElement & Record<string, any>;
        expect(form).not.toBeNull();
        expect(form.accountId).toBe(ACCOUNT_ID);
        expect(form.offering.name).toBe('Cloud Migration');
        expect(form.specialists).toHaveLength(2);
        expect(form.today).toBe('2026-11-23');
        expect(button(element, 'log').getAttribute('aria-expanded')).toBe('true');
        await expect(element).toBeAccessible();

        button(element, 'log').click();
        await tick();
        expect(root(element).querySelector('c-log-attempt-form')).toBeNull();

        button(element, 'log').click();
        await tick();
        root(element).querySelector('c-log-attempt-form')!.dispatchEvent(new CustomEvent('cancel'));
        await tick();
        expect(root(element).querySelector('c-log-attempt-form')).toBeNull();
        expect(root(element).activeElement).toBe(button(element, 'log'));
    });

    it('opens the dismiss form, which replaces the log form, and closes it on cancel', async () => {
        const element = render(ranked('Cloud Migration'));
        await tick();
        button(element, 'log').click();
        await tick();
        button(element, 'dismiss').click();
        await tick();
        expect(root(element).querySelector('c-log-attempt-form')).toBeNull();
        const form = root(element).querySelector('c-dismiss-form') as HTMLElement & Record<string, any>;
        expect(form.offering.id).toBe('a01Hs00000CloudAAA');
        expect(button(element, 'dismiss').getAttribute('aria-expanded')).toBe('true');
        await expect(element).toBeAccessible();

        form.dispatchEvent(new CustomEvent('cancel'));
        await tick();
        expect(root(element).querySelector('c-dismiss-form')).toBeNull();
        expect(button(element, 'dismiss').getAttribute('aria-expanded')).toBe('false');
        expect(root(element).activeElement).toBe(button(element, 'dismiss'));

        button(element, 'dismiss').click();
        await tick();
        button(element, 'dismiss').click();
        await tick();
        expect(root(element).querySelector('c-dismiss-form')).toBeNull();
    });

    it('passes a touchpoint logged in the specialist list up to the panel', async () => {
        const element = render(ranked('Cloud Migration'));
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await tick();
        const detail = { connectionId: 'a05Hs00000Con03AAA', specialistId: 'a02Hs00000SpCarAAA', action: 'connected' };
        root(element).querySelector('c-specialist-list')!.dispatchEvent(new CustomEvent('saved', { detail }));
        expect(saved.mock.calls[0][0].detail).toEqual(detail);
    });

    it('renders an empty card without an offering instead of failing', async () => {
        const element = render(undefined);
        await tick();
        expect(root(element).querySelector('h3.name')!.textContent).toBe('');
        expect(root(element).querySelectorAll('.reasons li')).toHaveLength(0);
        expect(
            (root(element).querySelector('c-specialist-list') as HTMLElement & { specialists: unknown[] }).specialists
        ).toEqual([]);
        button(element, 'learn').click();
        await tick();
        expect(
            (root(element).querySelector('c-learn-card') as HTMLElement & { topSellers: unknown[] }).topSellers
        ).toEqual([]);
    });

    it('toggles the learn card with the offering and who has sold it', async () => {
        const element = render(ranked('Cloud Migration'));
        await tick();
        button(element, 'learn').click();
        await tick();
        const learn = root(element).querySelector('c-learn-card') as HTMLElement & Record<string, any>;
        expect(learn.offering.name).toBe('Cloud Migration');
        expect(learn.topSellers.map((seller: { name: string }) => seller.name)).toEqual(['Carla Mendes']);
        expect(button(element, 'learn').getAttribute('aria-expanded')).toBe('true');
        expect(button(element, 'learn').textContent!.trim()).toBe('c.Crossway_Offering_HideLearn');
        await expect(element).toBeAccessible();

        button(element, 'learn').click();
        await tick();
        expect(root(element).querySelector('c-learn-card')).toBeNull();
        expect(button(element, 'learn').textContent!.trim()).toBe('c.Crossway_Offering_Learn');
    });

    it('closes the form and passes a saved write up to the panel', async () => {
        const element = render(ranked('Cloud Migration'));
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await tick();
        button(element, 'dismiss').click();
        await tick();
        const detail = { attemptId: 'a04Hs00000Att11AAA', offeringId: 'a01Hs00000CloudAAA', action: 'dismissed' };
        root(element).querySelector('c-dismiss-form')!.dispatchEvent(new CustomEvent('saved', { detail }));
        await tick();
        expect(saved).toHaveBeenCalledTimes(1);
        expect(saved.mock.calls[0][0].detail).toEqual(detail);
        expect(root(element).querySelector('c-dismiss-form')).toBeNull();
    });
});
