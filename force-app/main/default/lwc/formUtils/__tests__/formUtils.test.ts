import { formLabels, submitForm, type FormHost, type FormSave } from 'c/formUtils';

/** A form as submitForm sees it: its state, a template with two validated inputs and one plain one. */
function form(): FormHost & { sent: CustomEvent[]; fields: { reportValidity: jest.Mock }[] } {
    const template = document.createElement('div');
    const fields = [0, 1].map(() => {
        const field = Object.assign(document.createElement('div'), { reportValidity: jest.fn(() => true) });
        field.className = 'field';
        template.appendChild(field);
        return field;
    });
    const plain = document.createElement('div');
    plain.className = 'field';
    template.appendChild(plain);
    const sent: CustomEvent[] = [];
    return {
        saving: false,
        errors: { body: { message: 'The last save failed.' } },
        invalid: [],
        template,
        fields,
        sent,
        dispatchEvent(event: Event): boolean {
            sent.push(event as CustomEvent);
            return true;
        }
    };
}

function submission(changes: Partial<FormSave<string>> = {}): FormSave<string> {
    return {
        validate: jest.fn(() => []),
        save: jest.fn(() => Promise.resolve('a04Hs00000Att12AAA')),
        toast: () => ({ title: 'Saved', message: 'You are now working Cloud Migration.' }),
        saved: (id: string) => ({ attemptId: id, action: 'logged' }),
        ...changes
    };
}

const submitEvent = (): Event => new CustomEvent('submit', { cancelable: true });

describe('c/formUtils formLabels', () => {
    it('gives a form its own Save and error labels with the shared Cancel, spinner and input problem labels', () => {
        expect(formLabels('Log attempt', 'Could not log the attempt.')).toEqual({
            save: 'Log attempt',
            cancel: 'c.Crossway_Action_Cancel',
            saving: 'c.Crossway_Action_Saving',
            saveError: 'Could not log the attempt.',
            invalid: 'c.Crossway_Form_Invalid'
        });
    });
});

describe('c/formUtils submitForm', () => {
    it('saves, toasts, then announces the result, showing the spinner only while it saves', async () => {
        const host = form();
        const event = submitEvent();
        const order: string[] = [];
        let savingDuringSave: boolean | undefined;
        const save = submission({
            save: () => {
                savingDuringSave = host.saving;
                order.push('save');
                return Promise.resolve('a04Hs00000Att12AAA');
            },
            saved: (id) => {
                order.push(`saved ${host.sent.length} sent`);
                return { attemptId: id, action: 'logged' };
            }
        });
        await submitForm(host, event, save);

        expect(event.defaultPrevented).toBe(true);
        expect(savingDuringSave).toBe(true);
        expect(host.saving).toBe(false);
        expect(host.errors).toBeUndefined();
        expect(host.invalid).toEqual([]);
        host.fields.forEach((field) => expect(field.reportValidity).toHaveBeenCalledTimes(1));
        expect(order).toEqual(['save', 'saved 1 sent']);
        expect(host.sent.map((sent) => [sent.type, sent.detail])).toEqual([
            [
                'lightning__showtoast',
                { title: 'Saved', message: 'You are now working Cloud Migration.', variant: 'success' }
            ],
            ['saved', { attemptId: 'a04Hs00000Att12AAA', action: 'logged' }]
        ]);
    });

    it('lists the input problems, lets every field show its own and does not save', async () => {
        const host = form();
        const save = submission({ validate: () => ['Choose a reason.', 'Notes are too long.'] });
        await submitForm(host, submitEvent(), save);

        expect(host.invalid).toEqual(['Choose a reason.', 'Notes are too long.']);
        expect(host.errors).toBeUndefined();
        host.fields.forEach((field) => expect(field.reportValidity).toHaveBeenCalledTimes(1));
        expect(save.save).not.toHaveBeenCalled();
        expect(host.saving).toBe(false);
        expect(host.sent).toEqual([]);
    });

    it('keeps a failed save for the error panel, sends nothing and lets the rep try again', async () => {
        const host = form();
        const failure = { body: { message: 'An open attempt on this offering already exists.' } };
        await submitForm(host, submitEvent(), submission({ save: () => Promise.reject(failure) }));

        expect(host.errors).toBe(failure);
        expect(host.saving).toBe(false);
        expect(host.sent).toEqual([]);
    });

    it('takes a mistake in the success step for a failure too', async () => {
        const host = form();
        const mistake = new TypeError('offering is undefined');
        const save = submission({
            toast: () => {
                throw mistake;
            }
        });
        await submitForm(host, submitEvent(), save);

        expect(host.errors).toBe(mistake);
        expect(host.saving).toBe(false);
        expect(host.sent).toEqual([]);
    });

    it('does nothing but stop the browser submit while a save is under way or an input it needs is missing', async () => {
        const busy = form();
        busy.saving = true;
        const save = submission();
        const event = submitEvent();
        await submitForm(busy, event, save);
        expect(event.defaultPrevented).toBe(true);
        expect(save.validate).not.toHaveBeenCalled();
        expect(busy.saving).toBe(true);
        expect(busy.errors).toEqual({ body: { message: 'The last save failed.' } });

        const incomplete = form();
        await submitForm(incomplete, submitEvent(), undefined);
        expect(incomplete.errors).toEqual({ body: { message: 'The last save failed.' } });
        incomplete.fields.forEach((field) => expect(field.reportValidity).not.toHaveBeenCalled());
        expect(incomplete.sent).toEqual([]);
    });

    it('saves a form whose template is not rendered', async () => {
        const host = { ...form(), template: null };
        const save = submission();
        await submitForm(host, submitEvent(), save);
        expect(save.save).toHaveBeenCalledTimes(1);
        expect(host.sent.map((sent) => sent.type)).toEqual(['lightning__showtoast', 'saved']);
    });
});
