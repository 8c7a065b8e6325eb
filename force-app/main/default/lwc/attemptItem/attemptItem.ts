import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import updateAttempt from '@salesforce/apex/CrossSellController.updateAttempt';
import type { AttemptInfo, AttemptStatus } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import { formLabels, submitForm, type FormSave } from 'c/formUtils';
import STATUS from '@salesforce/label/c.Crossway_Attempt_Status';
import STAGE_AGE from '@salesforce/label/c.Crossway_Attempt_StageAge';
import IN_STATUS from '@salesforce/label/c.Crossway_Attempt_InStatus';
import SPECIALIST from '@salesforce/label/c.Crossway_Attempt_Specialist';
import NO_SPECIALIST from '@salesforce/label/c.Crossway_Attempt_NoSpecialist';
import NEXT_STEP from '@salesforce/label/c.Crossway_Log_NextStep';
import NEXT_STEP_DATE from '@salesforce/label/c.Crossway_Log_NextStepDate';
import NO_NEXT_STEP from '@salesforce/label/c.Crossway_Attempt_NoNextStep';
import OVERDUE from '@salesforce/label/c.Crossway_Attempt_Overdue';
import VALUE from '@salesforce/label/c.Crossway_Log_EstimatedValue';
import OPPORTUNITY from '@salesforce/label/c.Crossway_Attempt_Opportunity';
import RATING from '@salesforce/label/c.Crossway_Attempt_Rating';
import RATED from '@salesforce/label/c.Crossway_Attempt_Rated';
import OUTCOME from '@salesforce/label/c.Crossway_Attempt_Outcome';
import UPDATE from '@salesforce/label/c.Crossway_Attempt_Update';
import UPDATE_FOR from '@salesforce/label/c.Crossway_Attempt_UpdateFor';
import SAVE from '@salesforce/label/c.Crossway_Attempt_Save';
import SUCCESS_TITLE from '@salesforce/label/c.Crossway_Attempt_SuccessTitle';
import SUCCESS_MESSAGE from '@salesforce/label/c.Crossway_Attempt_SuccessMessage';
import SAVE_ERROR from '@salesforce/label/c.Crossway_Attempt_Error';
import NOTHING_CHANGED from '@salesforce/label/c.Crossway_Form_NothingChanged';
import OUTCOME_NEEDED from '@salesforce/label/c.Crossway_Form_OutcomeNeeded';
import VALUE_INVALID from '@salesforce/label/c.Crossway_Form_ValueInvalid';
import DATE_PAST from '@salesforce/label/c.Crossway_Form_DatePast';
import STEP_TOO_LONG from '@salesforce/label/c.Crossway_Form_NextStepTooLong';
import S_IDENTIFIED from '@salesforce/label/c.Crossway_Status_Identified';
import S_INTRODUCED from '@salesforce/label/c.Crossway_Status_Introduced';
import S_MEETING from '@salesforce/label/c.Crossway_Status_MeetingHeld';
import S_PROPOSAL from '@salesforce/label/c.Crossway_Status_Proposal';
import S_WON from '@salesforce/label/c.Crossway_Status_Won';
import S_LOST from '@salesforce/label/c.Crossway_Status_Lost';
import S_NOT_PURSUED from '@salesforce/label/c.Crossway_Status_NotPursued';
import O_COMPETITOR_ALREADY from '@salesforce/label/c.Crossway_Outcome_AlreadyWithCompetitor';
import O_NOT_A_FIT from '@salesforce/label/c.Crossway_Outcome_NotAFit';
import O_BAD_TIMING from '@salesforce/label/c.Crossway_Outcome_BadTiming';
import O_PRICE from '@salesforce/label/c.Crossway_Outcome_Price';
import O_COMPETITOR from '@salesforce/label/c.Crossway_Outcome_Competitor';
import O_RELATIONSHIP from '@salesforce/label/c.Crossway_Outcome_Relationship';
import O_VALUE_PROVEN from '@salesforce/label/c.Crossway_Outcome_ValueProven';
import O_OTHER from '@salesforce/label/c.Crossway_Outcome_Other';

interface Option {
    label: string;
    value: string;
}

export const STATUS_LABELS: Record<AttemptStatus, string> = {
    Identified: S_IDENTIFIED,
    Introduced: S_INTRODUCED,
    'Meeting Held': S_MEETING,
    Proposal: S_PROPOSAL,
    Won: S_WON,
    Lost: S_LOST,
    'Not Pursued': S_NOT_PURSUED
};

const STATUS_ORDER: AttemptStatus[] = [
    'Identified',
    'Introduced',
    'Meeting Held',
    'Proposal',
    'Won',
    'Lost',
    'Not Pursued'
];

/** A specialist can be rated once the rep has met the client with them. */
const RATABLE: ReadonlySet<AttemptStatus> = new Set<AttemptStatus>(['Meeting Held', 'Proposal', 'Won', 'Lost']);

