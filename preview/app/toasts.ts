/**
 * Shows `lightning__showtoast` events (ShowToastEvent) as SLDS toasts, as the Lightning Experience shell does:
 * success and info toasts close by themselves after a few seconds, error and warning toasts and sticky ones
 * stay until closed.
 */
import { SHOW_TOAST_EVENT_NAME, type ShowToastEventParams } from '../stubs/lightning/platformShowToastEvent';

const ICONS: Record<string, string> = { success: 'success', error: 'error', warning: 'warning', info: 'info' };
const STAYS_MS = 6000;

/** Fills `{0}`... in a toast message with messageData (plain values or `{ label }` links). */
export function toastText(params: ShowToastEventParams): string {
    const data = params.messageData ?? [];
    return (params.message ?? '').replace(/\{(\d+)\}/g, (match, index: string) => {
        const item = data[Number(index)];
        if (item === undefined) return match;
        if (item && typeof item === 'object' && 'label' in item) return String((item as { label: unknown }).label);
        return String(item);
    });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
}

function svgIcon(sprite: string, name: string, className: string): SVGSVGElement {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', `/assets/icons/${sprite}-sprite/svg/symbols.svg#${name}`);
    svg.appendChild(use);
    return svg;
}

export function showToast(region: HTMLElement, params: ShowToastEventParams): HTMLElement {
    const variant = params.variant && ICONS[params.variant] ? params.variant : 'info';
    const container = element('div', 'slds-notify_container slds-is-relative');
    const toast = element('div', `slds-notify slds-notify_toast slds-theme_${variant}`);
    toast.setAttribute('role', variant === 'error' || variant === 'warning' ? 'alert' : 'status');
    toast.appendChild(element('span', 'slds-assistive-text', variant));
    const icon = element('span', `slds-icon_container slds-icon-utility-${variant} slds-m-right_small`);
    icon.appendChild(svgIcon('utility', ICONS[variant], 'slds-icon slds-icon_small'));
    toast.appendChild(icon);
    const body = element('div', 'slds-notify__content');
    body.appendChild(element('h2', 'slds-text-heading_small', params.title));
    const text = toastText(params);
    if (text) body.appendChild(element('p', '', text));
    toast.appendChild(body);
    const close = element('button', 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close');
    close.type = 'button';
    close.title = 'Close';
    close.appendChild(svgIcon('utility', 'close', 'slds-button__icon slds-button__icon_large'));
    close.appendChild(element('span', 'slds-assistive-text', 'Close'));
    close.addEventListener('click', () => container.remove());
    toast.appendChild(close);
    container.appendChild(toast);
    region.appendChild(container);
    const sticky =
        params.mode === 'sticky' || (params.mode !== 'dismissible' && (variant === 'error' || variant === 'warning'));
    if (!sticky) setTimeout(() => container.remove(), STAYS_MS);
    return container;
}

/** Listens for toasts from anywhere in the page. */
export function listenForToasts(region: HTMLElement): void {
    document.addEventListener(SHOW_TOAST_EVENT_NAME, (event) => {
        showToast(region, (event as CustomEvent<ShowToastEventParams>).detail);
    });
}
