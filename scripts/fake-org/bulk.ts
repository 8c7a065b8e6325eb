/**
 * Bulk API 2.0 ingest jobs for the local org: create (JSON, or multipart with the CSV attached), upload CSV,
 * UploadComplete, asynchronous processing, job info, and the successful/failed/unprocessed result CSVs.
 * Rows are processed in chunks of 200 in reverse order, because a real org processes a job's chunks in parallel
 * and in no particular order: a job whose rows depend on each other fails here as it could in production.
 */
import { csvToObjects, formatCsv } from '../lib/csv';
import { ApiError, RecordFailure, type SaveResult } from './errors';
import { findField, findRelationship } from './schema';
import type { DmlOptions, FakeStore, SObject } from './store';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export interface IngestJob {
    id: string;
    operation: 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';
    object: string;
    externalIdFieldName?: string;
    state: JobState;
    csv: string;
    createdDate: string;
    errorMessage?: string;
    lineEnding: 'LF' | 'CRLF';
    columns: string[];
    successful: string[][];
    failed: string[][];
    unprocessed: string[][];
    processed: number;
}

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);
const CHUNK = 200;

export class BulkIngest {
    readonly jobs = new Map<string, IngestJob>();
    private serial = 1;

    constructor(
        private readonly store: FakeStore,
        private readonly dmlOptions: () => Pick<DmlOptions, 'beforeSave'>,
        private readonly processingDelayMs = 20
    ) {}

