/**
 * A local Salesforce API for tests: an HTTP server on 127.0.0.1 that speaks the subset of the REST API the
 * project's scripts and the sf CLI use (versions, userinfo, describe, query with paging, sObject rows, sObject
 * Collections, Composite, sObject Tree, Bulk API 2.0 ingest, limits) over a FakeStore that enforces real-org
 * rules. It counts every request (an "API call") and injects faults on request: a rejected record, a 500, or a
 * dropped connection before or after the work is done.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileAnonymous, deployedClasses, executeAnonymousResponse, readEnvelope } from './anonymousApex';
import { BulkIngest } from './bulk';
import { ApiError, RecordFailure, type SaveResult } from './errors';
import { loadSchema, type ObjectSchema, type Schema } from './schema';
import { parseSoql } from './soql';
import { FakeStore, type SObject } from './store';

export const API_VERSION = '65.0';
const DEFAULT_FORCE_APP = join(__dirname, '..', '..', 'force-app', 'main', 'default');
const DEFAULT_PAGE = 2000;
const COLLECTION_LIMIT = 200;
const COMPOSITE_LIMIT = 25;
const COMPOSITE_HEAVY_LIMIT = 5;
const TREE_LIMIT = 200;
const MULTIPART_MAX_CHARS = 100_000;

export interface FaultMatch {
    method?: string;
    /** A substring (or pattern) of the request path. */
    path?: string | RegExp;
}

export type Fault =
    | { kind: 'reject'; externalId: string; object?: string; times?: number; message?: string }
    | { kind: 'status500'; match?: FaultMatch; times?: number; after?: number }
    | { kind: 'drop'; match?: FaultMatch; times?: number; afterCommit?: boolean; after?: number };

export interface RequestLogEntry {
    method: string;
    path: string;
    /** The SOQL of a query request, for diagnostics. */
    soql?: string;
    category: string;
    status: number;
}

export interface FakeOrgOptions {
    /** The force-app folder whose object metadata defines the custom schema. */
    forceApp?: string;
    schema?: Schema;
    port?: number;
    standardPricebookActive?: boolean;
    bulkProcessingDelayMs?: number;
    /** False: refuse multipart job creates, as an endpoint without that feature would. */
    multipartIngest?: boolean;
}

type Handler = (req: ApiRequest) => unknown;

interface ApiRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    body: unknown;
    rawBody: string;
    contentType: string;
}

/** What the handler answers; a plain value is JSON with status 200. */
class Reply {
    constructor(
        readonly status: number,
        readonly body: unknown,
        readonly contentType = 'application/json'
    ) {}
}

