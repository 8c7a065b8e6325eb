import ConnectionForm from 'c/connectionForm';
import logConnection from '@salesforce/apex/CrossSellController.logConnection';
import {
    change,
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

jest.mock('@salesforce/apex/CrossSellController.logConnection', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Crossway_Connection_Heading', () => ({ default: 'Log a touchpoint with {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Crossway_Connection_SuccessMessage', () => ({ default: 'Shared history with {0}.' }), {
    virtual: true
});

const mockLogConnection = logConnection as unknown as jest.Mock;
const CARLA = panelData().specialists.find((specialist: { name: string }) => specialist.name === 'Carla Mendes');

function render(specialist: unknown = CARLA): HTMLElement {
    return mount('c-connection-form', ConnectionForm, { specialist, today: '2026-11-23' });
}

describe('c-connection-form', () => {
    afterEach(cleanUp);

    it('offers the touchpoint types and defaults the date to today', async () => {
        const element = render();
        await flush();
        expect(q(element, 'form').getAttribute('aria-label')).toBe('Log a touchpoint with Carla Mendes');
        expect(q(element, '.type').options.map((option: { value: string }) => option.value)).toEqual([
            'Intro call',
            'Shadowing',
            'Knowledge session'
        ]);
        expect(q(element, '.date').value).toBe('2026-11-23');
        expect(q(element, '.date').max).toBe('2026-11-23');
        await expect(element).toBeAccessible();
    });

    it('logs the touchpoint, toasts and announces it', async () => {
        mockLogConnection.mockResolvedValue('a05Hs00000Con01AAA');
        const element = render();
        const sent = listen(element);
        await flush();
        fill(element, { '.type': 'Shadowing', '.date': '2026-11-20', '.notes': ' Joined her client workshop ' });
        await submit(element);
        expect(mockLogConnection).toHaveBeenCalledWith({
            specialistId: 'a02Hs00000SpCarAAA',
            connectionType: 'Shadowing',
            connectionDate: '2026-11-20',
            notes: 'Joined her client workshop'
        });
        expect(sent.toasts).toEqual([
            expect.objectContaining({ message: 'Shared history with Carla Mendes.', variant: 'success' })
        ]);
        expect(sent.saved).toEqual([
            { connectionId: 'a05Hs00000Con01AAA', specialistId: 'a02Hs00000SpCarAAA', action: 'connected' }
        ]);
    });

    it.each([
        ['no type', {}, ['c.Crossway_Form_ConnectionTypeNeeded']],
        ['no date', { '.type': 'Intro call', '.date': '' }, ['c.Crossway_Form_ConnectionDateNeeded']],
        ['a future date', { '.type': 'Intro call', '.date': '2026-12-01' }, ['c.Crossway_Form_ConnectionDateFuture']],
        [
            'notes that are too long',
            { '.type': 'Intro call', '.notes': 'n'.repeat(1001) },
            ['c.Crossway_Form_NotesTooLong']
        ]
    ])('refuses %s', async (_case, values, messages) => {
        const element = render();
        await flush();
        fill(element, values);
        await submit(element);
        expect(mockLogConnection).not.toHaveBeenCalled();
        expect(inputProblems(element).errors).toEqual(messages);
        await expect(element).toBeAccessible();
    });

    it('shows the server error and stays open', async () => {
        mockLogConnection.mockRejectedValue({ body: { message: 'This colleague is no longer active.' } });
        const element = render();
        const sent = listen(element);
        await flush();
        change(element, '.type', 'Knowledge session');
        await submit(element);
        expect(serverError(element).errors.body.message).toBe('This colleague is no longer active.');
        expect(mockLogConnection).toHaveBeenCalledWith(expect.objectContaining({ notes: null }));
        expect(sent.saved).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('does nothing without a specialist and announces cancel', async () => {
        const element = render(null);
        const sent = listen(element);
        await flush();
        await submit(element);
        expect(mockLogConnection).not.toHaveBeenCalled();
        q(element, 'button.cancel').click();
        expect(sent.cancel).toHaveLength(1);
    });
});
