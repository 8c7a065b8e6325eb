/**
 * The preview's org: an in-memory copy of the sample data set that answers docs/ARCHITECTURE.md's Apex API
 * with the same rules as `CrossSellService` and the attempt trigger (status changed date, closed date, one
 * open attempt per account and offering, validation with the same custom-label messages). The read builds the
 * panel payload from the data with the sample data's own `buildPanelData`, so every write shows in the panel
 * the way it would in an org. Record ids in the payload are the sample records' external ids (users: their
 * sample handles).
 */
import type {
    AttemptSource,
    AttemptStatus,
    ConnectionType,
    PanelData
} from '../../force-app/main/default/lwc/crossSellEngine/contract';
import { buildPanelData, invalidatePanelData } from '../../scripts/sample-data/panelData';
import type { AttemptRecord, ConnectionRecord, SampleDataSet } from '../../scripts/sample-data/types';
import {
    ATTEMPT_SOURCES,
    ATTEMPT_STATUSES,
    CLOSED_STATUSES,
    CONNECTION_TYPES,
    NOT_PURSUED_REASON_RULE,
    OUTCOME_REASONS
} from './picklists';

/** An attempt as stored; the sample records carry no notes, a dismissal in the preview may. */
type StoredAttempt = AttemptRecord & { Notes__c?: string | null };

/** A refusal whose message the rep reads (the service's `CrossSellException`). */
export class CrossSellError extends Error {
    override name = 'CrossSellError';
}

export interface LogAttemptParams {
    accountId?: string | null;
    offeringId?: string | null;
    specialistId?: string | null;
    estimatedValue?: number | null;
    nextStep?: string | null;
    nextStepDate?: string | null;
    source?: string | null;
}

export interface UpdateAttemptParams {
    attemptId?: string | null;
    status?: string | null;
    nextStep?: string | null;
    nextStepDate?: string | null;
    estimatedValue?: number | null;
    specialistRating?: number | null;
    outcomeReason?: string | null;
}

export interface DismissParams {
    accountId?: string | null;
    offeringId?: string | null;
    reason?: string | null;
    notes?: string | null;
}

export interface ConnectionParams {
    specialistId?: string | null;
    connectionType?: string | null;
    connectionDate?: string | null;
    notes?: string | null;
}

export interface PreviewOrgOptions {
    /** The sample data set; the org works on a deep copy unless `adopt` hands it over. */
    data: SampleDataSet;
    /** The org may change `data` itself (the caller keeps no other use of it): skips the copy. */
    adopt?: boolean;
    /** Custom label name -> value (the Errors labels at least). */
    labels: ReadonlyMap<string, string> | Record<string, string>;
    /** The rep the org acts as (a sample user handle). */
    repKey: string;
    /** The org's today; the data set's `asOf` by default, so the sample dates read as intended. */
    today?: string;
}

/** Fills `{0}`, `{1}`... as Apex's String.format does. */
export function formatMessage(template: string, ...args: unknown[]): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) =>
        Number(index) < args.length ? String(args[Number(index)]) : match
    );
}

const isBlank = (value: string | null | undefined): boolean => value === null || value === undefined || !value.trim();

export class PreviewOrg {
    readonly data: SampleDataSet;
    readonly today: string;
    private repKey: string;
    private readonly labels: ReadonlyMap<string, string>;
    private sequence = 0;

    constructor(options: PreviewOrgOptions) {
        this.data = options.adopt ? options.data : structuredClone(options.data);
        this.today = options.today ?? options.data.asOf;
        this.repKey = options.repKey;
        this.labels =
            options.labels instanceof Map ? options.labels : new Map(Object.entries(options.labels as object));
        this.requireRep(options.repKey);
    }

    /** The rep the org acts as. */
    get currentRep(): string {
        return this.repKey;
    }

    /** Acts as another rep from now on (like logging in as them). */
    actAs(repKey: string): void {
        this.requireRep(repKey);
        this.repKey = repKey;
    }

    // ---- the Apex API -------------------------------------------------------------------------------------

    getPanelData(params: { accountId?: string | null }): PanelData {
        const account = this.data.accounts.find((a) => a.External_Id__c === params.accountId);
        if (!account) throw this.refuse('Crossway_Error_AccountNotFound');
        const panel = buildPanelData(this.data, account.External_Id__c, this.repKey, this.today);
        const notes = new Map(this.data.attempts.map((a: StoredAttempt) => [a.External_Id__c, a.Notes__c ?? null]));
        for (const attempt of panel.attempts) attempt.notes = attempt.notes ?? notes.get(attempt.id) ?? null;
        return panel;
    }

