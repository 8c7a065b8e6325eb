import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPanelData from '@salesforce/apex/CrossSellController.getPanelData';
import { rankPanel } from 'c/crossSellEngine';
import type { AttemptInfo, PanelData, PanelRanking, RankedOffering } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import TITLE from '@salesforce/label/c.Crossway_Panel_Title';
import LOADING from '@salesforce/label/c.Crossway_Panel_Loading';
import LOAD_ERROR from '@salesforce/label/c.Crossway_Panel_LoadError';
import REFRESH_ERROR from '@salesforce/label/c.Crossway_Panel_RefreshError';
import REFRESH from '@salesforce/label/c.Crossway_Panel_Refresh';
import NO_RECORD from '@salesforce/label/c.Crossway_Panel_NoRecord';
import NO_DATA from '@salesforce/label/c.Crossway_Panel_NoData';
import NOTHING_LEFT from '@salesforce/label/c.Crossway_Panel_NothingLeft';
import SUGGESTIONS from '@salesforce/label/c.Crossway_Panel_Suggestions';
import SHOW_MORE from '@salesforce/label/c.Crossway_Panel_ShowMore';
import SHOW_FEWER from '@salesforce/label/c.Crossway_Panel_ShowFewer';

/** One ranking per panel, data and configuration; kept outside the component so reading it never re-renders. */
interface RankingCache {
    key: string;
    data: PanelData;
    ranking?: PanelRanking;
    error?: unknown;
}
const rankings = new WeakMap<object, RankingCache>();

interface WiredPanel {
    data?: PanelData;
    error?: unknown;
}

/** A whole number of at least 1 from an App Builder value, or undefined when blank or invalid. */
function positiveWhole(value: unknown): number | undefined {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * The Account cross-sell panel: loads everything in one cacheable Apex read, ranks it with the shared engine
 * and shows the suggestions, the colleagues to involve and the open attempts. Children write through Apex and
 * announce `saved`; the panel then drops the offering at once and refreshes its one wire.
 */
export default class CrossSellPanel extends LightningElement {
    @api recordId: string | undefined;
    /** How many suggestions to show before "Show more" (App Builder; blank: the Crossway setting). */
    @api maxOfferings: number | string | undefined;
    /** How many colleagues to suggest per offering (App Builder; blank: the Crossway setting). */
    @api maxSpecialists: number | string | undefined;
    /** Leave out the open attempts below the suggestions (App Builder; public booleans default to false). */
    @api hideAttempts = false;

    data: PanelData | undefined;
    error: unknown;
    refreshError: unknown;
    refreshing = false;
    showAll = false;
    /** Offerings just logged or dismissed, hidden until the refreshed data arrives. */
    removedOfferingIds: string[] = [];

    private wiredResult: unknown;

    labels = {
        title: TITLE,
        loading: LOADING,
        loadError: LOAD_ERROR,
        refreshError: REFRESH_ERROR,
        refresh: REFRESH,
        noRecord: NO_RECORD,
        noData: NO_DATA,
        nothingLeft: NOTHING_LEFT,
        suggestions: SUGGESTIONS
    };

    @wire(getPanelData, { accountId: '$recordId' })
    wiredPanel(result: WiredPanel): void {
        this.wiredResult = result;
        if (result.data) {
            this.data = result.data;
            this.error = undefined;
            this.removedOfferingIds = [];
        } else if (result.error) {
            this.error = result.error;
            this.data = undefined;
        }
    }

    get hasRecord(): boolean {
        return !!this.recordId;
    }

    get isLoading(): boolean {
        return this.hasRecord && !this.data && !this.error;
    }

    get hasError(): boolean {
        return !this.data && !!this.error;
    }

    get hasData(): boolean {
        return !!this.data;
    }

    /** The engine's ranking (or why it failed), computed once per data and configuration. */
    private get ranked(): RankingCache | undefined {
        const data = this.data;
        if (!data) {
            return undefined;
        }
        // A page's App Builder values win over the org-wide Crossway setting (the engine fills any blank).
        const maxOfferings = positiveWhole(this.maxOfferings) ?? data.settings?.maxOfferingsShown;
        const maxSpecialists = positiveWhole(this.maxSpecialists) ?? data.settings?.maxSpecialistsPerOffering;
        const key = `${maxOfferings}|${maxSpecialists}|${this.showAll}`;
        const cached = rankings.get(this);
        if (cached && cached.data === data && cached.key === key) {
            return cached;
        }
        const entry: RankingCache = { key, data };
        try {
            entry.ranking = rankPanel(
                {
                    ...data,
                    settings: {
                        ...data.settings,
                        maxOfferingsShown: maxOfferings,
                        maxSpecialistsPerOffering: maxSpecialists
                    }
                },
                { showAll: this.showAll }
            );
        } catch (error) {
            // Data the engine cannot read is shown like any other error, not as a broken page.
            entry.error = error;
        }
        rankings.set(this, entry);
        return entry;
    }

    get ranking(): PanelRanking | undefined {
        return this.ranked?.ranking;
    }

    get rankingError(): unknown {
        return this.ranked?.error;
    }

    get offerings(): RankedOffering[] {
        const removed = new Set(this.removedOfferingIds);
        return (this.ranking?.offerings ?? []).filter((ranked) => !removed.has(ranked.offering.id));
    }

    get hasOfferings(): boolean {
        return this.offerings.length > 0;
    }

    /** No active offering at all: the portfolio has not been loaded yet. */
    get noData(): boolean {
        return !!this.data && this.data.offerings.length === 0;
    }

    /** Offerings exist, but the account buys, works or dismissed every one. */
    get nothingLeft(): boolean {
        return !!this.data && !this.noData && !this.hasOfferings;
    }

    get hiddenCount(): number {
        return this.ranking?.hiddenCount ?? 0;
    }

    get canShowMore(): boolean {
        return !this.showAll && this.hiddenCount > 0;
    }

    get canShowFewer(): boolean {
        const shownByDefault = this.ranking?.settings.maxOfferingsShown ?? 0;
        return this.showAll && this.offerings.length > shownByDefault;
    }

    get showMoreLabel(): string {
        return formatLabel(SHOW_MORE, this.hiddenCount);
    }

    get showFewerLabel(): string {
        return SHOW_FEWER;
    }

    get showAttempts(): boolean {
        return !this.hideAttempts;
    }

    get attempts(): AttemptInfo[] {
        return this.data?.attempts ?? [];
    }

    get today(): string | undefined {
        return this.data?.today;
    }

    handleShowMore(): void {
        this.showAll = true;
    }

    handleShowFewer(): void {
        this.showAll = false;
    }

    handleRefresh(): Promise<void> {
        return this.refresh();
    }

    /** A child saved a write: hide the offering it concerned (logged or dismissed) and reload. */
    handleSaved(event: CustomEvent<{ offeringId?: string; action?: string }>): Promise<void> {
        const { offeringId, action } = event.detail ?? {};
        if (offeringId && (action === 'logged' || action === 'dismissed')) {
            this.removedOfferingIds = [...this.removedOfferingIds, offeringId];
            // The card that had focus is gone: keep keyboard and screen-reader users in the suggestions.
            Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('section.suggestions')?.focus());
        }
        return this.refresh();
    }

    private async refresh(): Promise<void> {
        if (!this.wiredResult || this.refreshing) {
            return;
        }
        this.refreshing = true;
        this.refreshError = undefined;
        try {
            await refreshApex(this.wiredResult);
        } catch (error) {
            this.refreshError = error;
        } finally {
            this.refreshing = false;
        }
    }
}
