import { REASON_LABELS } from 'c/reasonLabels';
import { REASON_KEYS, formatReason } from 'c/crossSellEngine';

describe('c/reasonLabels', () => {
    it('has a label for every reason key the engine can give', () => {
        const missing = REASON_KEYS.filter((key: string) => !(key in REASON_LABELS));
        expect(missing).toEqual([]);
        expect(REASON_KEYS.length).toBeGreaterThan(0);
    });

    it('maps each key to its own label, not a neighbour', () => {
        // In Jest a label import resolves to its own path, so a swapped import would show here.
        for (const [key, value] of Object.entries(REASON_LABELS)) {
            expect(value).toBe(`c.${key}`);
        }
    });

    it('has no label the engine never gives', () => {
        expect(Object.keys(REASON_LABELS).sort()).toEqual([...REASON_KEYS].sort());
    });

    it('formats a reason with its label', () => {
        const text = formatReason(
            { key: 'Crossway_Reason_IndustryFit', values: ['Banking'] },
            {
                ...REASON_LABELS,
                Crossway_Reason_IndustryFit: 'Fits {0} (a target industry)'
            }
        );
        expect(text).toBe('Fits Banking (a target industry)');
    });
});
