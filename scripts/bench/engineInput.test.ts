import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benchPanelData, BASE_SIZE } from './engineInput';
import { rankPanel } from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';

describe('engine benchmark input', () => {
    const size = { offerings: 30, specialists: 200, expertise: 2000 };
    const data = benchPanelData(size);

    it('has the asked sizes, with expertise spread over every offering', () => {
        assert.equal(data.offerings.length, 30);
        assert.equal(data.specialists.length, 200);
        assert.equal(data.expertise.length, 2000);
        assert.equal(data.specialistStats.length, 2000);
        assert.equal(new Set(data.expertise.map((e) => e.offeringId)).size, 30);
        assert.deepEqual(BASE_SIZE, { offerings: 300, specialists: 2000, expertise: 20000 });
    });

    it('is the same every time and survives a JSON round trip', () => {
        assert.deepEqual(benchPanelData(size), data);
        assert.deepEqual(JSON.parse(JSON.stringify(data)), data);
    });

    it('ranks into a full panel: listed offerings each with specialists', () => {
        const ranking = rankPanel(data);
        assert.equal(ranking.offerings.length, 10);
        assert.ok(ranking.hiddenCount > 0);
        assert.ok(ranking.excluded.length > 0);
        for (const offering of ranking.offerings) assert.equal(offering.specialists.length, 3);
    });
});
