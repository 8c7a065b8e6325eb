import { LightningElement, api } from 'lwc';
import dismissOffering from '@salesforce/apex/CrossSellController.dismissOffering';
import type { DismissalReason, OfferingInfo } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import { formLabels, submitForm, type FormSave } from 'c/formUtils';
import HEADING from '@salesforce/label/c.Crossway_Dismiss_Heading';
import REASON from '@salesforce/label/c.Crossway_Dismiss_Reason';
import NOTES from '@salesforce/label/c.Crossway_Dismiss_Notes';
import SAVE from '@salesforce/label/c.Crossway_Dismiss_Save';
import SUCCESS_TITLE from '@salesforce/label/c.Crossway_Dismiss_SuccessTitle';
import SUCCESS_MESSAGE from '@salesforce/label/c.Crossway_Dismiss_SuccessMessage';
import SAVE_ERROR from '@salesforce/label/c.Crossway_Dismiss_Error';
import REASON_NEEDED from '@salesforce/label/c.Crossway_Form_ReasonNeeded';
import NOTES_NEEDED from '@salesforce/label/c.Crossway_Form_NotesNeeded';
import NOTES_TOO_LONG from '@salesforce/label/c.Crossway_Form_NotesTooLong';
import COMPETITOR from '@salesforce/label/c.Crossway_Outcome_AlreadyWithCompetitor';
import NOT_A_FIT from '@salesforce/label/c.Crossway_Outcome_NotAFit';
import BAD_TIMING from '@salesforce/label/c.Crossway_Outcome_BadTiming';
import OTHER from '@salesforce/label/c.Crossway_Outcome_Other';

/** Notes__c is a long text area; keep dismissal notes short enough to read in a report. */
export const NOTES_MAX = 1000;

/** The dismissal reasons (Outcome_Reason__c values), each with its label. */
export const DISMISSAL_REASONS: { label: string; value: DismissalReason }[] = [
    { label: COMPETITOR, value: 'Already with competitor' },
    { label: NOT_A_FIT, value: 'Not a fit' },
    { label: BAD_TIMING, value: 'Bad timing' },
    { label: OTHER, value: 'Other' }
];

/**
 * Dismisses a suggestion with a reason (and notes, required for "Other"). The server keeps it as a Not Pursued
 * attempt, which suppresses the offering for a while; the panel drops it from the list at once.
 */
export default class DismissForm extends LightningElement {
    @api accountId: string | undefined;
    @api offering: OfferingInfo | undefined;

    reason: DismissalReason | undefined;
    notes = '';
    saving = false;
    errors: unknown;
    invalid: string[] = [];

    reasonOptions = DISMISSAL_REASONS;
    notesMax = NOTES_MAX;

    labels = {
        reason: REASON,
        notes: NOTES,
        ...formLabels(SAVE, SAVE_ERROR)
    };

    get heading(): string {
        return formatLabel(HEADING, this.offering?.name);
    }

    get notesRequired(): boolean {
        return this.reason === 'Other';
    }

    get hasInvalid(): boolean {
        return this.invalid.length > 0;
    }

    handleReasonChange(event: CustomEvent<{ value: DismissalReason }>): void {
        this.reason = event.detail.value;
    }

    handleNotesChange(event: CustomEvent<{ value: string }>): void {
        this.notes = event.detail.value;
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    validate(): string[] {
        const problems: string[] = [];
        if (!this.reason) {
            problems.push(REASON_NEEDED);
        }
        const notes = this.notes.trim();
        if (this.reason === 'Other' && !notes) {
            problems.push(NOTES_NEEDED);
        }
        if (notes.length > NOTES_MAX) {
            problems.push(formatLabel(NOTES_TOO_LONG, NOTES_MAX));
        }
        return problems;
    }

    handleSubmit(event: Event): Promise<void> {
        return submitForm(this, event, this.submission());
    }

    /** What Save sends, once the form has an account and an offering. */
    private submission(): FormSave<string> | undefined {
        const { accountId, offering } = this;
        if (!accountId || !offering) {
            return undefined;
        }
        return {
            validate: () => this.validate(),
            save: () =>
                dismissOffering({
                    accountId,
                    offeringId: offering.id,
                    // validate() requires a reason
                    reason: this.reason as DismissalReason,
                    notes: this.notes.trim() || null
                }),
            toast: () => ({ title: SUCCESS_TITLE, message: formatLabel(SUCCESS_MESSAGE, offering.name) }),
            saved: (attemptId) => ({ attemptId, offeringId: offering.id, action: 'dismissed' })
        };
    }
}
