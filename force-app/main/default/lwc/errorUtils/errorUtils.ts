/**
 * The one place that turns server and client errors into messages a rep can read. Every component shows
 * errors through `reduceErrors` (usually via `c-error-panel`), so Apex `AuraHandledException` messages, UI API
 * errors, DML field errors, network failures and JavaScript errors all read the same way.
 */

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
    return typeof value === 'object' && value !== null;
}

function messagesOf(list: unknown): string[] {
    return Array.isArray(list)
        ? list.map((entry) => (isRecord(entry) && typeof entry.message === 'string' ? entry.message : ''))
        : [];
}

/** The messages carried by one error, in the order the platform reports them. */
function messagesFromError(error: unknown): string[] {
    if (typeof error === 'string') {
        return [error];
    }
    if (!isRecord(error)) {
        return [];
    }
    const body = error.body;
    // UI API read errors: an array of { message }
    if (Array.isArray(body)) {
        return messagesOf(body);
    }
    if (isRecord(body)) {
        // DML errors from the UI API or Apex: page errors and field errors
        const output = body.output;
        if (isRecord(output)) {
            const found = messagesOf(output.errors);
            const fieldErrors = output.fieldErrors;
            if (isRecord(fieldErrors)) {
                Object.values(fieldErrors).forEach((list) => found.push(...messagesOf(list)));
            }
            if (found.some((message) => message)) {
                return found;
            }
        }
        const pageErrors = messagesOf(body.pageErrors);
        if (pageErrors.some((message) => message)) {
            return pageErrors;
        }
        // Apex (AuraHandledException), UI API DML and network errors
        if (typeof body.message === 'string') {
            return [body.message];
        }
    }
    // JavaScript errors
    if (typeof error.message === 'string') {
        return [error.message];
    }
    // Unknown shape: the HTTP status text, when there is one
    return typeof error.statusText === 'string' ? [error.statusText] : [];
}

/**
 * Reduces one or more errors (Apex, UI API, fetch or JavaScript) to the non-empty messages they carry.
 * Never throws; an error with no readable message contributes nothing.
 */
export function reduceErrors(errors: unknown): string[] {
    const list: unknown[] = Array.isArray(errors) ? errors : [errors];
    return list
        .filter((error) => error !== null && error !== undefined)
        .flatMap((error) => messagesFromError(error))
        .filter((message) => message.trim().length > 0);
}
