import { createElement } from 'lwc';
import AttemptList from 'c/attemptList';

jest.mock('@salesforce/label/c.Crossway_Attempts_Heading', () => ({ default: 'Open attempts ({0})' }), {
    virtual: true
});

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');

function render(attempts: unknown[]): HTMLElement {
    const element = createElement('c-attempt-list', { is: AttemptList });
    Object.assign(element, { attempts, today: '2026-11-23' });
    document.body.appendChild(element);
    return element;
}

const items = (element: HTMLElement): (HTMLElement & Record<string, any>)[] =>
    Array.from(element.shadowRoot!.querySelectorAll('c-attempt-item'));

describe('c-attempt-list', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('lists the open attempts, soonest next step first, and leaves out closed ones', async () => {
        const undated = { ...PANEL_DATA.attempts[0], id: 'a04Hs00000Att20AAA', nextStepDate: null };
        const element = render([...PANEL_DATA.attempts, undated]);
        await Promise.resolve();
        expect(element.shadowRoot!.querySelector('h3')!.textContent).toBe('Open attempts (3)');
        expect(items(element).map((item) => item.attempt.id)).toEqual([
            'a04Hs00000Att02AAA',
            'a04Hs00000Att01AAA',
            'a04Hs00000Att20AAA'
        ]);
        expect(items(element)[0].today).toBe('2026-11-23');
        await expect(element).toBeAccessible();
    });

    it('says when there is no open attempt', async () => {
        const element = render([PANEL_DATA.attempts[2]]);
        await Promise.resolve();
        expect(items(element)).toHaveLength(0);
        expect(items(render(null as unknown as unknown[]))).toHaveLength(0);
        expect(element.shadowRoot!.querySelector('.empty')!.textContent).toBe('c.Crossway_Attempts_Empty');
        await expect(element).toBeAccessible();
    });

    it('passes a saved update up to the panel', async () => {
        const element = render(PANEL_DATA.attempts);
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await Promise.resolve();
        const detail = { attemptId: 'a04Hs00000Att01AAA', offeringId: 'a01Hs00000WealtAAA', action: 'updated' };
        items(element)[0].dispatchEvent(new CustomEvent('saved', { detail }));
        expect(saved.mock.calls[0][0].detail).toEqual(detail);
    });
});
