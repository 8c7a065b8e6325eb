import { LightningElement, api } from 'lwc';
import type { AttemptInfo } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import HEADING from '@salesforce/label/c.Crossway_Attempts_Heading';
import EMPTY from '@salesforce/label/c.Crossway_Attempts_Empty';

/**
 * The open cross-sell attempts on the account, soonest next step first, each editable in place. Passes each
 * saved update up to the panel, which refreshes.
 */
export default class AttemptList extends LightningElement {
    /** Attempts on the account; closed ones are left out here. */
    @api attempts: AttemptInfo[] = [];
    /** The server's today (`YYYY-MM-DD`). */
    @api today: string | undefined;

    labels = { empty: EMPTY };

    get openAttempts(): AttemptInfo[] {
        // Undated next steps go last; ties keep the server's order (newest first).
        const dated = (attempt: AttemptInfo): string => attempt.nextStepDate ?? '9999-12-31';
        return (this.attempts ?? [])
            .filter((attempt) => !attempt.isClosed)
            .map((attempt, index) => ({ attempt, index }))
            .sort((a, b) => dated(a.attempt).localeCompare(dated(b.attempt)) || a.index - b.index)
            .map(({ attempt }) => attempt);
    }

    get hasAttempts(): boolean {
        return this.openAttempts.length > 0;
    }

    get heading(): string {
        return formatLabel(HEADING, this.openAttempts.length);
    }

    handleSaved(event: CustomEvent<{ attemptId: string; offeringId: string; action: string }>): void {
        this.dispatchEvent(new CustomEvent('saved', { detail: { ...event.detail } }));
    }
}
