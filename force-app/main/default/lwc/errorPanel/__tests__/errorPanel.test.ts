import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

function render(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the generic heading and every server message as an alert', async () => {
        const element = render({
            errors: [{ body: { message: 'Choose a reason.' } }, { body: [{ message: 'Row locked.' }] }]
        });
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('[role="alert"]')).not.toBeNull();
        expect(root.querySelector('.heading')!.textContent).toBe('c.Crossway_Error_Generic');
        const items = Array.from(root.querySelectorAll('.messages li')).map((li) => li.textContent);
        expect(items).toEqual(['Choose a reason.', 'Row locked.']);
        await expect(element).toBeAccessible();
    });

    it('uses the friendly message and omits the list when no message is readable', async () => {
        const element = render({ errors: { status: 500 }, friendlyMessage: 'Could not load suggestions.' });
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('.heading')!.textContent).toBe('Could not load suggestions.');
        expect(root.querySelector('.messages')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
