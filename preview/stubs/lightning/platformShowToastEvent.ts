/**
 * Stand-in for `lightning/platformShowToastEvent`. The event is the platform's (same name, bubbling and
 * composed); the preview page listens for it and shows an SLDS toast, as the Lightning Experience shell does.
 */
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export interface ShowToastEventParams {
    title: string;
    message?: string;
    messageData?: unknown[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ShowToastEventParams> {
    constructor(params: ShowToastEventParams) {
        super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail: params });
    }
}
