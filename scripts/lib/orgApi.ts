/**
 * The few Salesforce REST calls the scripts make, over a jsforce connection, each counted as one API call:
 * Composite requests (up to 25 subrequests, at most 5 of them sObject Collections or queries: one call for up
 * to 1,000 records or 5 query pages), and Bulk API 2.0 ingest jobs created with their CSV in one multipart
 * request. Writes are upserts by external id, so a request that failed in transit is safe to send again.
 */
import type { Connection } from 'jsforce';
import { API_VERSION } from './connection';
import { csvToObjects } from './csv';

export const COLLECTION_SIZE = 200;
export const COMPOSITE_SUBREQUESTS = 25;
export const COMPOSITE_HEAVY = 5;
/** Bulk API 2.0 accepts CSV in the job-creating multipart request only up to this many characters. */
export const MULTIPART_MAX_CHARS = 100_000;

export type SObject = Record<string, unknown>;

export interface SaveResult {
    id?: string | null;
    success: boolean;
    created?: boolean;
    errors: { statusCode: string; message: string; fields?: string[] }[];
}

export interface Subrequest {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    url: string;
    referenceId: string;
    body?: unknown;
}

export interface SubResponse {
    body: unknown;
    httpStatusCode: number;
    referenceId: string;
}

export interface OrgApiOptions {
    retries?: number;
    retryDelayMs?: number;
    /** How long to wait before the first poll of a bulk job, and between polls (grows to 10 s). */
    bulkPollMs?: number;
    /** Tells the user about a retry. */
    onRetry?: (message: string) => void;
}

/** A failure of a whole request, with the org's error code when it sent one. */
export class RequestError extends Error {
    constructor(
        message: string,
        readonly errorCode: string,
        readonly transient: boolean
    ) {
        super(message);
    }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function isTransient(error: unknown): boolean {
    const e = error as { name?: string; code?: string; errorCode?: string; message?: string; statusCode?: number };
    const text = `${e.name ?? ''} ${e.code ?? ''} ${e.errorCode ?? ''} ${e.message ?? ''}`;
    return /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|UND_ERR|FetchError|UNKNOWN_EXCEPTION|SERVER_UNAVAILABLE|REQUEST_RUNNING_TOO_LONG|ERROR_HTTP_5\d\d|\b50[0234]\b/i.test(
        text
    );
}

export class OrgApi {
    calls = 0;
    readonly base = `/services/data/v${API_VERSION}`;
    private readonly retries: number;
    private readonly retryDelayMs: number;
    private readonly bulkPollMs: number;

    constructor(
        readonly conn: Connection,
        private readonly options: OrgApiOptions = {}
    ) {
        this.retries = options.retries ?? 3;
        // CROSSWAY_RETRY_DELAY_MS shortens the wait before a retry (the tests against the local API set it)
        const fromEnv = Number(process.env.CROSSWAY_RETRY_DELAY_MS);
        this.retryDelayMs = options.retryDelayMs ?? (fromEnv > 0 ? fromEnv : 1000);
        this.bulkPollMs = options.bulkPollMs ?? 2000;
    }

