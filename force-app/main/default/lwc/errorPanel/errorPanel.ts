import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errorUtils';
import GENERIC_ERROR from '@salesforce/label/c.Crossway_Error_Generic';

/**
 * Shows an error to the rep: a short friendly sentence and every message the server sent, announced to
 * screen readers as an alert.
 */
export default class ErrorPanel extends LightningElement {
    /** One error or a list of errors, in any shape `reduceErrors` understands. */
    @api errors: unknown;
    /** The sentence above the details; defaults to a generic "something went wrong". */
    @api friendlyMessage: string | undefined;

    get heading(): string {
        return this.friendlyMessage || GENERIC_ERROR;
    }

    get messages(): { key: string; text: string }[] {
        return reduceErrors(this.errors).map((text, index) => ({ key: `${index}`, text }));
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }
}
