/** Salesforce-shaped record ids: a 3-character key prefix, 12 characters, and the 3-character case checksum. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character id (each suffix letter encodes which of 5 characters are upper case). */
export function to18(id15: string): string {
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15[block * 5 + i];
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += CHECKSUM[bits];
    }
    return id15 + suffix;
}

export function makeId(keyPrefix: string, serial: number): string {
    let body = '';
    let n = serial;
    for (let i = 0; i < 9; i++) {
        body = BASE62[n % 62] + body;
        n = Math.floor(n / 62);
    }
    return to18(`${keyPrefix}5g0${body}`);
}

/** Accepts a 15- or 18-character id and returns the 18-character form, or null if it is not an id. */
export function normalizeId(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    if (/^[a-zA-Z0-9]{18}$/.test(value)) return to18(value.slice(0, 15)) === value ? value : null;
    if (/^[a-zA-Z0-9]{15}$/.test(value)) return to18(value);
    return null;
}
