import { LightningElement, api } from 'lwc';
import type { OfferingInfo, OfferingSeller } from 'c/crossSellEngine';
import { formatLabel } from 'c/labelUtils';
import HEADING from '@salesforce/label/c.Crossway_Learn_Heading';
import VALUE_PROPOSITION from '@salesforce/label/c.Crossway_Learn_ValueProposition';
import QUESTIONS from '@salesforce/label/c.Crossway_Learn_DiscoveryQuestions';
import SELLERS from '@salesforce/label/c.Crossway_Learn_Sellers';
import SELLER_WINS from '@salesforce/label/c.Crossway_Learn_SellerWins';
import NO_VALUE_PROPOSITION from '@salesforce/label/c.Crossway_Learn_NoValueProposition';
import NO_QUESTIONS from '@salesforce/label/c.Crossway_Learn_NoQuestions';
import NO_SELLERS from '@salesforce/label/c.Crossway_Learn_NoSellers';
import SPECIALIST from '@salesforce/label/c.Crossway_Learn_SellerIsSpecialist';

/**
 * Learn an unfamiliar offering on the spot: what it is, why a client buys it (value proposition), what to ask
 * (discovery questions) and who in the firm has sold it, to ask for a story or an introduction.
 */
export default class LearnCard extends LightningElement {
    @api offering: OfferingInfo | undefined;
    /** Firm-wide top sellers of the offering, most wins first (names and counts only). */
    @api topSellers: OfferingSeller[] = [];

    labels = {
        valueProposition: VALUE_PROPOSITION,
        questions: QUESTIONS,
        sellers: SELLERS,
        noValueProposition: NO_VALUE_PROPOSITION,
        noQuestions: NO_QUESTIONS,
        noSellers: NO_SELLERS,
        specialist: SPECIALIST
    };

    get heading(): string {
        return formatLabel(HEADING, this.offering?.name);
    }

    get summary(): string | null {
        return this.offering?.summary ?? null;
    }

    get valueProposition(): string | null {
        return this.offering?.valueProposition ?? null;
    }

    /** Discovery questions are stored one per line. */
    get questions(): { key: string; text: string }[] {
        return (this.offering?.discoveryQuestions ?? '')
            .split(/\r?\n/)
            .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
            .filter((line) => line.length > 0)
            .map((text, index) => ({ key: `q${index}`, text }));
    }

    get hasQuestions(): boolean {
        return this.questions.length > 0;
    }

    get sellers(): { key: string; text: string; isSpecialist: boolean }[] {
        return (this.topSellers ?? []).map((seller, index) => ({
            key: `${index}-${seller.name}`,
            text: formatLabel(SELLER_WINS, seller.name, seller.wins),
            isSpecialist: !!seller.specialistId
        }));
    }

    get hasSellers(): boolean {
        return this.sellers.length > 0;
    }
}
