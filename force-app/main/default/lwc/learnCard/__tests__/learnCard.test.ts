import { createElement } from 'lwc';
import LearnCard from 'c/learnCard';

jest.mock('@salesforce/label/c.Crossway_Learn_Heading', () => ({ default: 'Learn about {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Learn_SellerWins', () => ({ default: '{0}: {1} won' }), { virtual: true });

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');

function offering(name: string) {
    return PANEL_DATA.offerings.find((candidate: { name: string }) => candidate.name === name);
}

function sellers(offeringId: string) {
    return PANEL_DATA.topSellers.filter((seller: { offeringId: string }) => seller.offeringId === offeringId);
}

function render(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-learn-card', { is: LearnCard });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

const text = (element: HTMLElement, selector: string): string[] =>
    Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) => node.textContent!.trim());

describe('c-learn-card', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('teaches the offering: summary, value proposition, discovery questions and who has sold it', async () => {
        const cyber = offering('Cyber Security Assessment');
        const element = render({ offering: cyber, topSellers: sellers(cyber.id) });
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('section')!.getAttribute('aria-label')).toBe('Learn about Cyber Security Assessment');
        expect(text(element, '.summary')).toEqual(['Outside-in assessment of the security posture.']);
        expect(text(element, '.value-proposition')[0]).toMatch(/^Find the gaps an attacker would find/);
        expect(text(element, '.questions li')).toEqual([
            'When did you last run a penetration test?',
            'Who owns security risk at board level?',
            'Which regulators audit you?'
        ]);
        expect(text(element, '.sellers li')).toEqual(['Anna Keller: 9 won', 'Sam Becker: 4 won']);
        // Only sellers who are specialists carry the badge.
        expect(root.querySelectorAll('.sellers li lightning-badge')).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('strips list markers from questions written as bullets or numbers', async () => {
        const element = render({
            offering: { ...offering('Cloud Migration'), discoveryQuestions: '- First?\r\n2) Second?\n\n• Third?' },
            topSellers: []
        });
        await Promise.resolve();
        expect(text(element, '.questions li')).toEqual(['First?', 'Second?', 'Third?']);
    });

    it('renders its empty texts without an offering or sellers', async () => {
        const element = render({ offering: undefined, topSellers: null });
        await Promise.resolve();
        expect(text(element, '.summary')).toEqual([]);
        expect(text(element, '.questions')).toEqual(['c.Crossway_Learn_NoQuestions']);
        expect(text(element, '.sellers')).toEqual(['c.Crossway_Learn_NoSellers']);
    });

    it('says what has not been written yet instead of showing blanks', async () => {
        const element = render({ offering: offering('Payments Platform'), topSellers: [] });
        await Promise.resolve();
        expect(text(element, '.value-proposition')).toEqual(['c.Crossway_Learn_NoValueProposition']);
        expect(text(element, '.questions')).toEqual(['c.Crossway_Learn_NoQuestions']);
        expect(text(element, '.sellers')).toEqual(['c.Crossway_Learn_NoSellers']);
        await expect(element).toBeAccessible();
    });
});
