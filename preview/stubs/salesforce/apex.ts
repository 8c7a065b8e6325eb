/** Stand-in for `@salesforce/apex`: refreshApex re-runs the preview adapter's wire. */
export { refreshApex } from '../../adapter/apexModules';

/** Reads a field from a record the way the platform's helper does (`field` is an `@salesforce/schema` import). */
export function getSObjectValue(record: Record<string, unknown>, field: string | { fieldApiName: string }): unknown {
    const path = typeof field === 'string' ? field : field.fieldApiName;
    return path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], record);
}
