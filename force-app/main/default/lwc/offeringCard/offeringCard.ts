import { LightningElement, api } from 'lwc';
import { formatReason } from 'c/crossSellEngine';
import type { RankedOffering } from 'c/crossSellEngine';
import { REASON_LABELS } from 'c/reasonLabels';
import { formatLabel } from 'c/labelUtils';
import NEW_TO_YOU from '@salesforce/label/c.Crossway_Offering_NewToYou';
import BUSINESS_UNIT from '@salesforce/label/c.Crossway_Offering_BusinessUnit';
import DEAL_SIZE from '@salesforce/label/c.Crossway_Offering_DealSize';
import NOT_SET from '@salesforce/label/c.Crossway_Offering_NotSet';
import WHY from '@salesforce/label/c.Crossway_Offering_Why';
import RANK from '@salesforce/label/c.Crossway_Offering_Rank';
import LOG from '@salesforce/label/c.Crossway_Offering_LogAttempt';
import DISMISS from '@salesforce/label/c.Crossway_Offering_Dismiss';
import LEARN from '@salesforce/label/c.Crossway_Offering_Learn';
import HIDE_LEARN from '@salesforce/label/c.Crossway_Offering_HideLearn';
import ACTIONS from '@salesforce/label/c.Crossway_Offering_Actions';

type Mode = 'none' | 'log' | 'dismiss';

/**
 * One suggested offering: why it is suggested (reasons in plain language), its business unit and typical
 * deal size, a "new to you" marker, the colleagues to involve and the rep's actions (log an attempt, dismiss,
 * learn about it). Forms open inline below the card, so it works the same on a phone.
 */
export default class OfferingCard extends LightningElement {
    @api ranked: RankedOffering | undefined;
    @api accountId: string | undefined;
    /** The server's today (`YYYY-MM-DD`). */
    @api today: string | undefined;

    mode: Mode = 'none';
    learnOpen = false;

    labels = {
        newToYou: NEW_TO_YOU,
        businessUnit: BUSINESS_UNIT,
        dealSize: DEAL_SIZE,
        notSet: NOT_SET,
        log: LOG,
        dismiss: DISMISS
    };

    get offering() {
        return this.ranked?.offering;
    }

    get name(): string {
        return this.offering?.name ?? '';
    }

    get rankLabel(): string {
        return formatLabel(RANK, this.ranked?.rank, this.name);
    }

    get newToRep(): boolean {
        return !!this.ranked?.newToRep;
    }

    get businessUnit(): string {
        return this.offering?.businessUnit || NOT_SET;
    }

    get hasDealSize(): boolean {
        const size = this.offering?.typicalDealSize;
        return typeof size === 'number' && Number.isFinite(size);
    }

    get reasons(): { key: string; text: string }[] {
        return (this.ranked?.reasons ?? []).map((reason, index) => ({
            key: `${reason.key}-${index}`,
            text: formatReason(reason, REASON_LABELS)
        }));
    }

    get reasonsLabel(): string {
        return formatLabel(WHY, this.name);
    }

    get actionsLabel(): string {
        return formatLabel(ACTIONS, this.name);
    }

    get specialists() {
        return this.ranked?.specialists ?? [];
    }

    get topSellers() {
        return this.ranked?.topSellers ?? [];
    }

    get isLogging(): boolean {
        return this.mode === 'log';
    }

    get isDismissing(): boolean {
        return this.mode === 'dismiss';
    }

    get logExpanded(): string {
        return String(this.isLogging);
    }

    get dismissExpanded(): string {
        return String(this.isDismissing);
    }

    get learnExpanded(): string {
        return String(this.learnOpen);
    }

    get learnLabel(): string {
        return this.learnOpen ? HIDE_LEARN : LEARN;
    }

    /** The "learn" button is emphasised when the offering is new to the rep. */
    get learnClass(): string {
        return `learn slds-button ${this.newToRep && !this.learnOpen ? 'slds-button_outline-brand' : 'slds-button_neutral'}`;
    }

    handleLog(): void {
        this.mode = this.mode === 'log' ? 'none' : 'log';
    }

    handleDismiss(): void {
        this.mode = this.mode === 'dismiss' ? 'none' : 'dismiss';
    }

    handleLearn(): void {
        this.learnOpen = !this.learnOpen;
    }

    handleCancel(): void {
        const closed = this.mode === 'dismiss' ? '.dismiss' : '.log';
        this.mode = 'none';
        // Return focus to the button that opened the form so keyboard users are not lost.
        this.template?.querySelector<HTMLElement>(closed)?.focus();
    }

    /** A form saved: close it and pass the news up to the panel, which refreshes. */
    handleSaved(event: CustomEvent<{ attemptId: string; offeringId: string; action: string }>): void {
        this.mode = 'none';
        this.dispatchEvent(new CustomEvent('saved', { detail: { ...event.detail } }));
    }
}
