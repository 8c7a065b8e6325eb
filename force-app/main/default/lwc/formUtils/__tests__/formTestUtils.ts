/**
 * What the Jest tests of the panel's forms (log an attempt, dismiss, log a touchpoint, update an attempt) share:
 * mounting a component, reaching into its shadow tree, editing its inputs as the rep would, submitting, and
 * recording the toasts and events it sends. Each test still mocks its own Apex method with a one-line
 * `jest.mock(..., () => ({ default: jest.fn() }), { virtual: true })`: Jest hoists that call above the imports,
 * so it cannot come from here.
 *
 * Not a test suite: jest.config.js runs only `*.test.ts` files under `__tests__`.
 */
import { createElement } from 'lwc';

const PANEL_DATA = require('../../crossSellPanel/__tests__/data/panelData.json');

/** The account of the test data. */
export const ACCOUNT_ID = '001Hs00001AcmeBAAA';

/** The test data (what `getPanelData` returns for the account), a fresh copy a call. */
export function panelData(): any {
    return JSON.parse(JSON.stringify(PANEL_DATA));
}

/** An element of a component's tree with the properties tests read and set (base components' `@api` values). */
export type Field = HTMLElement & Record<string, any>;

// A macrotask lets the Apex promise and the re-render settle (tests only).
// eslint-disable-next-line @lwc/lwc/no-async-operation
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Creates the component with its public properties set and puts it in the document. */
export function mount(tag: string, is: unknown, props: Record<string, unknown>): HTMLElement {
    const element = createElement(tag, { is: is as any });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** Takes every mounted component out of the document and forgets the mocks' calls (for `afterEach`). */
export function cleanUp(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
}

/** The first element of the component's shadow tree that matches the selector (null when none does). */
export const q = (element: HTMLElement, selector: string): Field =>
    element.shadowRoot!.querySelector(selector) as Field;

/** Sets an input's value and fires its `change` event, as the rep's edit would. */
export function change(element: HTMLElement, selector: string, value: string): void {
    const input = q(element, selector);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** Edits several inputs, each named by its selector, in order. */
export function fill(element: HTMLElement, values: Record<string, string>): void {
    for (const [selector, value] of Object.entries(values)) change(element, selector, value);
}

/** Clicks a button and lets what it starts settle. */
export async function press(element: HTMLElement, selector: string): Promise<void> {
    q(element, selector).click();
    await flush();
}

/** Presses Save. */
export const submit = (element: HTMLElement): Promise<void> => press(element, 'button.save');

/** The error panel listing the rep's input problems. */
export const inputProblems = (element: HTMLElement): Field => q(element, 'c-error-panel.invalid');

/** The error panel showing the server's error. */
export const serverError = (element: HTMLElement): Field => q(element, 'c-error-panel.server-error');

/** What a component has sent so far: the details of its toasts, `saved` and `cancel` events. */
export interface Sent {
    toasts: any[];
    saved: any[];
    cancel: any[];
}

/** Starts recording what the component sends (call before the rep acts). */
export function listen(element: HTMLElement): Sent {
    const sent: Sent = { toasts: [], saved: [], cancel: [] };
    const record = (type: string, into: any[]): void =>
        element.addEventListener(type, (event) => into.push((event as CustomEvent).detail));
    record('lightning__showtoast', sent.toasts);
    record('saved', sent.saved);
    record('cancel', sent.cancel);
    return sent;
}