    logAttempt(params: LogAttemptParams): string {
        const source = isBlank(params.source) ? 'Manual' : (params.source as string);
        this.requireValue(source, ATTEMPT_SOURCES, 'Crossway_Error_InvalidSource');
        this.requireNonNegative(params.estimatedValue);
        this.requireAccount(params.accountId);
        this.requireOffering(params.offeringId);
        if (params.specialistId) this.requireSpecialist(params.specialistId);
        const attempt: AttemptRecord = {
            External_Id__c: this.newId('CW-ATT-PREVIEW'),
            Account__r: { External_Id__c: params.accountId as string },
            repKey: this.repKey,
            Offering__r: { External_Id__c: params.offeringId as string },
            Specialist__r: params.specialistId ? { External_Id__c: params.specialistId } : null,
            Opportunity__r: null,
            Status__c: params.specialistId ? 'Introduced' : 'Identified',
            Status_Changed_Date__c: this.today,
            Outcome_Reason__c: null,
            Next_Step__c: params.nextStep ?? null,
            Next_Step_Date__c: params.nextStepDate ?? null,
            Estimated_Value__c: params.estimatedValue ?? null,
            Closed_Date__c: null,
            Specialist_Rating__c: null,
            Source__c: source as AttemptSource,
            createdDate: this.today
        };
        this.save(attempt, null);
        return attempt.External_Id__c;
    }

    updateAttempt(params: UpdateAttemptParams): null {
        const current = this.data.attempts.find((a) => a.External_Id__c === params.attemptId);
        if (!current) throw this.refuse('Crossway_Error_AttemptNotFound');
        if (params.status != null) this.requireValue(params.status, ATTEMPT_STATUSES, 'Crossway_Error_InvalidStatus');
        if (params.outcomeReason != null) {
            this.requireValue(params.outcomeReason, OUTCOME_REASONS, 'Crossway_Error_InvalidReason');
        }
        const rating = params.specialistRating;
        if (rating != null && (rating < 1 || rating > 5 || !Number.isInteger(rating))) {
            throw this.refuse('Crossway_Error_RatingRange');
        }
        if (rating != null && !current.Specialist__r) throw this.refuse('Crossway_Error_RatingWithoutSpecialist');
        this.requireNonNegative(params.estimatedValue);
        const changesMoreThanRating =
            params.status != null ||
            params.nextStep != null ||
            params.nextStepDate != null ||
            params.estimatedValue != null ||
            params.outcomeReason != null;
        if (CLOSED_STATUSES.includes(current.Status__c) && changesMoreThanRating) {
            throw this.refuse('Crossway_Error_AttemptClosed', current.Status__c);
        }
        const updated: AttemptRecord = { ...current };
        if (params.status != null) updated.Status__c = params.status as AttemptStatus;
        if (params.nextStep != null) updated.Next_Step__c = params.nextStep;
        if (params.nextStepDate != null) updated.Next_Step_Date__c = params.nextStepDate;
        if (params.estimatedValue != null) updated.Estimated_Value__c = params.estimatedValue;
        if (rating != null) updated.Specialist_Rating__c = rating;
        if (params.outcomeReason != null) updated.Outcome_Reason__c = params.outcomeReason;
        this.save(updated, current);
        return null;
    }

    dismissOffering(params: DismissParams): string {
        if (isBlank(params.reason)) throw this.refuse('Crossway_Error_ReasonRequired');
        this.requireValue(params.reason as string, OUTCOME_REASONS, 'Crossway_Error_InvalidReason');
        this.requireAccount(params.accountId);
        this.requireOffering(params.offeringId);
        const open = this.data.attempts.find(
            (a) =>
                a.Account__r.External_Id__c === params.accountId &&
                a.Offering__r.External_Id__c === params.offeringId &&
                !CLOSED_STATUSES.includes(a.Status__c)
        );
        const dismissal: StoredAttempt = open
            ? { ...open }
            : {
                  External_Id__c: this.newId('CW-ATT-PREVIEW'),
                  Account__r: { External_Id__c: params.accountId as string },
                  repKey: this.repKey,
                  Offering__r: { External_Id__c: params.offeringId as string },
                  Specialist__r: null,
                  Opportunity__r: null,
                  Status__c: 'Not Pursued',
                  Status_Changed_Date__c: this.today,
                  Outcome_Reason__c: null,
                  Next_Step__c: null,
                  Next_Step_Date__c: null,
                  Estimated_Value__c: null,
                  Closed_Date__c: null,
                  Specialist_Rating__c: null,
                  Source__c: 'Suggested',
                  createdDate: this.today
              };
        dismissal.Status__c = 'Not Pursued';
        dismissal.Outcome_Reason__c = params.reason as string;
        if (params.notes != null) dismissal.Notes__c = params.notes;
        this.save(dismissal, open ?? null);
        return dismissal.External_Id__c;
    }

