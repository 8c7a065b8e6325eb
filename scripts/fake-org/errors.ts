/** Salesforce-shaped errors: per-record `{ statusCode, message, fields }` and request-level `{ errorCode, message }`. */
export interface RecordError {
    statusCode: string;
    message: string;
    fields: string[];
}

export interface SaveResult {
    id: string | null;
    success: boolean;
    errors: RecordError[];
    created?: boolean;
}

/** A failure of a whole request (HTTP 4xx/5xx with a JSON array body). */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
        readonly fields: string[] = []
    ) {
        super(message);
    }

    body(): { errorCode: string; message: string; fields?: string[] }[] {
        return [
            { errorCode: this.errorCode, message: this.message, ...(this.fields.length ? { fields: this.fields } : {}) }
        ];
    }
}

/** A failure of one record, reported in its save result. */
export class RecordFailure extends Error {
    constructor(
        readonly statusCode: string,
        message: string,
        readonly fields: string[] = []
    ) {
        super(message);
    }

    toError(): RecordError {
        return { statusCode: this.statusCode, message: this.message, fields: this.fields };
    }
}
