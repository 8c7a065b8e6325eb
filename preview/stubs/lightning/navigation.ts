/**
 * Stand-in for `lightning/navigation`. NavigationMixin turns a page reference into a preview URL and follows
 * it: an Account record page opens that account in the preview; any other record or page opens its
 * Salesforce-style path under the preview, where the page shell explains it is not part of the preview.
 * A web page reference follows its URL. CurrentPageReference provisions the Account record page.
 */
export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** The URL the preview uses for a page reference. */
export function pageReferenceToUrl(ref: PageReference): string {
    const attributes = ref.attributes ?? {};
    if (ref.type === 'standard__webPage' && typeof attributes.url === 'string') return attributes.url;
    if (ref.type === 'standard__recordPage' && typeof attributes.recordId === 'string') {
        const objectApiName = typeof attributes.objectApiName === 'string' ? attributes.objectApiName : '';
        // an Account by name, by Salesforce key prefix, or by the sample data's external id
        const id = attributes.recordId;
        if (objectApiName === 'Account' || id.startsWith('001') || id.startsWith('CW-ACC-')) {
            const params = new URLSearchParams(window.location.search);
            params.set('account', id);
            return `${window.location.pathname}?${params.toString()}`;
        }
        return `/lightning/r/${objectApiName || 'record'}/${id}/view`;
    }
    if (ref.type === 'standard__objectPage' && typeof attributes.objectApiName === 'string') {
        return `/lightning/o/${attributes.objectApiName}/${String(attributes.actionName ?? 'home')}`;
    }
    return '/lightning/page/home';
}

type Constructor<T = object> = new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

function mixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [Navigate](pageReference: PageReference, replace = false): void {
            const url = pageReferenceToUrl(pageReference);
            if (replace) window.location.replace(url);
            else window.location.assign(url);
        }

        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(pageReferenceToUrl(pageReference));
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl } as const);

/** Wire adapter: the page the component sits on (the Account record page of the preview). */
export class CurrentPageReference {
    constructor(private readonly callback: (value: PageReference) => void) {}

    connect(): void {
        const recordId = new URLSearchParams(window.location.search).get('account') ?? undefined;
        this.callback({
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Account', actionName: 'view' },
            state: {}
        });
    }

    disconnect(): void {}

    update(): void {}
}
