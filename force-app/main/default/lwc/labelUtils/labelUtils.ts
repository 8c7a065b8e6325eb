/**
 * Fills a custom label's `{0}`, `{1}`... placeholders, the way Apex's String.format does, so sentences with
 * numbers and names stay translatable as whole labels.
 */
const PLACEHOLDER = /\{(\d+)\}/g;

export function formatLabel(template: string, ...values: (string | number | null | undefined)[]): string {
    return template.replace(PLACEHOLDER, (_match: string, index: string) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? '' : String(value);
    });
}