    /** One HTTP request (counted), sent again after a transient failure (network error or 5xx). */
    async request<T>(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<T> {
        for (let attempt = 0; ; attempt++) {
            this.calls++;
            try {
                return (await this.conn.request<T>(
                    {
                        method: method as 'GET',
                        url,
                        body,
                        headers:
                            body !== undefined && !headers['content-type']
                                ? { 'content-type': 'application/json', ...headers }
                                : headers
                    },
                    // jsforce retries GETs on its own; keep one retry policy (ours) for every method
                    { retry: { maxRetries: 0 } }
                )) as T;
            } catch (error) {
                const transient = isTransient(error);
                const e = error as { errorCode?: string; name?: string; message?: string };
                if (!transient || attempt >= this.retries) {
                    throw new RequestError(
                        `${method} ${url.split('?')[0]}: ${e.message ?? String(error)}`,
                        e.errorCode ?? e.name ?? 'ERROR',
                        transient
                    );
                }
                const delay = this.retryDelayMs * 2 ** attempt;
                this.options.onRetry?.(
                    `${method} ${url.split('?')[0]} failed (${e.message ?? String(error)}); retrying in ${delay} ms`
                );
                await sleep(delay);
            }
        }
    }

    /** One Composite request: subrequests run in order on the server, and it counts as one API call. */
    async composite(subrequests: Subrequest[]): Promise<SubResponse[]> {
        const heavy = subrequests.filter((s) => isHeavy(s.url)).length;
        if (subrequests.length > COMPOSITE_SUBREQUESTS || heavy > COMPOSITE_HEAVY) {
            throw new Error(
                `internal: composite of ${subrequests.length} subrequests (${heavy} collections or queries) exceeds the limits`
            );
        }
        const response = await this.request<{ compositeResponse: SubResponse[] }>(
            'POST',
            `${this.base}/composite`,
            JSON.stringify({ allOrNone: false, compositeRequest: subrequests })
        );
        return response.compositeResponse;
    }

    /**
     * Runs queries to completion, packing first pages and follow-up pages five to a Composite request.
     * Returns the rows per key.
     */
    async queryAll(queries: { key: string; soql: string }[]): Promise<Map<string, SObject[]>> {
        const rows = new Map<string, SObject[]>(queries.map((q) => [q.key, []]));
        let pending: { key: string; url: string }[] = queries.map((q) => ({
            key: q.key,
            url: `${this.base}/query?q=${encodeURIComponent(q.soql)}`
        }));
        while (pending.length) {
            const batch = pending.slice(0, COMPOSITE_HEAVY);
            pending = pending.slice(COMPOSITE_HEAVY);
            const responses = await this.composite(
                batch.map((p, i) => ({ method: 'GET', url: p.url, referenceId: `q${i}` }))
            );
            responses.forEach((response, i) => {
                const key = batch[i].key;
                if (response.httpStatusCode >= 400) {
                    const [error] = (response.body as { errorCode?: string; message?: string }[]) ?? [];
                    throw new RequestError(
                        `Query for ${key} failed: ${error?.errorCode ?? response.httpStatusCode}: ${error?.message ?? ''}`,
                        error?.errorCode ?? 'QUERY_FAILED',
                        false
                    );
                }
                const page = response.body as { records: SObject[]; nextRecordsUrl?: string; done: boolean };
                rows.get(key)!.push(...page.records);
                if (!page.done && page.nextRecordsUrl) pending.push({ key, url: page.nextRecordsUrl });
            });
        }
        return rows;
    }

    /**
     * A Bulk API 2.0 ingest job: up to 100,000 characters of CSV travel in the multipart request that creates the
     * job; more are uploaded separately and the job closed (create, upload, UploadComplete). Then it is polled.
     * Returns the failed rows (with the org's error) and the number processed; fetches the failed rows only
     * when the job reports failures.
     */
    async bulkIngest(
        spec: { object: string; operation: 'upsert' | 'delete'; externalIdFieldName?: string },
        csv: string
    ): Promise<{ processed: number; failed: { row: Record<string, string>; error: string }[]; jobId: string }> {
        const job = { ...spec, contentType: 'CSV', lineEnding: 'LF', columnDelimiter: 'COMMA' };
        let created: { id: string } | undefined;
        if (csv.length <= MULTIPART_MAX_CHARS) {
            // small data: create the job with its CSV in one request (the job closes itself)
            const boundary = `crossway${Date.now().toString(36)}`;
            const body =
                `--${boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name="job"\r\n\r\n${JSON.stringify(job)}\r\n` +
                `--${boundary}\r\nContent-Type: text/csv\r\nContent-Disposition: form-data; name="content"; filename="content"\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
            try {
                created = await this.request<{ id: string }>('POST', `${this.base}/jobs/ingest`, body, {
                    'content-type': `multipart/form-data; boundary=${boundary}`
                });
            } catch (error) {
                // an endpoint that refuses multipart creates still takes the three-step upload below
                if (!(error instanceof RequestError) || error.transient) throw error;
                this.options.onRetry?.(`multipart job create refused (${error.message}); uploading in steps`);
            }
        }
        if (!created) {
            const open = await this.request<{ id: string }>('POST', `${this.base}/jobs/ingest`, JSON.stringify(job));
            created = open;
            try {
                await this.request('PUT', `${this.base}/jobs/ingest/${open.id}/batches`, csv, {
                    'content-type': 'text/csv'
                });
                await this.request(
                    'PATCH',
                    `${this.base}/jobs/ingest/${open.id}`,
                    JSON.stringify({ state: 'UploadComplete' })
                );
            } catch (error) {
                // an open job that will never run: abort it so it does not linger in the org
                await this.request(
                    'PATCH',
                    `${this.base}/jobs/ingest/${open.id}`,
                    JSON.stringify({ state: 'Aborted' })
                ).catch(() => undefined);
                throw error;
            }
        }
        let wait = this.bulkPollMs;
        for (;;) {
            await sleep(wait);
            wait = Math.min(10_000, Math.round(wait * 1.5));
            const info = await this.request<{
                state: string;
                numberRecordsProcessed: number;
                numberRecordsFailed: number;
                errorMessage?: string;
            }>('GET', `${this.base}/jobs/ingest/${created.id}`);
            if (info.state === 'Failed' || info.state === 'Aborted') {
                throw new RequestError(
                    `Bulk job ${created.id} for ${spec.object} ${info.state.toLowerCase()}: ${info.errorMessage ?? 'no reason given'}`,
                    'BULK_JOB_FAILED',
                    false
                );
            }
            if (info.state !== 'JobComplete') continue;
            if (!info.numberRecordsFailed)
                return { processed: info.numberRecordsProcessed, failed: [], jobId: created.id };
            // jsforce parses a CSV response into row objects; a plain string is parsed here
            const body = await this.request<string | Record<string, string>[]>(
                'GET',
                `${this.base}/jobs/ingest/${created.id}/failedResults/`
            );
            const rows = typeof body === 'string' ? csvToObjects(body).rows : body;
            const failed = rows.map((row) => ({ row, error: row.sf__Error ?? 'unknown error' }));
            return { processed: info.numberRecordsProcessed, failed, jobId: created.id };
        }
    }
}

export function isHeavy(url: string): boolean {
    return /\/composite\/sobjects|\/query(All)?(\/|\?|$)/.test(url);
}
