/**
 * The preview page: an Account record page with the Crossway panel, over the sample data set. The address
 * says what is shown: `?account=CW-ACC-0001&rep=rep.alex` (plus the adapter's `fail` and `latency` switches,
 * see ../adapter/previewBackend.ts). Switching the account sets the panel's recordId, as record navigation
 * does; switching the rep acts as that user and reloads the panel, as logging in as them would.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CrossSellPanel from 'c/crossSellPanel';
import { setApexBackend } from '../adapter/apexModules';
import { PreviewBackend, switchesFromQuery } from '../adapter/previewBackend';
import { PreviewOrg } from '../adapter/previewOrg';
import { setCurrentUserId } from '../adapter/session';
import { errorLabels, sampleData } from './data';
import { listenForToasts } from './toasts';

const DEFAULT_ACCOUNT = 'CW-ACC-0001';

interface PreviewState {
    account: string;
    rep: string;
}

function byId<T extends HTMLElement>(id: string): T {
    const found = document.getElementById(id);
    if (!found) throw new Error(`The page has no #${id}.`);
    return found as T;
}

function readState(): PreviewState {
    const params = new URLSearchParams(window.location.search);
    const reps = sampleData.users.filter((u) => u.role === 'Rep');
    const account =
        sampleData.accounts.find((a) => a.External_Id__c === params.get('account')) ??
        sampleData.accounts.find((a) => a.External_Id__c === DEFAULT_ACCOUNT) ??
        sampleData.accounts[0];
    // by default the preview acts as the account's owner, as the rep who opens their own account
    const rep =
        reps.find((u) => u.key === params.get('rep')) ?? reps.find((u) => u.key === account.ownerKey) ?? reps[0];
    return { account: account.External_Id__c, rep: rep.key };
}

function writeState(state: PreviewState): void {
    const params = new URLSearchParams(window.location.search);
    params.set('account', state.account);
    params.set('rep', state.rep);
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
}

function fillSelects(state: PreviewState): void {
    const accounts = byId<HTMLSelectElement>('account-select');
    const sorted = [...sampleData.accounts].sort((a, b) => a.Name.localeCompare(b.Name));
    accounts.replaceChildren(...sorted.map((a) => new Option(a.Name, a.External_Id__c)));
    accounts.value = state.account;
    const reps = byId<HTMLSelectElement>('rep-select');
    reps.replaceChildren(...sampleData.users.filter((u) => u.role === 'Rep').map((u) => new Option(u.name, u.key)));
    reps.value = state.rep;
}

function showAccount(state: PreviewState): void {
    const account = sampleData.accounts.find((a) => a.External_Id__c === state.account);
    if (!account) return;
    const owner = sampleData.users.find((u) => u.key === account.ownerKey);
    byId('account-name').textContent = account.Name;
    document.title = `${account.Name} | Crossway preview`;
    const facts: [string, string][] = [
        ['Industry', account.Industry ?? 'None'],
        ['Employees', account.NumberOfEmployees.toLocaleString('en-US')],
        ['Country', account.BillingCountry],
        ['Account owner', owner?.name ?? account.ownerKey]
    ];
    byId('account-facts').replaceChildren(
        ...facts.map(([label, value]) => {
            const item = document.createElement('li');
            item.className = 'slds-page-header__detail-block';
            const title = document.createElement('div');
            title.className = 'slds-text-title slds-truncate';
            title.textContent = label;
            const text = document.createElement('div');
            text.className = 'slds-truncate';
            text.textContent = value;
            item.append(title, text);
            return item;
        })
    );
}

function mountPanel(recordId: string): HTMLElement & { recordId?: string } {
    const region = byId('panel-region');
    const panel = createElement('c-cross-sell-panel', { is: CrossSellPanel }) as HTMLElement & { recordId?: string };
    panel.recordId = recordId;
    region.replaceChildren(panel);
    return panel;
}

function start(): void {
    // marks for `npm run bench:paint`, which prints where the time to the first panel paint goes
    performance.mark('preview:modules-evaluated');
    const state = readState();
    // the page reads only accounts and users from the data set, which the org never changes: no copy needed
    const org = new PreviewOrg({ data: sampleData, adopt: true, labels: errorLabels, repKey: state.rep });
    performance.mark('preview:org-ready');
    setApexBackend(new PreviewBackend(org, switchesFromQuery(window.location.search)));
    setCurrentUserId(state.rep);
    listenForToasts(byId('toast-region'));
    writeState(state);
    fillSelects(state);
    showAccount(state);
    let panel = mountPanel(state.account);
    performance.mark('preview:panel-mounted');

    byId<HTMLSelectElement>('account-select').addEventListener('change', (event) => {
        state.account = (event.target as HTMLSelectElement).value;
        writeState(state);
        showAccount(state);
        panel.recordId = state.account;
    });
    byId<HTMLSelectElement>('rep-select').addEventListener('change', (event) => {
        state.rep = (event.target as HTMLSelectElement).value;
        org.actAs(state.rep);
        setCurrentUserId(state.rep);
        writeState(state);
        panel = mountPanel(state.account);
    });
    byId('preview-controls').addEventListener('submit', (event) => event.preventDefault());
}

start();
