import { createElement } from 'lwc';
import ConnectionForm from 'c/connectionForm';
import logConnection from '@salesforce/apex/CrossSellController.logConnection';

jest.mock('@salesforce/apex/CrossSellController.logConnection', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Connection_Heading', () => ({ default: 'Log a touchpoint with {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Crossway_Connection_SuccessMessage', () => ({ default: 'Shared history with {0}.' }), {
    virtual: true
});

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');
const mockLogConnection = logConnection as unknown as jest.Mock;
const CARLA = PANEL_DATA.specialists.find((specialist: { name: string }) => specialist.name === 'Carla Mendes');

// A macrotask lets the Apex promise and the re-render settle (tests only).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Field = HTMLElement & Record<string, any>;

function render(specialist: unknown = CARLA): HTMLElement {
    const element = createElement('c-connection-form', { is: ConnectionForm });
    Object.assign(element, { specialist, today: '2026-11-23' });
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

describe('c-connection-form', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the touchpoint types and defaults the date to today', async () => {
        const element = render();
        await flush();
        expect(element.shadowRoot!.querySelector('form')!.getAttribute('aria-label')).toBe(
            'Log a touchpoint with Carla Mendes'
        );
        expect(field(element, 'type').options.map((option: { value: string }) => option.value)).toEqual([
            'Intro call',
            'Shadowing',
            'Knowledge session'
        ]);
        expect(field(element, 'date').value).toBe('2026-11-23');
        expect(field(element, 'date').max).toBe('2026-11-23');
        await expect(element).toBeAccessible();
    });

    it('logs the touchpoint, toasts and announces it', async () => {
        mockLogConnection.mockResolvedValue('a05Hs00000Con01AAA');
        const element = render();
        const toast = jest.fn();
        const saved = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        element.addEventListener('saved', saved);
        await flush();
        change(element, 'type', 'Shadowing');
        change(element, 'date', '2026-11-20');
        change(element, 'notes', ' Joined her client workshop ');
        await submit(element);
        expect(mockLogConnection).toHaveBeenCalledWith({
            specialistId: 'a02Hs00000SpCarAAA',
            connectionType: 'Shadowing',
            connectionDate: '2026-11-20',
            notes: 'Joined her client workshop'
        });
        expect(toast.mock.calls[0][0].detail).toEqual(
            expect.objectContaining({ message: 'Shared history with Carla Mendes.', variant: 'success' })
        );
        expect(saved.mock.calls[0][0].detail).toEqual({
            connectionId: 'a05Hs00000Con01AAA',
            specialistId: 'a02Hs00000SpCarAAA',
            action: 'connected'
        });
    });

    it.each([
        ['no type', {}, ['c.Crossway_Form_ConnectionTypeNeeded']],
        ['no date', { type: 'Intro call', date: '' }, ['c.Crossway_Form_ConnectionDateNeeded']],
        ['a future date', { type: 'Intro call', date: '2026-12-01' }, ['c.Crossway_Form_ConnectionDateFuture']],
        ['notes that are too long', { type: 'Intro call', notes: 'n'.repeat(1001) }, ['c.Crossway_Form_NotesTooLong']]
    ])('refuses %s', async (_case, values, messages) => {
        const element = render();
        await flush();
        for (const [name, value] of Object.entries(values)) change(element, name, value as string);
        await submit(element);
        expect(mockLogConnection).not.toHaveBeenCalled();
        expect((element.shadowRoot!.querySelector('c-error-panel.invalid') as Field).errors).toEqual(messages);
        await expect(element).toBeAccessible();
    });

    it('shows the server error and stays open', async () => {
        mockLogConnection.mockRejectedValue({ body: { message: 'This colleague is no longer active.' } });
        const element = render();
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await flush();
        change(element, 'type', 'Knowledge session');
        await submit(element);
        const panel = element.shadowRoot!.querySelector('c-error-panel.server-error') as Field;
        expect(panel.errors.body.message).toBe('This colleague is no longer active.');
        expect(mockLogConnection).toHaveBeenCalledWith(expect.objectContaining({ notes: null }));
        expect(saved).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('does nothing without a specialist and announces cancel', async () => {
        const element = render(undefined);
        const cancel = jest.fn();
        element.addEventListener('cancel', cancel);
        await flush();
        await submit(element);
        expect(mockLogConnection).not.toHaveBeenCalled();
        (element.shadowRoot!.querySelector('button.cancel') as HTMLButtonElement).click();
        expect(cancel).toHaveBeenCalledTimes(1);
    });
});
