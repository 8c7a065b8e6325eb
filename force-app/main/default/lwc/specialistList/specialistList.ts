import { LightningElement, api } from 'lwc';
import { formatReason } from 'c/crossSellEngine';
import type { ExpertiseLevel, RankedSpecialist } from 'c/crossSellEngine';
import { REASON_LABELS } from 'c/reasonLabels';
import { formatLabel } from 'c/labelUtils';
import HEADING from '@salesforce/label/c.Crossway_Specialists_Heading';
import NONE from '@salesforce/label/c.Crossway_Specialists_None';
import NO_USER from '@salesforce/label/c.Crossway_Specialists_NoUser';
import UNAVAILABLE from '@salesforce/label/c.Crossway_Specialists_Unavailable';
import WHY from '@salesforce/label/c.Crossway_Specialists_Why';
import LEVEL_PRACTITIONER from '@salesforce/label/c.Crossway_Level_Practitioner';
import LEVEL_EXPERT from '@salesforce/label/c.Crossway_Level_Expert';
import LEVEL_LEAD from '@salesforce/label/c.Crossway_Level_Lead';

const LEVEL_LABELS: Record<ExpertiseLevel, string> = {
    Practitioner: LEVEL_PRACTITIONER,
    Expert: LEVEL_EXPERT,
    Lead: LEVEL_LEAD
};

interface SpecialistView {
    id: string;
    name: string;
    subtitle: string;
    level: string;
    noUser: boolean;
    unavailable: boolean;
    email: string | null;
    emailHref: string | null;
    reasons: { key: string; text: string }[];
    reasonsLabel: string;
}

/**
 * The colleagues suggested for one offering, best first, each with why a rep can trust them: expertise,
 * track record, shared history, rating, knowledge of the account and free capacity. Specialists without a
 * Salesforce user are listed too, with their email.
 */
export default class SpecialistList extends LightningElement {
    /** Ranked specialists from the engine. */
    @api specialists: RankedSpecialist[] = [];

    labels = { heading: HEADING, none: NONE, noUser: NO_USER, unavailable: UNAVAILABLE };

    get hasSpecialists(): boolean {
        return this.items.length > 0;
    }

    get items(): SpecialistView[] {
        return (this.specialists ?? []).map((ranked) => {
            const { specialist } = ranked;
            return {
                id: specialist.id,
                name: specialist.name,
                subtitle: [specialist.title, specialist.businessUnit].filter((part) => !!part).join(' · '),
                level: LEVEL_LABELS[ranked.level],
                noUser: !specialist.userId,
                unavailable: !ranked.available,
                email: specialist.email,
                emailHref: specialist.email ? `mailto:${specialist.email}` : null,
                reasons: ranked.reasons.map((reason, index) => ({
                    key: `${specialist.id}-${index}`,
                    text: formatReason(reason, REASON_LABELS)
                })),
                reasonsLabel: formatLabel(WHY, specialist.name)
            };
        });
    }
}
