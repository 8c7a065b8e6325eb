import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toastText } from '../app/toasts';
import { NavigationMixin, pageReferenceToUrl } from './lightning/navigation';
import { SHOW_TOAST_EVENT_NAME, ShowToastEvent } from './lightning/platformShowToastEvent';

describe('platform stand-ins', () => {
    const globals = globalThis as unknown as { window?: unknown };
    const hadWindow = 'window' in globals;
    before(() => {
        globals.window = { location: { pathname: '/', search: '?account=CW-ACC-0001&rep=rep.jamie' } };
    });
    after(() => {
        if (!hadWindow) delete globals.window;
    });

    it('ShowToastEvent is the platform event: its name, bubbling and composed, with the parameters', () => {
        const event = new ShowToastEvent({ title: 'Attempt logged', message: 'Done', variant: 'success' });
        assert.equal(event.type, SHOW_TOAST_EVENT_NAME);
        assert.equal(event.type, 'lightning__showtoast');
        assert.equal(event.bubbles, true);
        assert.equal(event.composed, true);
        assert.deepEqual(event.detail, { title: 'Attempt logged', message: 'Done', variant: 'success' });
    });

    it('toasts fill {0} placeholders from messageData, links by their label', () => {
        assert.equal(
            toastText({
                title: 't',
                message: '{0} was saved by {1}',
                messageData: [{ url: '/x', label: 'Deal' }, 'Alex']
            }),
            'Deal was saved by Alex'
        );
        assert.equal(toastText({ title: 't', message: 'Missing {2}' }), 'Missing {2}');
        assert.equal(toastText({ title: 't' }), '');
    });

    it('an Account record page opens that account in the preview, keeping the rep', () => {
        const url = pageReferenceToUrl({
            type: 'standard__recordPage',
            attributes: { recordId: 'CW-ACC-0002', objectApiName: 'Account', actionName: 'view' }
        });
        assert.equal(url, '/?account=CW-ACC-0002&rep=rep.jamie');
    });

    it('other pages get their Lightning path (the server explains they are not in the preview)', () => {
        assert.equal(
            pageReferenceToUrl({
                type: 'standard__recordPage',
                attributes: { recordId: 'CW-OPP-0001', objectApiName: 'Opportunity' }
            }),
            '/lightning/r/Opportunity/CW-OPP-0001/view'
        );
        assert.equal(
            pageReferenceToUrl({ type: 'standard__webPage', attributes: { url: 'https://example.com/' } }),
            'https://example.com/'
        );
        assert.equal(
            pageReferenceToUrl({
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Report', actionName: 'home' }
            }),
            '/lightning/o/Report/home'
        );
    });

    it('NavigationMixin adds Navigate and GenerateUrl to a component class', async () => {
        class Base {}
        const Mixed = NavigationMixin(Base);
        const component = new Mixed() as unknown as Record<symbol, (ref: unknown) => Promise<string>>;
        assert.equal(typeof component[NavigationMixin.Navigate], 'function');
        assert.equal(
            await component[NavigationMixin.GenerateUrl]({
                type: 'standard__recordPage',
                attributes: { recordId: 'CW-ACC-0003', objectApiName: 'Account' }
            }),
            '/?account=CW-ACC-0003&rep=rep.jamie'
        );
    });
});