/** Outcome_Reason__c values that fit each closing status. */
const OUTCOMES: Partial<Record<AttemptStatus, Option[]>> = {
    Won: [
        { label: O_VALUE_PROVEN, value: 'Value proven' },
        { label: O_RELATIONSHIP, value: 'Relationship' },
        { label: O_PRICE, value: 'Price' },
        { label: O_OTHER, value: 'Other' }
    ],
    Lost: [
        { label: O_PRICE, value: 'Price' },
        { label: O_COMPETITOR, value: 'Competitor' },
        { label: O_RELATIONSHIP, value: 'Relationship' },
        { label: O_OTHER, value: 'Other' }
    ],
    'Not Pursued': [
        { label: O_COMPETITOR_ALREADY, value: 'Already with competitor' },
        { label: O_NOT_A_FIT, value: 'Not a fit' },
        { label: O_BAD_TIMING, value: 'Bad timing' },
        { label: O_OTHER, value: 'Other' }
    ]
};

const RATING_OPTIONS: Option[] = ['1', '2', '3', '4', '5'].map((value) => ({ label: value, value }));

const MAX_NEXT_STEP = 255;
const DAY_MS = 86_400_000;

function dayNumber(isoDate: string | null | undefined): number | null {
    if (!isoDate) return null;
    const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(time) ? null : Math.floor(time / DAY_MS);
}

/**
 * One open attempt: where it stands, its next step, the colleague involved and the opportunity when there is
 * one. "Update" opens an inline editor for the status, next step, value, outcome and, after a meeting, the
 * rep's rating of the specialist.
 */
export default class AttemptItem extends NavigationMixin(LightningElement) {
    @api attempt: AttemptInfo | undefined;
    /** The server's today (`YYYY-MM-DD`). */
    @api today: string | undefined;

    editing = false;
    saving = false;
    errors: unknown;
    invalid: string[] = [];
    opportunityUrl: string | undefined;

    status: AttemptStatus | undefined;
    nextStep = '';
    nextStepDate: string | undefined;
    estimatedValue: string | undefined;
    rating: string | undefined;
    outcome: string | undefined;

    statusOptions: Option[] = STATUS_ORDER.map((value) => ({ label: STATUS_LABELS[value], value }));
    ratingOptions = RATING_OPTIONS;
    nextStepMax = MAX_NEXT_STEP;

    labels = {
        status: STATUS,
        inStatus: IN_STATUS,
        specialist: SPECIALIST,
        nextStep: NEXT_STEP,
        nextStepDate: NEXT_STEP_DATE,
        noNextStep: NO_NEXT_STEP,
        overdue: OVERDUE,
        value: VALUE,
        opportunity: OPPORTUNITY,
        rating: RATING,
        outcome: OUTCOME,
        update: UPDATE,
        ...formLabels(SAVE, SAVE_ERROR)
    };

    override connectedCallback(): void {
        const opportunityId = this.attempt?.opportunityId;
        if (opportunityId) {
            this[NavigationMixin.GenerateUrl](this.opportunityPage(opportunityId))
                .then((url) => {
                    this.opportunityUrl = url;
                })
                .catch(() => {
                    // Without a URL the link still navigates on click.
                    this.opportunityUrl = undefined;
                });
        }
    }

