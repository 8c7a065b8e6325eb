import { LightningElement, api } from 'lwc';
import logAttempt from '@salesforce/apex/CrossSellController.logAttempt';
import type { OfferingInfo, RankedSpecialist } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import { formLabels, submitForm, type FormSave } from 'c/formUtils';
import HEADING from '@salesforce/label/c.Crossway_Log_Heading';
import SPECIALIST from '@salesforce/label/c.Crossway_Log_Specialist';
import NO_SPECIALIST from '@salesforce/label/c.Crossway_Log_NoSpecialist';
import SPECIALIST_OPTION from '@salesforce/label/c.Crossway_Log_SpecialistOption';
import VALUE from '@salesforce/label/c.Crossway_Log_EstimatedValue';
import NEXT_STEP from '@salesforce/label/c.Crossway_Log_NextStep';
import NEXT_STEP_DATE from '@salesforce/label/c.Crossway_Log_NextStepDate';
import SAVE from '@salesforce/label/c.Crossway_Log_Save';
import SUCCESS_TITLE from '@salesforce/label/c.Crossway_Log_SuccessTitle';
import SUCCESS_MESSAGE from '@salesforce/label/c.Crossway_Log_SuccessMessage';
import SAVE_ERROR from '@salesforce/label/c.Crossway_Log_Error';
import VALUE_INVALID from '@salesforce/label/c.Crossway_Form_ValueInvalid';
import DATE_PAST from '@salesforce/label/c.Crossway_Form_DatePast';
import STEP_TOO_LONG from '@salesforce/label/c.Crossway_Form_NextStepTooLong';
import STEP_NEEDED from '@salesforce/label/c.Crossway_Form_NextStepNeeded';

/** Next_Step__c is a Text(255). */
export const NEXT_STEP_MAX = 255;

interface Option {
    label: string;
    value: string;
}

/**
 * Logs a cross-sell attempt for one suggested offering: which colleague to involve, the estimated value, the
 * next step and its date. Validates before calling Apex, shows server errors through the error panel and,
 * on success, toasts and tells the panel (`saved`) to refresh.
 */
export default class LogAttemptForm extends LightningElement {
    @api accountId: string | undefined;
    @api offering: OfferingInfo | undefined;
    /** Ranked specialists for the offering; the first available one is preselected. */
    @api specialists: RankedSpecialist[] = [];
    /** The server's today (`YYYY-MM-DD`): the earliest next-step date. */
    @api today: string | undefined;

    specialistId: string | undefined;
    estimatedValue: string | undefined;
    nextStep = '';
    nextStepDate: string | undefined;
    saving = false;
    errors: unknown;
    invalid: string[] = [];
    private touched = false;

    labels = {
        specialist: SPECIALIST,
        value: VALUE,
        nextStep: NEXT_STEP,
        nextStepDate: NEXT_STEP_DATE,
        ...formLabels(SAVE, SAVE_ERROR)
    };

    nextStepMax = NEXT_STEP_MAX;

    override connectedCallback(): void {
        if (!this.touched) {
            const preferred = (this.specialists ?? []).find((ranked) => ranked.available);
            this.specialistId = preferred ? preferred.specialist.id : '';
            const deal = this.offering?.typicalDealSize;
            this.estimatedValue = deal === null || deal === undefined ? undefined : String(deal);
        }
    }

    get heading(): string {
        return formatLabel(HEADING, this.offering?.name);
    }

    get specialistOptions(): Option[] {
        const options: Option[] = [{ label: NO_SPECIALIST, value: '' }];
        for (const ranked of this.specialists ?? []) {
            options.push({
                label: formatLabel(SPECIALIST_OPTION, ranked.specialist.name, ranked.level),
                value: ranked.specialist.id
            });
        }
        return options;
    }

    get hasInvalid(): boolean {
        return this.invalid.length > 0;
    }

    handleSpecialistChange(event: CustomEvent<{ value: string }>): void {
        this.touched = true;
        this.specialistId = event.detail.value;
    }

    handleValueChange(event: CustomEvent<{ value: string }>): void {
        this.touched = true;
        this.estimatedValue = event.detail.value;
    }

    handleNextStepChange(event: CustomEvent<{ value: string }>): void {
        this.nextStep = event.detail.value;
    }

    handleDateChange(event: CustomEvent<{ value: string }>): void {
        this.nextStepDate = event.detail.value || undefined;
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    /** The rep's input problems, each a sentence; empty when the form can be saved. */
    validate(): string[] {
        const problems: string[] = [];
        const value = this.parsedValue();
        if (value !== null && (!Number.isFinite(value) || value < 0)) {
            problems.push(VALUE_INVALID);
        }
        const step = this.nextStep.trim();
        if (step.length > NEXT_STEP_MAX) {
            problems.push(formatLabel(STEP_TOO_LONG, NEXT_STEP_MAX));
        }
        if (this.nextStepDate && !step) {
            problems.push(STEP_NEEDED);
        }
        if (this.nextStepDate && this.today && this.nextStepDate < this.today) {
            problems.push(DATE_PAST);
        }
        return problems;
    }

    private parsedValue(): number | null {
        const raw = (this.estimatedValue ?? '').trim();
        return raw === '' ? null : Number(raw);
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
            save: () => {
                const step = this.nextStep.trim();
                return logAttempt({
                    accountId,
                    offeringId: offering.id,
                    specialistId: this.specialistId || null,
                    estimatedValue: this.parsedValue(),
                    nextStep: step || null,
                    nextStepDate: this.nextStepDate ?? null,
                    source: 'Suggested'
                });
            },
            toast: () => ({ title: SUCCESS_TITLE, message: formatLabel(SUCCESS_MESSAGE, offering.name) }),
            saved: (attemptId) => ({ attemptId, offeringId: offering.id, action: 'logged' })
        };
    }
}
