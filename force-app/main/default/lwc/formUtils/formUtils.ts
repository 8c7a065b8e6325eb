/**
 * The one save flow of the panel's forms (log an attempt, dismiss, log a touchpoint, update an attempt): check
 * the rep's input, call Apex, show a failure through the form's error panel (`c-error-panel`, which reads it with
 * `reduceErrors`) or, on success, toast and announce `saved` to the parent.
 */
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CANCEL from '@salesforce/label/c.Crossway_Action_Cancel';
import SAVING from '@salesforce/label/c.Crossway_Action_Saving';
import INVALID from '@salesforce/label/c.Crossway_Form_Invalid';

/** What a form's template shows of a save: Save disabled and a spinner, the server error, the input problems. */
export interface FormState {
    saving: boolean;
    errors: unknown;
    invalid: string[];
}

/** An input the platform can validate (`lightning-input`, `-combobox`, `-textarea`, `-radio-group`). */
type ValidatedField = Element & { reportValidity?: () => boolean };

/** A form component: its save state, the `.field` inputs of its template and the events it sends. */
export interface FormHost extends FormState {
    readonly template: {
        querySelectorAll<E extends Element = Element>(selectors: string): NodeListOf<E>;
    } | null;
    dispatchEvent(event: Event): boolean;
}

/** One submit of a form, built once the inputs it needs are there (an account and offering, an attempt...). */
export interface FormSave<Result> {
    /** The rep's input problems, each a sentence; the save goes ahead only when there are none. */
    validate: () => string[];
    /** Calls Apex. */
    save: () => Promise<Result>;
    /** The success toast, once saved. */
    toast: () => { title: string; message: string };
    /** Once the toast is out: the `saved` event's detail (the form may tidy itself up first). */
    saved: (result: Result) => unknown;
}

/** The labels every form shows around its fields: Save, Cancel, the spinner, the input and server error panels. */
export function formLabels(
    save: string,
    saveError: string
): { save: string; cancel: string; saving: string; saveError: string; invalid: string } {
    return { save, cancel: CANCEL, saving: SAVING, saveError, invalid: INVALID };
}

/**
 * Handles a form's submit. Does nothing while a save is under way or without a submission (an input the form
 * needs is missing). Otherwise clears the last server error, lists the input problems and lets every `.field`
 * input show its own; with none, saves: on success toasts and dispatches `saved`, on failure keeps the error
 * for the error panel. The form stays as it is either way.
 */
export async function submitForm<Result>(
    host: FormHost,
    event: Event,
    submission: FormSave<Result> | undefined
): Promise<void> {
    event.preventDefault();
    if (host.saving || !submission) {
        return;
    }
    host.errors = undefined;
    host.invalid = submission.validate();
    host.template?.querySelectorAll<ValidatedField>('.field').forEach((field) => {
        field.reportValidity?.();
    });
    if (host.invalid.length > 0) {
        return;
    }
    host.saving = true;
    try {
        const result = await submission.save();
        const { title, message } = submission.toast();
        host.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
        host.dispatchEvent(new CustomEvent('saved', { detail: submission.saved(result) }));
    } catch (error) {
        host.errors = error;
    } finally {
        host.saving = false;
    }
}