    private opportunityPage(recordId: string) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Opportunity', actionName: 'view' }
        };
    }

    get offeringName(): string {
        return this.attempt?.offeringName ?? '';
    }

    get statusLabel(): string {
        const status = this.attempt?.status;
        return status ? (STATUS_LABELS[status] ?? status) : '';
    }

    get stageAge(): string | null {
        const from = dayNumber(this.attempt?.statusChangedDate);
        const to = dayNumber(this.today);
        return from === null || to === null ? null : formatLabel(STAGE_AGE, Math.max(0, to - from));
    }

    get specialistName(): string {
        return this.attempt?.specialistName || NO_SPECIALIST;
    }

    get hasNextStep(): boolean {
        return !!this.attempt?.nextStep || !!this.attempt?.nextStepDate;
    }

    get isOverdue(): boolean {
        const due = dayNumber(this.attempt?.nextStepDate);
        const today = dayNumber(this.today);
        return due !== null && today !== null && due < today;
    }

    get hasValue(): boolean {
        return typeof this.attempt?.estimatedValue === 'number';
    }

    get hasRating(): boolean {
        return typeof this.attempt?.specialistRating === 'number';
    }

    get ratedText(): string {
        return formatLabel(RATED, this.attempt?.specialistRating);
    }

    get hasOpportunity(): boolean {
        return !!this.attempt?.opportunityId;
    }

    get opportunityName(): string {
        return this.attempt?.opportunityName || OPPORTUNITY;
    }

    get updateLabel(): string {
        return formatLabel(UPDATE_FOR, this.offeringName);
    }

    get editorHeading(): string {
        return formatLabel(UPDATE_FOR, this.offeringName);
    }

    get editExpanded(): string {
        return String(this.editing);
    }

    get showRating(): boolean {
        return !!this.attempt?.specialistId && !!this.status && RATABLE.has(this.status);
    }

    get outcomeOptions(): Option[] {
        return (this.status && OUTCOMES[this.status]) || [];
    }

    get showOutcome(): boolean {
        return this.outcomeOptions.length > 0;
    }

    get outcomeRequired(): boolean {
        return this.status === 'Not Pursued';
    }

    get hasInvalid(): boolean {
        return this.invalid.length > 0;
    }

    handleOpenOpportunity(event: Event): void {
        event.preventDefault();
        const opportunityId = this.attempt?.opportunityId;
        if (opportunityId) {
            this[NavigationMixin.Navigate](this.opportunityPage(opportunityId));
        }
    }

    handleEdit(): void {
        if (this.editing) {
            this.closeEditor();
            return;
        }
        const attempt = this.attempt;
        this.status = attempt?.status;
        this.nextStep = attempt?.nextStep ?? '';
        this.nextStepDate = attempt?.nextStepDate ?? undefined;
        this.estimatedValue = typeof attempt?.estimatedValue === 'number' ? String(attempt.estimatedValue) : undefined;
        this.rating = typeof attempt?.specialistRating === 'number' ? String(attempt.specialistRating) : undefined;
        this.outcome = attempt?.outcomeReason ?? undefined;
        this.errors = undefined;
        this.invalid = [];
        this.editing = true;
    }

    handleCancel(): void {
        this.closeEditor();
    }

    private closeEditor(): void {
        this.editing = false;
        this.template?.querySelector<HTMLElement>('.edit')?.focus();
    }

    handleStatusChange(event: CustomEvent<{ value: AttemptStatus }>): void {
        this.status = event.detail.value;
        if (!this.outcomeOptions.some((option) => option.value === this.outcome)) {
            this.outcome = undefined;
        }
    }

    handleNextStepChange(event: CustomEvent<{ value: string }>): void {
        this.nextStep = event.detail.value;
    }

    handleDateChange(event: CustomEvent<{ value: string }>): void {
        this.nextStepDate = event.detail.value || undefined;
    }

    handleValueChange(event: CustomEvent<{ value: string }>): void {
        this.estimatedValue = event.detail.value;
    }

    handleRatingChange(event: CustomEvent<{ value: string }>): void {
        this.rating = event.detail.value;
    }

    handleOutcomeChange(event: CustomEvent<{ value: string }>): void {
        this.outcome = event.detail.value;
    }

    /** The update to send: only what changed; `null` leaves a field as it is. */
    changes() {
        const attempt = this.attempt as AttemptInfo;
        const step = this.nextStep.trim();
        const raw = (this.estimatedValue ?? '').trim();
        const value = raw === '' ? null : Number(raw);
        const rating = this.showRating && this.rating ? Number(this.rating) : null;
        const outcome = this.showOutcome && this.outcome ? this.outcome : null;
        return {
            attemptId: attempt.id,
            status: this.status && this.status !== attempt.status ? this.status : null,
            nextStep: step && step !== (attempt.nextStep ?? '') ? step : null,
            nextStepDate: this.nextStepDate && this.nextStepDate !== attempt.nextStepDate ? this.nextStepDate : null,
            estimatedValue: value !== null && value !== attempt.estimatedValue ? value : null,
            specialistRating: rating !== null && rating !== attempt.specialistRating ? rating : null,
            outcomeReason: outcome && outcome !== attempt.outcomeReason ? outcome : null
        };
    }

    validate(): string[] {
        const problems: string[] = [];
        const raw = (this.estimatedValue ?? '').trim();
        if (raw !== '' && !(Number(raw) >= 0)) {
            problems.push(VALUE_INVALID);
        }
        if (this.nextStep.trim().length > MAX_NEXT_STEP) {
            problems.push(formatLabel(STEP_TOO_LONG, MAX_NEXT_STEP));
        }
        const changedDate = this.nextStepDate && this.nextStepDate !== this.attempt?.nextStepDate;
        if (changedDate && this.today && (this.nextStepDate as string) < this.today) {
            problems.push(DATE_PAST);
        }
        if (this.outcomeRequired && !this.outcome) {
            problems.push(OUTCOME_NEEDED);
        }
        return problems;
    }

    handleSave(event: Event): Promise<void> {
        return submitForm(this, event, this.submission());
    }

    /** What Save sends, once there is an attempt to update. */
    private submission(): FormSave<void> | undefined {
        const attempt = this.attempt;
        if (!attempt) {
            return undefined;
        }
        return {
            validate: () => {
                const problems = this.validate();
                const changed = Object.entries(this.changes()).some(
                    ([field, value]) => field !== 'attemptId' && value !== null
                );
                return problems.length > 0 || changed ? problems : [NOTHING_CHANGED];
            },
            save: () => updateAttempt(this.changes()),
            toast: () => ({ title: SUCCESS_TITLE, message: formatLabel(SUCCESS_MESSAGE, this.offeringName) }),
            saved: () => {
                this.closeEditor();
                return { attemptId: attempt.id, offeringId: attempt.offeringId, action: 'updated' };
            }
        };
    }
}
