import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { apexMethod, refreshApex, setApexBackend, type WiredValue } from './apexModules';

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => setApexBackend(null));

describe('Apex imports in the preview', () => {
    it('calls the backend with a copy of the parameters and returns a copy of the result', async () => {
        const shared = { name: 'Acme' };
        let received: Record<string, unknown> = {};
        setApexBackend({
            invoke(method, params) {
                received = { method, ...params };
                return shared;
            }
        });
        const params = { accountId: '001A' };
        const result = (await apexMethod('CrossSellController.logAttempt')(params)) as { name: string };
        assert.deepEqual(received, { method: 'CrossSellController.logAttempt', accountId: '001A' });
        assert.deepEqual(result, { name: 'Acme' });
        assert.notEqual(result, shared, 'the caller cannot change the backend data through the result');
    });

    it("rejects with the platform's error shape and the backend's message", async () => {
        setApexBackend({
            invoke() {
                throw new Error('Choose a status.');
            }
        });
        await assert.rejects(apexMethod('CrossSellController.updateAttempt')({}), (error: unknown) => {
            const e = error as { status: number; body: { message: string } };
            assert.equal(e.status, 500);
            assert.equal(e.body.message, 'Choose a status.');
            return true;
        });
    });

    it('makes only cacheable methods wireable', () => {
        assert.equal(typeof apexMethod('CrossSellController.getPanelData').adapter, 'function');
        assert.equal(apexMethod('CrossSellController.logAttempt').adapter, undefined);
    });

    it('wires like the platform: waits for defined parameters, provisions frozen data, refreshes', async () => {
        let calls = 0;
        setApexBackend({
            invoke(_method, params) {
                calls += 1;
                return { account: { id: params.accountId, call: calls } };
            }
        });
        const Adapter = apexMethod('CrossSellController.getPanelData').adapter!;
        const values: WiredValue[] = [];
        const wire = new Adapter((value) => values.push(value));
        wire.update({ accountId: undefined });
        wire.connect();
        await settle();
        assert.equal(calls, 0, 'no call while the record id is undefined');

        wire.update({ accountId: '001A' });
        await settle();
        assert.equal(values.length, 1);
        const first = values[0].data as { account: { id: string; call: number } };
        assert.deepEqual(first, { account: { id: '001A', call: 1 } });
        assert.ok(Object.isFrozen(first.account), 'wired data is read-only, as in an org');

        wire.update({ accountId: '001A' });
        await settle();
        assert.equal(calls, 1, 'the same parameters do not call again (cacheable)');

        await refreshApex(values[0]);
        assert.equal(values.length, 2);
        assert.deepEqual(values[1].data, { account: { id: '001A', call: 2 } });
        await refreshApex({ data: 'not wired' });
        assert.equal(calls, 2, 'refreshing a value no wire provisioned does nothing');
    });

    it('provisions an error, and the newest request wins', async () => {
        const pending: ((value: unknown) => void)[] = [];
        setApexBackend({
            invoke(_method, params) {
                if (params.accountId === 'bad') throw new Error('No such account.');
                return new Promise((resolve) => pending.push(() => resolve({ id: params.accountId })));
            }
        });
        const Adapter = apexMethod('CrossSellController.getPanelData').adapter!;
        const values: WiredValue[] = [];
        const wire = new Adapter((value) => values.push(value));
        wire.connect();
        wire.update({ accountId: 'slow' });
        await settle();
        wire.update({ accountId: 'fast' });
        await settle();
        pending[1]({});
        pending[0]({});
        await settle();
        assert.deepEqual(
            values.map((v) => v.data),
            [{ id: 'fast' }],
            'the older, slower answer is dropped'
        );

        wire.update({ accountId: 'bad' });
        await settle();
        const last = values[values.length - 1];
        assert.equal(last.data, undefined);
        assert.equal((last.error as { body: { message: string } }).body.message, 'No such account.');
    });
});