function categorize(method: string, path: string): string {
    if (path.startsWith('/services/oauth2')) return 'auth';
    if (/\/jobs\/ingest/.test(path)) return 'bulk';
    if (/\/composite\/tree\//.test(path)) return 'tree';
    if (/\/composite\/sobjects/.test(path)) return 'collections';
    if (/\/composite$/.test(path)) return 'composite';
    if (/\/query(All)?(\/|$)/.test(path)) return 'query';
    if (/\/describe$/.test(path) || /\/sobjects$/.test(path)) return 'describe';
    if (/\/limits$/.test(path)) return 'limits';
    if (/\/sobjects\//.test(path)) return method === 'GET' ? 'read' : 'sobject';
    return 'other';
}

export class FakeOrg {
    store: FakeStore;
    bulk: BulkIngest;
    readonly accessToken: string;
    readonly log: RequestLogEntry[] = [];
    /** Anonymous Apex that compiled (`sf apex run`), in the order received. */
    readonly executedApex: string[] = [];
    private readonly faults: (Fault & { remaining: number; passed: number })[] = [];
    private readonly cursors = new Map<string, { rows: SObject[]; total: number }>();
    private cursorSerial = 1;
    private server: Server | undefined;
    url = '';

    constructor(readonly options: FakeOrgOptions = {}) {
        const schema =
            options.schema ??
            loadSchema(options.forceApp ?? join(__dirname, '..', '..', 'force-app', 'main', 'default'));
        this.store = new FakeStore(schema, { standardPricebookActive: options.standardPricebookActive });
        this.bulk = new BulkIngest(this.store, () => ({ beforeSave: this.beforeSave }), options.bulkProcessingDelayMs);
        this.addPermissionSets();
        this.accessToken = `${this.store.orgId.slice(0, 15)}!local.${Math.random().toString(36).slice(2)}`;
    }

    /** The Apex API's executeAnonymous (`sf apex run`): compiled, recorded, not run (see anonymousApex.ts). */
    private executeAnonymous(envelope: string): Reply {
        const call = readEnvelope(envelope);
        const fault = (code: string, message: string): Reply =>
            new Reply(
                500,
                '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="http://soap.sforce.com/2006/08/apex"><soapenv:Body><soapenv:Fault>' +
                    `<faultcode>sf:${code}</faultcode><faultstring>${code}: ${message}</faultstring>` +
                    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>',
                'text/xml; charset=utf-8'
            );
        if (!call) return fault('INVALID_REQUEST', 'not an executeAnonymous request');
        if (call.sessionId !== this.accessToken)
            return fault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader');
        const result = compileAnonymous(call.code, deployedClasses(this.options.forceApp ?? DEFAULT_FORCE_APP));
        if (result.success) this.executedApex.push(call.code);
        return new Reply(200, executeAnonymousResponse(result), 'text/xml; charset=utf-8');
    }

    /** The project's permission sets exist in an org the project was deployed to. */
    private addPermissionSets(): void {
        const dir = join(this.options.forceApp ?? DEFAULT_FORCE_APP, 'permissionsets');
        if (!existsSync(dir)) return;
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.permissionset-meta.xml'))) {
            const name = file.replace('.permissionset-meta.xml', '');
            this.store.systemInsert('PermissionSet', {
                Name: name,
                Label: name.replace(/_/g, ' '),
                NamespacePrefix: null,
                IsOwnedByProfile: false
            });
        }
    }

    async start(): Promise<string> {
        this.server = createServer((req, res) => {
            this.handle(req, res).catch((error: unknown) => {
                res.writeHead(500, { 'content-type': 'application/json' });
                res.end(JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }]));
            });
        });
        // keep-alive sockets would hold the test process open after close()
        this.server.keepAliveTimeout = 1000;
        await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
        this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
        return this.url;
    }

    async stop(): Promise<void> {
        if (!this.server) return;
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server!.close(() => resolve()));
        this.server = undefined;
    }

    /** Empties the org back to its first state (same users, ids and token), so one sf login serves many tests. */
    resetData(): void {
        this.store = new FakeStore(this.store.schema, {
            standardPricebookActive: this.options.standardPricebookActive
        });
        this.bulk = new BulkIngest(
            this.store,
            () => ({ beforeSave: this.beforeSave }),
            this.options.bulkProcessingDelayMs
        );
        this.addPermissionSets();
        this.cursors.clear();
        this.clearFaults();
        this.resetStats();
    }

    injectFault(fault: Fault): void {
        this.faults.push({ ...fault, remaining: fault.times ?? 1, passed: 0 });
    }

    clearFaults(): void {
        this.faults.length = 0;
    }

    /** API calls counted so far (every request to the REST and Bulk endpoints), by category. */
    stats(): { total: number; byCategory: Record<string, number> } {
        const byCategory: Record<string, number> = {};
        for (const entry of this.log) byCategory[entry.category] = (byCategory[entry.category] ?? 0) + 1;
        return { total: this.log.length, byCategory };
    }

    resetStats(): void {
        this.log.length = 0;
    }

    private readonly beforeSave = (object: ObjectSchema, record: SObject): void => {
        const externalId = record.External_Id__c;
        const fault = this.faults.find(
            (f) =>
                f.kind === 'reject' &&
                f.remaining > 0 &&
                f.externalId === externalId &&
                (!f.object || f.object === object.name)
        );
        if (fault && fault.kind === 'reject') {
            fault.remaining--;
            throw new RecordFailure(
                'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                fault.message ?? 'Rejected by a validation rule (injected fault)'
            );
        }
    };

    private takeFault(
        kind: 'status500' | 'drop',
        method: string,
        path: string
    ): (Fault & { remaining: number }) | undefined {
        for (const fault of this.faults) {
            if (fault.kind !== kind || fault.remaining <= 0) continue;
            const match = fault.match ?? {};
            if (match.method && match.method.toUpperCase() !== method) continue;
            if (match.path instanceof RegExp ? !match.path.test(path) : match.path && !path.includes(match.path))
                continue;
            // `after`: this many matching requests go through untouched first
            if (fault.passed++ < (fault.after ?? 0)) continue;
            fault.remaining--;
            return fault;
        }
        return undefined;
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        // a client with a trailing slash on the instance URL sends '//services/...'
        const url = new URL((req.url ?? '/').replace(/^\/+/, '/'), 'http://127.0.0.1');
        const method = (req.method ?? 'GET').toUpperCase();
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const entry: RequestLogEntry = {
            method,
            path: url.pathname,
            category: categorize(method, url.pathname),
            status: 0
        };
        this.log.push(entry);

        const send = (reply: Reply): void => {
            entry.status = reply.status;
            const payload =
                reply.body === undefined
                    ? ''
                    : typeof reply.body === 'string'
                      ? reply.body
                      : JSON.stringify(reply.body);
            res.writeHead(reply.status, { 'content-type': reply.contentType });
            res.end(payload);
        };

        const drop = this.takeFault('drop', method, url.pathname);
        if (drop && !(drop.kind === 'drop' && drop.afterCommit)) {
            entry.status = -1;
            req.socket.destroy();
            return;
        }
        if (this.takeFault('status500', method, url.pathname)) {
            send(
                new Reply(500, [
                    {
                        errorCode: 'UNKNOWN_EXCEPTION',
                        message:
                            'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-89 (-1)'
                    }
                ])
            );
            return;
        }
        if (url.pathname.startsWith('/services/Soap/s/')) {
            send(this.executeAnonymous(rawBody));
            return;
        }
        if (url.pathname.startsWith('/services/Soap/')) {
            // the Metadata API (deploys) is out of scope: answer as a real org answers a call it cannot serve
            send(
                new Reply(
                    500,
                    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="http://soap.sforce.com/2006/04/metadata"><soapenv:Body><soapenv:Fault><faultcode>sf:UNSUPPORTED_CLIENT</faultcode><faultstring>UNSUPPORTED_CLIENT: the local Salesforce API does not implement the Metadata API</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>',
                    'text/xml; charset=utf-8'
                )
            );
            return;
        }
        const auth = req.headers.authorization ?? '';
        if (
            auth !== `Bearer ${this.accessToken}` &&
            auth !== `OAuth ${this.accessToken}` &&
            req.headers['x-sfdc-session'] !== this.accessToken
        ) {
            send(new Reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
            return;
        }
        const contentType = String(req.headers['content-type'] ?? '');
        let reply: Reply;
        try {
            let body: unknown = undefined;
            if (rawBody && contentType.includes('json')) {
                try {
                    body = JSON.parse(rawBody);
                } catch (error) {
                    throw new ApiError(
                        400,
                        'JSON_PARSER_ERROR',
                        `The request body is not valid JSON: ${(error as Error).message}`
                    );
                }
            }
            const result = this.route({
                method,
                path: url.pathname,
                query: url.searchParams,
                body,
                rawBody,
                contentType
            });
            reply = result instanceof Reply ? result : new Reply(200, result);
        } catch (error) {
            if (error instanceof ApiError) reply = new Reply(error.status, error.body());
            else throw error;
        }
        if (drop) {
            // the work is done and committed, but the client never hears back
            entry.status = -1;
            req.socket.destroy();
            return;
        }
        send(reply);
    }

    private route(req: ApiRequest): unknown {
        const { method, path } = req;
        if (path === '/services/oauth2/userinfo') return this.userInfo();
        if (path === '/services/data' || path === '/services/data/') {
            return ['60.0', '61.0', '62.0', '63.0', '64.0', API_VERSION].map((v) => ({
                label: `v${v}`,
                url: `/services/data/v${v}`,
                version: v
            }));
        }
        const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
        if (!match) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        const rest = match[2] ?? '/';
        const handlers: [string, RegExp, Handler][] = [
            [
                'GET',
                /^\/?$/,
                () => ({
                    sobjects: `/services/data/v${match[1]}/sobjects`,
                    query: `/services/data/v${match[1]}/query`,
                    composite: `/services/data/v${match[1]}/composite`,
                    limits: `/services/data/v${match[1]}/limits`
                })
            ],
            ['GET', /^\/limits\/?$/, () => this.limits()],
            ['GET', /^\/sobjects\/?$/, () => this.globalDescribe()],
            ['GET', /^\/sobjects\/([^/]+)\/describe\/?$/, (r) => this.describe(this.param(r, 1))],
            [
                'GET',
                /^\/sobjects\/([^/]+)\/?$/,
                (r) => ({ objectDescribe: this.describeSummary(this.store.object(this.param(r, 1))), recentItems: [] })
            ],
            ['GET', /^\/sobjects\/([^/]+)\/([^/]+)\/?$/, (r) => this.store.get(this.param(r, 1), this.param(r, 2))],
            ['POST', /^\/sobjects\/([^/]+)\/?$/, (r) => this.createOne(this.param(r, 1), r.body)],
            [
                'PATCH',
                /^\/sobjects\/([^/]+)\/([^/]+)\/([^/]+)\/?$/,
                (r) => this.upsertOne(this.param(r, 1), this.param(r, 2), this.param(r, 3), r.body)
            ],
            [
                'PATCH',
                /^\/sobjects\/([^/]+)\/([^/]+)\/?$/,
                (r) => this.updateOne(this.param(r, 1), this.param(r, 2), r.body)
            ],
            ['DELETE', /^\/sobjects\/([^/]+)\/([^/]+)\/?$/, (r) => this.deleteOne(this.param(r, 2))],
            [
                'GET',
                /^\/query(All)?\/?$/,
                (r) =>
                    r.query.get('columns') === 'true'
                        ? this.columns(r.query.get('q') ?? '')
                        : this.runQuery(r.query.get('q') ?? '', match[1])
            ],
            ['GET', /^\/query(All)?\/([^/]+)$/, (r) => this.queryMore(this.param(r, 2), match[1])],
            ['POST', /^\/composite\/sobjects\/?$/, (r) => this.collection('insert', r.body)],
            ['PATCH', /^\/composite\/sobjects\/?$/, (r) => this.collection('update', r.body)],
            [
                'PATCH',
                /^\/composite\/sobjects\/([^/]+)\/([^/]+)\/?$/,
                (r) => this.collection('upsert', r.body, this.param(r, 1), this.param(r, 2))
            ],
            ['DELETE', /^\/composite\/sobjects\/?$/, (r) => this.collectionDelete(r.query)],
            ['POST', /^\/composite\/?$/, (r) => this.composite(r.body, match[1])],
            ['POST', /^\/composite\/tree\/([^/]+)\/?$/, (r) => this.tree(this.param(r, 1), r.body)],
            ['POST', /^\/jobs\/ingest\/?$/, (r) => this.createJob(r)],
            [
                'GET',
                /^\/jobs\/ingest\/?$/,
                () => ({
                    done: true,
                    records: [...this.bulk.jobs.values()].map((j) => this.bulk.info(j)),
                    nextRecordsUrl: null
                })
            ],
            ['GET', /^\/jobs\/ingest\/([^/]+)\/?$/, (r) => this.bulk.info(this.bulk.get(this.param(r, 1)))],
            [
                'PUT',
                /^\/jobs\/ingest\/([^/]+)\/batches\/?$/,
                (r) => {
                    this.bulk.upload(this.param(r, 1), r.rawBody);
                    return new Reply(201, undefined);
                }
            ],
            [
                'PATCH',
                /^\/jobs\/ingest\/([^/]+)\/?$/,
                (r) =>
                    this.bulk.info(
                        this.bulk.setState(this.param(r, 1), (r.body as { state?: unknown } | undefined)?.state)
                    )
            ],
            [
                'DELETE',
                /^\/jobs\/ingest\/([^/]+)\/?$/,
                (r) => {
                    this.bulk.delete(this.param(r, 1));
                    return new Reply(204, undefined);
                }
            ],
            [
                'GET',
                /^\/jobs\/ingest\/([^/]+)\/(successfulResults|failedResults|unprocessedrecords)\/?$/,
                (r) =>
                    new Reply(200, this.bulk.results(this.param(r, 1), this.param(r, 2) as 'failedResults'), 'text/csv')
            ]
        ];
        for (const [verb, pattern, handler] of handlers) {
            const found = pattern.exec(rest);
            if (found && verb === method) return handler({ ...req, path: found.map((p) => p ?? '').join('\u0000') });
        }
        if (handlers.some(([, pattern]) => pattern.test(rest)))
            throw new ApiError(
                405,
                'METHOD_NOT_ALLOWED',
                `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,POST,DELETE,PUT`
            );
        throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }

    /** Route parameters travel in `path`, split by NUL, after the routing match (index 1 is the first group). */
    private param(req: ApiRequest, index: number): string {
        return decodeURIComponent(req.path.split('\u0000')[index] ?? '');
    }

    private userInfo(): unknown {
        const user = this.store.find(this.store.userId)!.record;
        return {
            sub: `${this.url}/id/${this.store.orgId}/${this.store.userId}`,
            user_id: this.store.userId,
            organization_id: this.store.orgId,
            preferred_username: user.Username,
            name: user.Name,
            email: user.Email,
            active: true,
            urls: { rest: `${this.url}/services/data/v{version}/` }
        };
    }

    private limits(): unknown {
        const used = this.log.length;
        return {
            DailyApiRequests: { Max: 15000, Remaining: Math.max(0, 15000 - used) },
            DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
            DataStorageMB: { Max: 5, Remaining: 5 }
        };
    }

    private describeSummary(object: ObjectSchema): Record<string, unknown> {
        return {
            name: object.name,
            label: object.label,
            labelPlural: object.labelPlural,
            keyPrefix: object.keyPrefix,
            custom: object.custom,
            createable: object.createable,
            updateable: true,
            deletable: object.deletable,
            queryable: true,
            urls: { sobject: `/services/data/v${API_VERSION}/sobjects/${object.name}` }
        };
    }

    private globalDescribe(): unknown {
        return {
            encoding: 'UTF-8',
            maxBatchSize: 200,
            sobjects: [...this.store.schema.values()].map((o) => this.describeSummary(o))
        };
    }

    private describe(name: string): unknown {
        const object = this.store.object(name);
        const childRelationships = [];
        for (const other of this.store.schema.values()) {
            for (const field of other.fields.values()) {
                if (field.referenceTo.includes(object.name) && field.createable) {
                    childRelationships.push({
                        childSObject: other.name,
                        field: field.name,
                        cascadeDelete: field.deleteRule === 'cascade',
                        relationshipName: field.childRelationshipName
                    });
                }
            }
        }
        return {
            ...this.describeSummary(object),
            childRelationships,
            fields: [...object.fields.values()].map((f) => ({
                name: f.name,
                label: f.label,
                type: f.type,
                length: f.length,
                nillable: f.nillable,
                createable: f.createable,
                updateable: f.updateable,
                calculated: f.calculated,
                unique: f.unique,
                externalId: f.externalId,
                idLookup: f.externalId || f.name === 'Id',
                caseSensitive: f.caseSensitive,
                defaultedOnCreate: f.defaultValue !== null || ['Id', 'OwnerId', 'CreatedDate'].includes(f.name),
                defaultValue: f.defaultValue,
                referenceTo: f.referenceTo,
                relationshipName: f.relationshipName,
                cascadeDelete: f.deleteRule === 'cascade',
                restrictedDelete: f.deleteRule === 'restrict',
                restrictedPicklist: f.restrictedPicklist,
                picklistValues: f.picklistValues.map((v) => ({ value: v, label: v, active: true, defaultValue: false }))
            }))
        };
    }

    /** `?columns=true`: the column metadata the sf CLI asks for to print a query's result. */
    private columns(soql: string): unknown {
        this.store.query(soql); // the same errors as the query itself
        const query = parseSoql(soql);
        const column = (parts: string[]): Record<string, unknown> => ({
            aggregate: false,
            columnName: parts[0],
            displayName: parts[0],
            joinColumns: parts.length > 1 ? [column(parts.slice(1))] : []
        });
        return {
            columnMetadata: query.fields.map((f) => column(f.split('.'))),
            entityName: query.from,
            groupBy: false,
            idSelected: query.fields.some((f) => f.toLowerCase() === 'id'),
            keyPrefix: null
        };
    }

    private runQuery(soql: string, version: string): unknown {
        if (!soql.trim()) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string must be provided');
        const result = this.store.query(soql);
        if (result.count) return { totalSize: result.total, done: true, records: [] };
        return this.page(result.rows, 0, result.total, version, undefined);
    }

    private page(
        rows: SObject[],
        start: number,
        total: number,
        version: string,
        cursorId: string | undefined
    ): unknown {
        const end = Math.min(rows.length, start + DEFAULT_PAGE);
        const done = end >= rows.length;
        let next: string | undefined;
        if (!done) {
            const id = cursorId ?? `01g${String(this.cursorSerial++).padStart(15, '0')}`;
            this.cursors.set(id, { rows, total });
            next = `/services/data/v${version}/query/${id}-${end}`;
        } else if (cursorId) {
            this.cursors.delete(cursorId);
        }
        return { totalSize: total, done, ...(next ? { nextRecordsUrl: next } : {}), records: rows.slice(start, end) };
    }

    private queryMore(locator: string, version: string): unknown {
        const [id, offset] = locator.split('-');
        const cursor = this.cursors.get(id);
        if (!cursor) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        return this.page(cursor.rows, Number(offset), cursor.total, version, id);
    }

    private requireRecords(body: unknown): SObject[] {
        const records = (body as { records?: unknown } | undefined)?.records;
        if (!Array.isArray(records))
            throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must have a records array');
        if (records.length > COLLECTION_LIMIT) {
            throw new ApiError(
                400,
                'EXCEEDED_ID_LIMIT',
                `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`
            );
        }
        return records as SObject[];
    }

    private collection(
        operation: 'insert' | 'update' | 'upsert',
        body: unknown,
        objectName?: string,
        extField?: string
    ): SaveResult[] {
        const records = this.requireRecords(body);
        const allOrNone = (body as { allOrNone?: unknown }).allOrNone === true;
        const options = { allOrNone, beforeSave: this.beforeSave };
        if (operation === 'upsert') {
            const object = this.store.object(objectName!);
            for (const record of records) {
                const type = (record.attributes as { type?: string } | undefined)?.type;
                if (type && type.toLowerCase() !== object.name.toLowerCase()) {
                    throw new ApiError(400, 'INVALID_FIELD', `The sObject type ${type} does not match ${object.name}`);
                }
            }
            return this.store.upsert(object.name, extField!, records.map(stripAttributes), options);
        }
        // insert and update take mixed types: each record names its type in attributes
        const transaction = allOrNone ? this.store.beginTransaction() : undefined;
        const results = records.map((record) => {
            const type = (record.attributes as { type?: string } | undefined)?.type;
            if (!type) return failure('INVALID_FIELD', 'No SObject Type defined in attributes');
            const object = this.store.object(type);
            const [result] =
                operation === 'insert'
                    ? this.store.insert(object.name, [stripAttributes(record)], options)
                    : this.store.update(object.name, [stripAttributes(record)], options);
            return result;
        });
        if (transaction) {
            if (results.some((r) => !r.success)) {
                transaction.rollback();
                return results.map((r) =>
                    r.success
                        ? failure(
                              'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                              'Record rolled back because not all records were valid and the request was using AllOrNone header'
                          )
                        : r
                );
            }
            transaction.commit();
        }
        return results;
    }

    private collectionDelete(query: URLSearchParams): SaveResult[] {
        const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
        if (!ids.length) throw new ApiError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
        if (ids.length > COLLECTION_LIMIT)
            throw new ApiError(
                400,
                'EXCEEDED_ID_LIMIT',
                `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`
            );
        return this.store.delete(ids, { allOrNone: query.get('allOrNone') === 'true', beforeSave: this.beforeSave });
    }

    private createOne(objectName: string, body: unknown): Reply {
        const [result] = this.store.insert(objectName, [stripAttributes((body ?? {}) as SObject)], {
            allOrNone: true,
            beforeSave: this.beforeSave
        });
        if (!result.success) throw recordErrorToApi(result);
        return new Reply(201, result);
    }

    private updateOne(objectName: string, id: string, body: unknown): Reply {
        const [result] = this.store.update(objectName, [{ ...stripAttributes((body ?? {}) as SObject), Id: id }], {
            allOrNone: true,
            beforeSave: this.beforeSave
        });
        if (!result.success) throw recordErrorToApi(result);
        return new Reply(204, undefined);
    }

    private upsertOne(objectName: string, field: string, value: string, body: unknown): Reply {
        const [result] = this.store.upsert(
            objectName,
            field,
            [{ ...stripAttributes((body ?? {}) as SObject), [field]: value }],
            { allOrNone: true, beforeSave: this.beforeSave }
        );
        if (!result.success) throw recordErrorToApi(result);
        return new Reply(result.created ? 201 : 200, result);
    }

    private deleteOne(id: string): Reply {
        const [result] = this.store.delete([id], { allOrNone: true });
        if (!result.success) throw recordErrorToApi(result);
        return new Reply(204, undefined);
    }

    private createJob(req: ApiRequest): unknown {
        if (req.contentType.startsWith('multipart/form-data') && this.options.multipartIngest === false) {
            throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content type multipart/form-data is not supported here');
        }
        if (req.contentType.startsWith('multipart/form-data')) {
            const parts = parseMultipart(req.rawBody, req.contentType);
            const jobPart = parts.find((p) => p.name === 'job');
            const content = parts.find((p) => p.name === 'content');
            if (!jobPart || !content)
                throw new ApiError(
                    400,
                    'INVALIDJOB',
                    'InvalidJob : a multipart job needs a "job" part and a "content" part'
                );
            let spec: unknown;
            try {
                spec = JSON.parse(jobPart.body);
            } catch {
                throw new ApiError(400, 'JSON_PARSER_ERROR', 'The job part is not valid JSON');
            }
            if (content.body.length > MULTIPART_MAX_CHARS) {
                throw new ApiError(
                    400,
                    'INVALIDJOB',
                    `InvalidJob : a multipart request carries at most ${MULTIPART_MAX_CHARS} characters of CSV; upload larger data to /jobs/ingest/<jobId>/batches`
                );
            }
            const job = this.bulk.create(spec);
            this.bulk.upload(job.id, content.body);
            this.bulk.setState(job.id, 'UploadComplete');
            return this.bulk.info(job);
        }
        return this.bulk.info(this.bulk.create(req.body));
    }

    /** sObject Tree: creates up to 200 records (with nested children) all-or-none, answering with reference ids. */
    private tree(objectName: string, body: unknown): Reply {
        const records = (body as { records?: unknown } | undefined)?.records;
        if (!Array.isArray(records))
            throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must have a records array');
        const flat: {
            type: string;
            referenceId: string;
            record: SObject;
            parentRef?: { ref: string; field: string };
        }[] = [];
        const walk = (list: SObject[], type: string, parentRef?: { ref: string; field: string }): void => {
            for (const raw of list) {
                const attributes = (raw.attributes ?? {}) as { type?: string; referenceId?: string };
                const object = this.store.object(attributes.type ?? type);
                const record: SObject = {};
                for (const [key, value] of Object.entries(raw)) {
                    if (key === 'attributes') continue;
                    const nested =
                        value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records);
                    if (!nested) {
                        record[key] = value;
                        continue;
                    }
                    const childField = [...this.store.schema.values()]
                        .flatMap((o) => [...o.fields.values()].map((f) => ({ o, f })))
                        .find(
                            ({ o, f }) =>
                                f.referenceTo.includes(object.name) && `${o.name}s`.toLowerCase() === key.toLowerCase()
                        );
                    if (!childField)
                        throw new ApiError(400, 'INVALID_FIELD', `No such relationship '${key}' on ${object.name}`);
                    flat.push({ type: object.name, referenceId: attributes.referenceId ?? '', record, parentRef });
                    walk((value as { records: SObject[] }).records, childField.o.name, {
                        ref: attributes.referenceId ?? '',
                        field: childField.f.name
                    });
                    continue;
                }
                if (!flat.some((f) => f.record === record))
                    flat.push({ type: object.name, referenceId: attributes.referenceId ?? '', record, parentRef });
            }
        };
        walk(records as SObject[], this.store.object(objectName).name);
        if (flat.length > TREE_LIMIT)
            throw new ApiError(
                400,
                'LIMIT_EXCEEDED',
                `Too many records in the request: ${flat.length}. The limit is ${TREE_LIMIT}.`
            );
        const transaction = this.store.beginTransaction();
        const ids = new Map<string, string>();
        const results: { referenceId: string; id?: string; errors?: unknown[] }[] = [];
        let failed = false;
        for (const item of flat) {
            const record = { ...item.record };
            if (item.parentRef) record[item.parentRef.field] = ids.get(item.parentRef.ref);
            const [result] = this.store.insert(item.type, [record], { allOrNone: true, beforeSave: this.beforeSave });
            if (result.success) {
                ids.set(item.referenceId, result.id!);
                results.push({ referenceId: item.referenceId, id: result.id! });
            } else {
                failed = true;
                results.push({ referenceId: item.referenceId, errors: result.errors });
            }
        }
        if (failed) {
            transaction.rollback();
            return new Reply(400, { hasErrors: true, results: results.filter((r) => r.errors) });
        }
        transaction.commit();
        return new Reply(201, { hasErrors: false, results });
    }

    /** Composite: up to 25 subrequests (at most 5 collections or queries), run in order, one API call. */
    private composite(body: unknown, version: string): unknown {
        const spec = (body ?? {}) as {
            allOrNone?: boolean;
            compositeRequest?: { method: string; url: string; referenceId: string; body?: unknown }[];
        };
        const subrequests = spec.compositeRequest;
        if (!Array.isArray(subrequests) || !subrequests.length)
            throw new ApiError(400, 'JSON_PARSER_ERROR', 'compositeRequest must be a non-empty array');
        if (subrequests.length > COMPOSITE_LIMIT) {
            throw new ApiError(
                400,
                'LIMIT_EXCEEDED',
                `Too many subrequests: ${subrequests.length}. A composite request can have at most ${COMPOSITE_LIMIT} subrequests.`
            );
        }
        const heavy = subrequests.filter((s) => /\/composite\/sobjects|\/query(All)?(\/|\?|$)/.test(s.url)).length;
        if (heavy > COMPOSITE_HEAVY_LIMIT) {
            throw new ApiError(
                400,
                'LIMIT_EXCEEDED',
                `A composite request can have at most ${COMPOSITE_HEAVY_LIMIT} sObject Collections or query subrequests; this one has ${heavy}.`
            );
        }
        const references = new Map<string, unknown>();
        const transaction = spec.allOrNone ? this.store.beginTransaction() : undefined;
        const responses: {
            body: unknown;
            httpHeaders: Record<string, string>;
            httpStatusCode: number;
            referenceId: string;
        }[] = [];
        let halted = false;
        for (const sub of subrequests) {
            if (halted) {
                responses.push({
                    body: [
                        {
                            errorCode: 'PROCESSING_HALTED',
                            message:
                                'The transaction was rolled back since another operation in the same transaction failed.'
                        }
                    ],
                    httpHeaders: {},
                    httpStatusCode: 400,
                    referenceId: sub.referenceId
                });
                continue;
            }
            const resolve = (text: string): string =>
                text.replace(/@\{([A-Za-z0-9_]+)\.([A-Za-z0-9_.[\]]+)\}/g, (_, ref: string, path: string) => {
                    let value: unknown = references.get(ref);
                    for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.'))
                        value = (value as Record<string, unknown> | undefined)?.[part];
                    return String(value ?? '');
                });
            const url = new URL(resolve(sub.url), 'http://127.0.0.1');
            const subBody = sub.body === undefined ? undefined : JSON.parse(resolve(JSON.stringify(sub.body)));
            let status = 200;
            let result: unknown;
            try {
                const routed = this.route({
                    method: sub.method.toUpperCase(),
                    path: url.pathname,
                    query: url.searchParams,
                    body: subBody,
                    rawBody: '',
                    contentType: 'application/json'
                });
                if (routed instanceof Reply) {
                    status = routed.status;
                    result = routed.body ?? null;
                } else {
                    result = routed;
                }
            } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                status = error.status;
                result = error.body();
            }
            references.set(sub.referenceId, result);
            responses.push({ body: result, httpHeaders: {}, httpStatusCode: status, referenceId: sub.referenceId });
            const subFailed =
                status >= 400 || (Array.isArray(result) && result.some((r) => (r as SaveResult).success === false));
            if (subFailed && spec.allOrNone) halted = true;
        }
        if (transaction) {
            if (halted) transaction.rollback();
            else transaction.commit();
        }
        void version;
        return { compositeResponse: responses };
    }
}

