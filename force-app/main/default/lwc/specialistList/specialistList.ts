import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { formatReason } from 'c/crossSellEngine';
import type { ExpertiseLevel, RankedSpecialist, SpecialistInfo } from 'c/crossSellEngine';
import { REASON_LABELS } from 'c/reasonLabels';
import { formatLabel } from 'c/labelUtils';
import HEADING from '@salesforce/label/c.Crossway_Specialists_Heading';
import NONE from '@salesforce/label/c.Crossway_Specialists_None';
import NO_USER from '@salesforce/label/c.Crossway_Specialists_NoUser';
import UNAVAILABLE from '@salesforce/label/c.Crossway_Specialists_Unavailable';
import WHY from '@salesforce/label/c.Crossway_Specialists_Why';
import MORE_REASONS from '@salesforce/label/c.Crossway_Specialists_MoreReasons';
import FEWER_REASONS from '@salesforce/label/c.Crossway_Specialists_FewerReasons';
import CONNECT from '@salesforce/label/c.Crossway_Connection_Open';
import CONNECT_FOR from '@salesforce/label/c.Crossway_Connection_OpenFor';
import LEVEL_PRACTITIONER from '@salesforce/label/c.Crossway_Level_Practitioner';
import LEVEL_EXPERT from '@salesforce/label/c.Crossway_Level_Expert';
import LEVEL_LEAD from '@salesforce/label/c.Crossway_Level_Lead';

/** Reasons shown per specialist before "show more": the strongest come first. */
export const REASONS_SHOWN = 3;

const LEVEL_LABELS: Record<ExpertiseLevel, string> = {
    Practitioner: LEVEL_PRACTITIONER,
    Expert: LEVEL_EXPERT,
    Lead: LEVEL_LEAD
};

interface SpecialistView {
    id: string;
    info: SpecialistInfo;
    name: string;
    recordUrl: string;
    subtitle: string;
    level: string;
    noUser: boolean;
    unavailable: boolean;
    email: string | null;
    emailHref: string | null;
    reasons: { key: string; text: string }[];
    reasonsLabel: string;
    hasMore: boolean;
    expanded: string;
    toggleLabel: string;
    canConnect: boolean;
    connecting: boolean;
    connectExpanded: string;
    connectLabel: string;
}

/** The Specialist record page of a colleague: their profile, expertise and history. */
function specialistPage(recordId: string) {
    return {
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName: 'Specialist__c', actionName: 'view' }
    };
}

/**
 * The colleagues suggested for one offering, best first, each with why a rep can trust them: expertise,
 * track record, shared history, rating, knowledge of the account and free capacity. Specialists without a
 * Salesforce user are listed too, with their email. A name opens the specialist's record (their profile).
 */
export default class SpecialistList extends NavigationMixin(LightningElement) {
    /** Ranked specialists from the engine. */
    @api specialists: RankedSpecialist[] = [];
    /** The server's today (`YYYY-MM-DD`), for touchpoint dates. */
    @api today: string | undefined;

    /** Specialists whose every reason the rep asked to see. */
    expandedIds: string[] = [];
    /** The specialist whose touchpoint form is open. */
    connectingId: string | undefined;
    /** Record page URLs the platform generated, by specialist. */
    recordUrls: Record<string, string> = {};
    /** Specialists whose URL is being generated or was. */
    private requestedUrls = new Set<string>();

    labels = { heading: HEADING, none: NONE, noUser: NO_USER, unavailable: UNAVAILABLE, connect: CONNECT };

    get hasSpecialists(): boolean {
        return this.items.length > 0;
    }

    get items(): SpecialistView[] {
        return (this.specialists ?? []).map((ranked) => {
            const { specialist } = ranked;
            const expanded = this.expandedIds.includes(specialist.id);
            const reasons = ranked.reasons.map((reason, index) => ({
                key: `${specialist.id}-${index}`,
                text: formatReason(reason, REASON_LABELS)
            }));
            const hidden = reasons.length - REASONS_SHOWN;
            return {
                id: specialist.id,
                info: specialist,
                name: specialist.name,
                // Until the platform's URL arrives the link still works: a click navigates either way.
                recordUrl: this.recordUrls[specialist.id] ?? `/lightning/r/Specialist__c/${specialist.id}/view`,
                subtitle: [specialist.title, specialist.businessUnit].filter((part) => !!part).join(' · '),
                level: LEVEL_LABELS[ranked.level],
                noUser: !specialist.userId,
                unavailable: !ranked.available,
                email: specialist.email,
                emailHref: specialist.email ? `mailto:${specialist.email}` : null,
                reasons: expanded ? reasons : reasons.slice(0, REASONS_SHOWN),
                reasonsLabel: formatLabel(WHY, specialist.name),
                hasMore: hidden > 0,
                expanded: String(expanded),
                toggleLabel: expanded ? FEWER_REASONS : formatLabel(MORE_REASONS, hidden),
                canConnect: specialist.active,
                connecting: this.connectingId === specialist.id,
                connectExpanded: String(this.connectingId === specialist.id),
                connectLabel: formatLabel(CONNECT_FOR, specialist.name)
            };
        });
    }

    override renderedCallback(): void {
        for (const ranked of this.specialists ?? []) {
            const id = ranked.specialist.id;
            if (this.requestedUrls.has(id)) continue;
            this.requestedUrls.add(id);
            this[NavigationMixin.GenerateUrl](specialistPage(id))
                .then((url: string) => {
                    this.recordUrls = { ...this.recordUrls, [id]: url };
                })
                .catch(() => {
                    // The fallback URL stays, and a click navigates through the platform.
                });
        }
    }

    handleOpenSpecialist(event: Event): void {
        event.preventDefault();
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (id) this[NavigationMixin.Navigate](specialistPage(id));
    }

    handleToggleConnect(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        this.connectingId = this.connectingId === id ? undefined : id;
    }

    handleConnectCancel(): void {
        const id = this.connectingId;
        this.connectingId = undefined;
        this.template?.querySelector<HTMLElement>(`button.connect[data-id="${id}"]`)?.focus();
    }

    /** A touchpoint was logged: close the form and pass the news up (the panel refreshes the ranking). */
    handleConnectSaved(event: CustomEvent<{ connectionId: string; specialistId: string; action: string }>): void {
        this.connectingId = undefined;
        this.dispatchEvent(new CustomEvent('saved', { detail: { ...event.detail } }));
    }

    handleToggleReasons(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        this.expandedIds = this.expandedIds.includes(id)
            ? this.expandedIds.filter((expandedId) => expandedId !== id)
            : [...this.expandedIds, id];
    }
}