    logConnection(params: ConnectionParams): string {
        if (isBlank(params.connectionType)) throw this.refuse('Crossway_Error_ConnectionTypeRequired');
        this.requireValue(params.connectionType as string, CONNECTION_TYPES, 'Crossway_Error_InvalidConnectionType');
        const happened = params.connectionDate ?? this.today;
        if (happened > this.today) throw this.refuse('Crossway_Error_FutureConnectionDate');
        this.requireSpecialist(params.specialistId);
        const connection: ConnectionRecord = {
            External_Id__c: this.newId('CW-CON-PREVIEW'),
            repKey: this.repKey,
            Specialist__r: { External_Id__c: params.specialistId as string },
            Type__c: params.connectionType as ConnectionType,
            Date__c: happened,
            Notes__c: params.notes ?? ''
        };
        this.data.connections.push(connection);
        invalidatePanelData(this.data);
        return connection.External_Id__c;
    }

    // ---- the service's checks and the trigger -------------------------------------------------------------

    private label(name: string): string {
        const value = this.labels.get(name);
        if (value === undefined) throw new Error(`The preview has no custom label ${name}.`);
        return value;
    }

    private refuse(labelName: string, ...args: unknown[]): CrossSellError {
        return new CrossSellError(formatMessage(this.label(labelName), ...args));
    }

    private requireRep(repKey: string): void {
        if (!this.data.users.some((u) => u.key === repKey)) throw new Error(`No sample user ${repKey}.`);
    }

    private requireValue(value: string, allowed: readonly string[], labelName: string): void {
        if (!allowed.includes(value)) throw this.refuse(labelName, value, allowed.join(', '));
    }

    private requireNonNegative(value: number | null | undefined): void {
        if (value != null && value < 0) throw this.refuse('Crossway_Error_NegativeValue');
    }

    private requireAccount(id: string | null | undefined): void {
        if (!id || !this.data.accounts.some((a) => a.External_Id__c === id)) {
            throw this.refuse('Crossway_Error_AccountNotFound');
        }
    }

    private requireOffering(id: string | null | undefined): void {
        if (!id || !this.data.offerings.some((o) => o.External_Id__c === id && o.Active__c)) {
            throw this.refuse('Crossway_Error_OfferingNotFound');
        }
    }

    private requireSpecialist(id: string | null | undefined): void {
        if (!id || !this.data.specialists.some((s) => s.External_Id__c === id && s.Active__c)) {
            throw this.refuse('Crossway_Error_SpecialistNotFound');
        }
    }

    private newId(prefix: string): string {
        this.sequence += 1;
        return `${prefix}-${String(this.sequence).padStart(4, '0')}`;
    }

    /**
     * Saves an attempt as the trigger and the database would: stamps the status changed and closed dates,
     * applies the validation rule, and refuses a second open attempt for the same account and offering (the
     * unique open-attempt key). `old` is the stored record for an update, null for an insert.
     */
    private save(record: AttemptRecord, old: AttemptRecord | null): void {
        const isClosed = CLOSED_STATUSES.includes(record.Status__c);
        if (!old || old.Status__c !== record.Status__c) {
            record.Status_Changed_Date__c = this.today;
            const wasClosed = !!old && CLOSED_STATUSES.includes(old.Status__c);
            if (isClosed && !wasClosed) record.Closed_Date__c = this.today;
            else if (!isClosed) record.Closed_Date__c = null;
        }
        if (record.Status__c === 'Not Pursued' && isBlank(record.Outcome_Reason__c)) {
            throw this.refuse('Crossway_Error_SaveFailed', NOT_PURSUED_REASON_RULE);
        }
        if (!isClosed) {
            const duplicate = this.data.attempts.some(
                (a) =>
                    a.External_Id__c !== record.External_Id__c &&
                    a.Account__r.External_Id__c === record.Account__r.External_Id__c &&
                    a.Offering__r.External_Id__c === record.Offering__r.External_Id__c &&
                    !CLOSED_STATUSES.includes(a.Status__c)
            );
            if (duplicate) throw this.refuse('Crossway_Error_DuplicateOpenAttempt');
        }
        if (old) this.data.attempts[this.data.attempts.indexOf(old)] = record;
        else this.data.attempts.push(record);
        // the sample data's panel builder indexes the data once; a write makes that index stale
        invalidatePanelData(this.data);
    }
}