function stripAttributes(record: SObject): SObject {
    const rest = { ...record };
    delete rest.attributes;
    return rest;
}

function failure(statusCode: string, message: string): SaveResult {
    return { id: null, success: false, errors: [{ statusCode, message, fields: [] }] };
}

function recordErrorToApi(result: SaveResult): ApiError {
    const error = result.errors[0];
    return new ApiError(
        400,
        error?.statusCode ?? 'UNKNOWN_EXCEPTION',
        error?.message ?? 'unknown error',
        error?.fields ?? []
    );
}

/** Splits a multipart/form-data body into its named parts. */
export function parseMultipart(body: string, contentType: string): { name: string; body: string }[] {
    const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
    if (!boundary) throw new ApiError(400, 'INVALIDJOB', 'multipart request without a boundary');
    return body
        .split(`--${boundary}`)
        .slice(1)
        .filter((part) => !part.startsWith('--'))
        .map((part) => {
            const split = part.indexOf('\r\n\r\n');
            const headers = part.slice(0, split);
            const name = /name="([^"]+)"/.exec(headers)?.[1] ?? '';
            return { name, body: part.slice(split + 4).replace(/\r\n$/, '') };
        });
}

/** Starts a local org on a random port. */
export async function startFakeOrg(options: FakeOrgOptions = {}): Promise<FakeOrg> {
    const org = new FakeOrg(options);
    await org.start();
    return org;
}
