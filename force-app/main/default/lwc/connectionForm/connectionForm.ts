import { LightningElement, api } from 'lwc';
import logConnection from '@salesforce/apex/CrossSellController.logConnection';
import type { ConnectionType, SpecialistInfo } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import { formLabels, submitForm, type FormSave } from 'c/formUtils';
import HEADING from '@salesforce/label/c.Crossway_Connection_Heading';
import TYPE from '@salesforce/label/c.Crossway_Connection_Type';
import DATE from '@salesforce/label/c.Crossway_Connection_Date';
import NOTES from '@salesforce/label/c.Crossway_Dismiss_Notes';
import SAVE from '@salesforce/label/c.Crossway_Connection_Save';
import SUCCESS_TITLE from '@salesforce/label/c.Crossway_Connection_SuccessTitle';
import SUCCESS_MESSAGE from '@salesforce/label/c.Crossway_Connection_SuccessMessage';
import SAVE_ERROR from '@salesforce/label/c.Crossway_Connection_Error';
import TYPE_NEEDED from '@salesforce/label/c.Crossway_Form_ConnectionTypeNeeded';
import DATE_NEEDED from '@salesforce/label/c.Crossway_Form_ConnectionDateNeeded';
import DATE_FUTURE from '@salesforce/label/c.Crossway_Form_ConnectionDateFuture';
import NOTES_TOO_LONG from '@salesforce/label/c.Crossway_Form_NotesTooLong';
import INTRO_CALL from '@salesforce/label/c.Crossway_ConnectionType_IntroCall';
import SHADOWING from '@salesforce/label/c.Crossway_ConnectionType_Shadowing';
import KNOWLEDGE_SESSION from '@salesforce/label/c.Crossway_ConnectionType_KnowledgeSession';

const NOTES_MAX = 1000;

/** Colleague_Connection__c.Type__c values, each with its label. */
export const CONNECTION_TYPES: { label: string; value: ConnectionType }[] = [
    { label: INTRO_CALL, value: 'Intro call' },
    { label: SHADOWING, value: 'Shadowing' },
    { label: KNOWLEDGE_SESSION, value: 'Knowledge session' }
];

/**
 * Logs a touchpoint with a colleague outside any deal (an intro call, shadowing, a knowledge session). Such
 * ties are what makes a rep trust a colleague enough to introduce them, so they count in the ranking.
 */
export default class ConnectionForm extends LightningElement {
    @api specialist: SpecialistInfo | undefined;
    /** The server's today (`YYYY-MM-DD`): the default and latest date. */
    @api today: string | undefined;

    connectionType: ConnectionType | undefined;
    connectionDate: string | undefined;
    notes = '';
    saving = false;
    errors: unknown;
    invalid: string[] = [];

    typeOptions = CONNECTION_TYPES;
    notesMax = NOTES_MAX;

    labels = {
        type: TYPE,
        date: DATE,
        notes: NOTES,
        ...formLabels(SAVE, SAVE_ERROR)
    };

    override connectedCallback(): void {
        this.connectionDate = this.today;
    }

    get heading(): string {
        return formatLabel(HEADING, this.specialist?.name);
    }

    get hasInvalid(): boolean {
        return this.invalid.length > 0;
    }

    handleTypeChange(event: CustomEvent<{ value: ConnectionType }>): void {
        this.connectionType = event.detail.value;
    }

    handleDateChange(event: CustomEvent<{ value: string }>): void {
        this.connectionDate = event.detail.value || undefined;
    }

    handleNotesChange(event: CustomEvent<{ value: string }>): void {
        this.notes = event.detail.value;
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    validate(): string[] {
        const problems: string[] = [];
        if (!this.connectionType) problems.push(TYPE_NEEDED);
        if (!this.connectionDate) problems.push(DATE_NEEDED);
        else if (this.today && this.connectionDate > this.today) problems.push(DATE_FUTURE);
        if (this.notes.trim().length > NOTES_MAX) problems.push(formatLabel(NOTES_TOO_LONG, NOTES_MAX));
        return problems;
    }

    handleSubmit(event: Event): Promise<void> {
        return submitForm(this, event, this.submission());
    }

    /** What Save sends, once the form has a specialist. */
    private submission(): FormSave<string> | undefined {
        const specialist = this.specialist;
        if (!specialist) {
            return undefined;
        }
        return {
            validate: () => this.validate(),
            save: () =>
                logConnection({
                    specialistId: specialist.id,
                    // validate() requires a type and a date
                    connectionType: this.connectionType as ConnectionType,
                    connectionDate: this.connectionDate as string,
                    notes: this.notes.trim() || null
                }),
            toast: () => ({ title: SUCCESS_TITLE, message: formatLabel(SUCCESS_MESSAGE, specialist.name) }),
            saved: (connectionId) => ({ connectionId, specialistId: specialist.id, action: 'connected' })
        };
    }
}
