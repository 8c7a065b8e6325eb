import { createElement } from 'lwc';
import SpecialistList from 'c/specialistList';
import { rankPanel } from 'c/crossSellEngine';

jest.mock('@salesforce/label/c.Crossway_Specialists_MoreReasons', () => ({ default: 'Show {0} more reasons' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Crossway_Reason_WinRecord', () => ({ default: 'Won {0} of {1} closed attempts' }), {
    virtual: true
});

import { mockGenerateUrl, mockNavigate } from '../../../../../test/jest-mocks/lightning/navigation';

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');

function specialistsFor(name: string) {
    const ranking = rankPanel(JSON.parse(JSON.stringify(PANEL_DATA)));
    return ranking.offerings.find((ranked) => ranked.offering.name === name)!.specialists;
}

function render(specialists: unknown): HTMLElement {
    const element = createElement('c-specialist-list', { is: SpecialistList });
    Object.assign(element, { specialists });
    document.body.appendChild(element);
    return element;
}

function items(element: HTMLElement): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll('li.specialist'));
}

describe('c-specialist-list', () => {
    beforeEach(() => {
        mockGenerateUrl.mockImplementation((ref: { attributes: { recordId: string } }) =>
            Promise.resolve(`/lightning/r/Specialist__c/${ref.attributes.recordId}/view?from=platform`)
        );
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it("links each name to the specialist's record, with the platform's URL once generated", async () => {
        const [anna] = specialistsFor('Cyber Security Assessment');
        const element = render([anna]);
        const link = (): HTMLAnchorElement => items(element)[0].querySelector('a.name') as HTMLAnchorElement;
        expect(link().getAttribute('href')).toBe(`/lightning/r/Specialist__c/${anna.specialist.id}/view`);
        await Promise.resolve();
        await Promise.resolve();
        expect(mockGenerateUrl).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: anna.specialist.id, objectApiName: 'Specialist__c', actionName: 'view' }
        });
        expect(link().getAttribute('href')).toBe(`/lightning/r/Specialist__c/${anna.specialist.id}/view?from=platform`);
        expect(mockGenerateUrl).toHaveBeenCalledTimes(1);
        link().click();
        expect(mockNavigate).toHaveBeenCalledWith(mockGenerateUrl.mock.calls[0][0]);
        await expect(element).toBeAccessible();
    });

    it('keeps a working link when the platform cannot generate the URL', async () => {
        mockGenerateUrl.mockImplementation(() => Promise.reject(new Error('no URL here')));
        const [anna] = specialistsFor('Cyber Security Assessment');
        const element = render([anna]);
        await Promise.resolve();
        await Promise.resolve();
        const link = items(element)[0].querySelector('a.name') as HTMLAnchorElement;
        expect(link.getAttribute('href')).toBe(`/lightning/r/Specialist__c/${anna.specialist.id}/view`);
        link.click();
        expect(mockNavigate).toHaveBeenCalledTimes(1);
    });

    it('lists the ranked specialists with level, reasons and email', async () => {
        const element = render(specialistsFor('Cyber Security Assessment'));
        await Promise.resolve();
        const [anna, dev] = items(element);
        expect(anna.querySelector('.name')!.textContent).toBe('Anna Keller');
        expect(anna.querySelector('.subtitle')!.textContent).toBe('Director, Cyber Advisory · Risk Advisory');
        expect((anna.querySelector('lightning-badge') as HTMLElement & { label: string }).label).toBe(
            'c.Crossway_Level_Lead'
        );
        (anna.querySelector('button.more-reasons') as HTMLButtonElement).click();
        await Promise.resolve();
        const reasons = Array.from(anna.querySelectorAll('.reasons li')).map((li) => li.textContent);
        expect(reasons).toContain('Won 9 of 12 closed attempts');
        expect(reasons).toContain('c.Crossway_Reason_KnowsAccount');
        const email = anna.querySelector('a.email') as HTMLAnchorElement;
        expect(email.getAttribute('href')).toBe('mailto:anna.keller@example.com');
        expect(email.textContent).toBe('anna.keller@example.com');
        expect(anna.querySelector('.unavailable')).toBeNull();
        // Dev Patel is at capacity: still listed, marked unavailable, after Anna.
        expect(dev.querySelector('.name')!.textContent).toBe('Dev Patel');
        expect(dev.querySelector('.unavailable')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the strongest reasons first and the rest on request', async () => {
        const [anna] = specialistsFor('Cyber Security Assessment');
        expect(anna.reasons.length).toBeGreaterThan(3);
        const element = render([anna]);
        await Promise.resolve();
        const reasons = (): number => items(element)[0].querySelectorAll('.reasons li').length;
        const toggle = (): HTMLButtonElement => items(element)[0].querySelector('button.more-reasons')!;
        expect(reasons()).toBe(3);
        expect(toggle().getAttribute('aria-expanded')).toBe('false');
        expect(toggle().textContent!.trim()).toBe(`Show ${anna.reasons.length - 3} more reasons`);
        toggle().click();
        await Promise.resolve();
        expect(reasons()).toBe(anna.reasons.length);
        expect(toggle().getAttribute('aria-expanded')).toBe('true');
        expect(toggle().textContent!.trim()).toBe('c.Crossway_Specialists_FewerReasons');
        await expect(element).toBeAccessible();
        toggle().click();
        await Promise.resolve();
        expect(reasons()).toBe(3);
    });

    it('offers no toggle when every reason fits', async () => {
        const [anna] = specialistsFor('Cyber Security Assessment');
        const element = render([{ ...anna, reasons: anna.reasons.slice(0, 2) }]);
        await Promise.resolve();
        expect(items(element)[0].querySelectorAll('.reasons li')).toHaveLength(2);
        expect(items(element)[0].querySelector('button.more-reasons')).toBeNull();
    });

    it('opens a touchpoint form for a colleague and passes a logged touchpoint up', async () => {
        const element = render(specialistsFor('Cloud Migration'));
        Object.assign(element, { today: '2026-11-23' });
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await Promise.resolve();
        const [carla] = items(element);
        const open = carla.querySelector('button.connect') as HTMLButtonElement;
        expect(open.getAttribute('aria-expanded')).toBe('false');
        open.click();
        await Promise.resolve();
        const form = carla.querySelector('c-connection-form') as HTMLElement & Record<string, any>;
        expect(form.specialist.name).toBe('Carla Mendes');
        expect(form.today).toBe('2026-11-23');
        expect(open.getAttribute('aria-expanded')).toBe('true');
        // Only one form at a time.
        expect(element.shadowRoot!.querySelectorAll('c-connection-form')).toHaveLength(1);
        await expect(element).toBeAccessible();

        const detail = { connectionId: 'a05Hs00000Con02AAA', specialistId: 'a02Hs00000SpCarAAA', action: 'connected' };
        form.dispatchEvent(new CustomEvent('saved', { detail }));
        await Promise.resolve();
        expect(saved.mock.calls[0][0].detail).toEqual(detail);
        expect(element.shadowRoot!.querySelector('c-connection-form')).toBeNull();
    });

    it('closes the touchpoint form on cancel and returns focus to its button', async () => {
        const element = render(specialistsFor('Cloud Migration'));
        await Promise.resolve();
        const open = items(element)[1].querySelector('button.connect') as HTMLButtonElement;
        open.click();
        await Promise.resolve();
        items(element)[1].querySelector('c-connection-form')!.dispatchEvent(new CustomEvent('cancel'));
        await Promise.resolve();
        expect(element.shadowRoot!.querySelector('c-connection-form')).toBeNull();
        expect(element.shadowRoot!.activeElement).toBe(open);
        open.click();
        await Promise.resolve();
        open.click();
        await Promise.resolve();
        expect(element.shadowRoot!.querySelector('c-connection-form')).toBeNull();
    });

    it('offers no touchpoint with an inactive colleague', async () => {
        const [anna] = specialistsFor('Cyber Security Assessment');
        const element = render([{ ...anna, available: false, specialist: { ...anna.specialist, active: false } }]);
        await Promise.resolve();
        expect(items(element)[0].querySelector('button.connect')).toBeNull();
    });

    it('includes specialists without a Salesforce user and says so', async () => {
        const element = render(specialistsFor('Cloud Migration'));
        await Promise.resolve();
        const [carla, ella] = items(element);
        expect(carla.querySelector('.name')!.textContent).toBe('Carla Mendes');
        expect(carla.querySelector('.no-user')).not.toBeNull();
        expect(carla.querySelector('a.email')!.getAttribute('href')).toBe('mailto:carla.mendes@merged.example.com');
        expect(ella.querySelector('.no-user')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says when no colleague has expertise on the offering', async () => {
        const element = render([]);
        await Promise.resolve();
        expect(items(element)).toHaveLength(0);
        expect(items(render(null))).toHaveLength(0);
        expect(element.shadowRoot!.querySelector('.none')!.textContent).toBe('c.Crossway_Specialists_None');
        await expect(element).toBeAccessible();
    });

    it('leaves out an email link and subtitle the specialist does not have', async () => {
        const [anna] = specialistsFor('Cyber Security Assessment');
        const bare = { ...anna, specialist: { ...anna.specialist, email: null, title: null, businessUnit: null } };
        const element = render([bare]);
        await Promise.resolve();
        const [item] = items(element);
        expect(item.querySelector('a.email')).toBeNull();
        expect(item.querySelector('.subtitle')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
