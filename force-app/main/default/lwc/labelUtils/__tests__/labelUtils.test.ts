import { formatLabel } from 'c/labelUtils';

describe('c/labelUtils formatLabel', () => {
    it('fills numbered placeholders in any order and more than once', () => {
        expect(formatLabel('{1} of {0}, {1} again', 'ten', 3)).toBe('3 of ten, 3 again');
    });

    it('renders missing, null and undefined values as empty text', () => {
        expect(formatLabel('a{0}b{1}c{2}', null, undefined)).toBe('abc');
    });

    it('leaves text without placeholders unchanged', () => {
        expect(formatLabel('No placeholders')).toBe('No placeholders');
    });
});
