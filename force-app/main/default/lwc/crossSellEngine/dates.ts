/**
 * Calendar arithmetic on `YYYY-MM-DD` strings (a Datetime string is read by its date part). Days are
 * counted in UTC so the result never depends on the browser's time zone.
 */
const MS_PER_DAY = 86400000;

/** Days since 1970-01-01 for a date string, or null when missing or malformed. */
export function dayNumber(date: string | null | undefined): number | null {
    if (typeof date !== 'string' || date.length < 10) return null;
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** `YYYY-MM-DD` for a day number. */
export function isoDate(days: number): string {
    return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today as a day number: the server's date when given, else the local clock's UTC date. */
export function todayNumber(today: string | null | undefined): number {
    return dayNumber(today) ?? Math.floor(Date.now() / MS_PER_DAY);
}
