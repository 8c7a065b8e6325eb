/**
 * Apex source prepared for pattern matching: comments blanked and string literals' contents blanked, with every
 * character kept at its offset (newlines too), so positions found in the masked text are positions in the file.
 */

export interface ApexText {
    /** The original source. */
    source: string;
    /** The source with comments and string contents replaced by spaces (quotes kept). */
    masked: string;
    /** One-based line and column of an offset. */
    position(offset: number): { line: number; column: number };
}

export function apexText(source: string): ApexText {
    const out = source.split('');
    let i = 0;
    const blank = (from: number, to: number): void => {
        for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
    };
    while (i < source.length) {
        const c = source[i];
        const next = source[i + 1];
        if (c === '/' && next === '/') {
            const end = source.indexOf('\n', i);
            const stop = end < 0 ? source.length : end;
            blank(i, stop);
            i = stop;
        } else if (c === '/' && next === '*') {
            const end = source.indexOf('*/', i + 2);
            const stop = end < 0 ? source.length : end + 2;
            blank(i, stop);
            i = stop;
        } else if (c === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== "'" && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
            blank(i + 1, Math.min(j, source.length));
            i = j + 1;
        } else {
            i++;
        }
    }
    const masked = out.join('');
    const lineStarts = [0];
    for (let k = 0; k < source.length; k++) if (source[k] === '\n') lineStarts.push(k + 1);
    return {
        source,
        masked,
        position(offset) {
            let lo = 0;
            let hi = lineStarts.length - 1;
            while (lo < hi) {
                const mid = (lo + hi + 1) >> 1;
                if (lineStarts[mid]! <= offset) lo = mid;
                else hi = mid - 1;
            }
            return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
        }
    };
}

/** Offset of the bracket closing the one at `open` (same kind), skipping nested pairs; -1 when unbalanced. */
export function matchingBracket(masked: string, open: number): number {
    const opener = masked[open];
    const closer = opener === '[' ? ']' : opener === '(' ? ')' : '}';
    let depth = 0;
    for (let i = open; i < masked.length; i++) {
        if (masked[i] === opener) depth++;
        else if (masked[i] === closer && --depth === 0) return i;
    }
    return -1;
}