    create(body: unknown): IngestJob {
        const spec = (body ?? {}) as Record<string, unknown>;
        const operation = String(spec.operation ?? '');
        if (!OPERATIONS.has(operation))
            throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${operation}`);
        if (typeof spec.object !== 'string') throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : object is required');
        const object = this.store.object(spec.object);
        if (spec.contentType !== undefined && spec.contentType !== 'CSV')
            throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : contentType must be CSV');
        if (spec.columnDelimiter !== undefined && spec.columnDelimiter !== 'COMMA')
            throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : only COMMA is supported by the local API');
        if (operation === 'upsert') {
            const ext =
                typeof spec.externalIdFieldName === 'string' ? findField(object, spec.externalIdFieldName) : undefined;
            if (!ext || !(ext.externalId || ext.name === 'Id')) {
                throw new ApiError(
                    400,
                    'INVALIDJOB',
                    `InvalidJob : External ID was blank or not an external id field for ${object.name}: ${String(spec.externalIdFieldName)}`
                );
            }
        }
        const job: IngestJob = {
            id: `750${String(this.serial++).padStart(12, '0')}AAA`,
            operation: operation as IngestJob['operation'],
            object: object.name,
            externalIdFieldName: typeof spec.externalIdFieldName === 'string' ? spec.externalIdFieldName : undefined,
            state: 'Open',
            csv: '',
            createdDate: new Date().toISOString().replace('Z', '+0000'),
            lineEnding: spec.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
            columns: [],
            successful: [],
            failed: [],
            unprocessed: [],
            processed: 0
        };
        this.jobs.set(job.id, job);
        return job;
    }

    get(id: string): IngestJob {
        const job = this.jobs.get(id);
        if (!job) throw new ApiError(404, 'NOT_FOUND', `Job ${id} not found`);
        return job;
    }

    upload(id: string, csv: string): void {
        const job = this.get(id);
        if (job.state !== 'Open') throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${id} is not open for data upload`);
        if (job.csv) throw new ApiError(400, 'INVALIDJOBSTATE', 'Data was already uploaded for this job');
        job.csv = csv;
    }

    setState(id: string, state: unknown): IngestJob {
        const job = this.get(id);
        if (state === 'Aborted') {
            if (job.state === 'JobComplete' || job.state === 'Failed')
                throw new ApiError(400, 'INVALIDJOBSTATE', 'Job is already finished');
            job.state = 'Aborted';
            return job;
        }
        if (state !== 'UploadComplete') throw new ApiError(400, 'INVALIDJOBSTATE', `Invalid state: ${String(state)}`);
        if (job.state !== 'Open') throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${id} is not open`);
        job.state = 'UploadComplete';
        setTimeout(() => this.process(job), this.processingDelayMs);
        return job;
    }

    delete(id: string): void {
        const job = this.get(id);
        if (job.state === 'InProgress' || job.state === 'UploadComplete')
            throw new ApiError(400, 'INVALIDJOBSTATE', 'Cannot delete a job in progress');
        this.jobs.delete(id);
    }

    info(job: IngestJob): Record<string, unknown> {
        return {
            id: job.id,
            operation: job.operation,
            object: job.object,
            createdById: this.store.userId,
            createdDate: job.createdDate,
            systemModstamp: job.createdDate,
            state: job.state,
            ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: 65.0,
            jobType: 'V2Ingest',
            lineEnding: job.lineEnding,
            columnDelimiter: 'COMMA',
            numberRecordsProcessed: job.processed,
            numberRecordsFailed: job.failed.length,
            retries: 0,
            totalProcessingTime: 0,
            ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
        };
    }

    results(id: string, kind: 'successfulResults' | 'failedResults' | 'unprocessedrecords'): string {
        const job = this.get(id);
        if (kind !== 'unprocessedrecords' && job.state !== 'JobComplete' && job.state !== 'Failed') {
            throw new ApiError(400, 'INVALIDJOBSTATE', 'Results are not available until the job is complete');
        }
        const header =
            kind === 'successfulResults'
                ? ['sf__Id', 'sf__Created']
                : kind === 'failedResults'
                  ? ['sf__Id', 'sf__Error']
                  : [];
        const rows =
            kind === 'successfulResults' ? job.successful : kind === 'failedResults' ? job.failed : job.unprocessed;
        return formatCsv([[...header, ...job.columns], ...rows]);
    }

    /** Turns one CSV row into an API record: `Rel__r.External_Id__c` columns become nested references. */
    private toRecord(row: Record<string, string>): SObject {
        const record: SObject = {};
        for (const [column, value] of Object.entries(row)) {
            if (value === '') continue; // Bulk API leaves empty cells alone; #N/A clears a field
            const cleared = value === '#N/A' ? null : value;
            const dot = column.indexOf('.');
            if (dot > 0) {
                const relationship = column.slice(0, dot);
                record[relationship] = {
                    ...((record[relationship] as SObject | undefined) ?? {}),
                    [column.slice(dot + 1)]: cleared
                };
            } else {
                record[column] = cleared;
            }
        }
        return record;
    }

    private process(job: IngestJob): void {
        if (job.state !== 'UploadComplete') return;
        job.state = 'InProgress';
        const object = this.store.object(job.object);
        let parsed: { columns: string[]; rows: Record<string, string>[] };
        try {
            parsed = csvToObjects(job.csv);
        } catch (error) {
            job.state = 'Failed';
            job.errorMessage = `InvalidBatch : ${(error as Error).message}`;
            return;
        }
        job.columns = parsed.columns;
        for (const column of parsed.columns) {
            const [head, tail] = column.split('.');
            const known = tail ? findRelationship(object, head) : findField(object, head);
            if (!known) {
                job.state = 'Failed';
                job.errorMessage = `InvalidBatch : Field name not found : ${column}`;
                job.unprocessed = parsed.rows.map((r) => parsed.columns.map((c) => r[c]));
                return;
            }
        }
        const options = { allOrNone: false, ...this.dmlOptions() };
        const chunks: Record<string, string>[][] = [];
        for (let i = 0; i < parsed.rows.length; i += CHUNK) chunks.push(parsed.rows.slice(i, i + CHUNK));
        for (const chunk of chunks.reverse()) {
            const records = chunk.map((row) => this.toRecord(row));
            let results: SaveResult[];
            switch (job.operation) {
                case 'insert':
                    results = this.store.insert(job.object, records, options);
                    break;
                case 'update':
                    results = this.store.update(job.object, records, options);
                    break;
                case 'upsert':
                    results = this.store.upsert(job.object, job.externalIdFieldName!, records, options);
                    break;
                default:
                    results = this.store.delete(
                        records.map((r) => String(r.Id ?? '')),
                        options
                    );
            }
            results.forEach((result, i) => {
                const cells = parsed.columns.map((c) => chunk[i][c]);
                if (result.success) {
                    job.successful.push([
                        result.id ?? '',
                        String(result.created ?? job.operation === 'insert'),
                        ...cells
                    ]);
                } else {
                    const error = result.errors[0] ?? new RecordFailure('UNKNOWN_EXCEPTION', 'unknown error').toError();
                    job.failed.push([
                        '',
                        `${error.statusCode}:${error.message}:${error.fields.join(',')} --`,
                        ...cells
                    ]);
                }
                job.processed++;
            });
        }
        job.state = 'JobComplete';
    }
}
