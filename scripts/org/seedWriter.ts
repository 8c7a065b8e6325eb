/**
 * Writes the seed's new and changed records, parents before children: small objects in full Composite requests
 * (five sObject Collections of 200 records, then single-record upserts; new records of objects that do not
 * reference each other share a create collection, changed records go as upserts by external id; subrequests run
 * in order, so a parent saved in one is there for its children in the next), large objects as Bulk API 2.0
 * upsert jobs started as soon as their parents are in. A record whose parent failed is not sent: it is reported
 * as skipped, and the next run loads it.
 */
import { formatCsv } from '../lib/csv';
import {
    COLLECTION_SIZE,
    COMPOSITE_HEAVY,
    COMPOSITE_SUBREQUESTS,
    OrgApi,
    type SaveResult,
    type Subrequest
} from '../lib/orgApi';
import type { Progress } from '../lib/progress';
import type { RecordProblem } from '../lib/report';
import {
    CREATE_ONLY,
    EXTERNAL_ID,
    type ObjectDiff,
    type PlanObject,
    toApiRecord,
    toCsvRows,
    type Write
} from './seedPlan';

export interface WriteOptions {
    bulkThreshold: number;
    /** A light subrequest to run before any record is written (activating the Standard Price Book). */
    before?: Subrequest;
}

export interface WriteOutcome {
    created: number;
    updated: number;
    problems: RecordProblem[];
}

interface Chunk {
    /** The object of an upsert chunk; a create chunk names each record's type in its attributes. */
    sobject: string;
    items: QueueItem[];
    /** One record as a single-record upsert subrequest. */
    light?: boolean;
    /** New records of one or more independent objects, created by an sObject Collections create. */
    create?: boolean;
}

interface QueueItem {
    sobject: string;
    write: Write;
    /** A write that must follow every Bulk API job (deactivations after the line items). */
    final?: boolean;
    /** Sent as an upsert even when new (a create that found the record already there). */
    upsert?: boolean;
    /** The error of that create: reported if the upsert fails too (the record was not there after all). */
    createError?: SaveResult;
}

/** A real org processes a mixed-type collection in chunks of one type each, at most ten of them. */
const MAX_TYPES_PER_COLLECTION = 10;

export class SeedWriter {
    private readonly failed = new Map<string, Set<string>>();
    private readonly outcome: WriteOutcome = { created: 0, updated: 0, problems: [] };
    private before: Subrequest | undefined;
    private readonly depsOf: Map<string, string[]>;

    constructor(
        private readonly api: OrgApi,
        private readonly plan: PlanObject[],
        private readonly progress: Progress,
        private readonly options: WriteOptions
    ) {
        this.before = options.before;
        this.depsOf = new Map(plan.map((p) => [p.sobject, [...new Set(Object.values(p.refs))]]));
    }

    /**
     * Writes every diff, parents before children. Objects with more writes than the bulk threshold go as
     * Bulk API 2.0 jobs, each started as soon as its parents are in; all other writes form one queue sent in
     * full Composite requests (a request waits only when its next record needs a Bulk API job's records).
     * `finals` (writes that must follow all others) ride in the last Composite requests.
     */
    async write(diffs: ObjectDiff[], finals: ObjectDiff[] = []): Promise<WriteOutcome> {
        const pending = diffs.filter((d) => d.writes.length);
        const bulk = pending.filter((d) => d.writes.length > this.options.bulkThreshold);
        const bulkObjects = new Set(bulk.map((d) => d.sobject));
        const ancestors = (sobject: string, seen = new Set<string>()): Set<string> => {
            for (const dep of this.depsOf.get(sobject) ?? []) {
                if (seen.has(dep)) continue;
                seen.add(dep);
                ancestors(dep, seen);
            }
            return seen;
        };
        // load order: what Bulk API jobs need first (so they start early), objects below a job last; and where the
        // order allows, an object does not follow its own parent, so that both share a create collection
        const group = (sobject: string): number => {
            if (bulk.some((d) => ancestors(d.sobject).has(sobject))) return 0;
            return [...ancestors(sobject)].some((a) => bulkObjects.has(a)) ? 2 : 1;
        };
        const rest = pending.filter((d) => !bulkObjects.has(d.sobject));
        const chain: ObjectDiff[] = [];
        while (rest.length) {
            const placeable = rest
                .filter((d) => [...ancestors(d.sobject)].every((x) => !rest.some((r) => r.sobject === x)))
                .sort((a, b) => group(a.sobject) - group(b.sobject));
            const previous = chain[chain.length - 1]?.sobject;
            const pick =
                placeable.find(
                    (d) =>
                        group(d.sobject) === group(placeable[0].sobject) &&
                        !(this.depsOf.get(d.sobject) ?? []).includes(previous ?? '')
                ) ?? placeable[0];
            if (!pick) throw new Error(`internal: no load order for ${rest.map((d) => d.sobject).join(', ')}`);
            chain.push(pick);
            rest.splice(rest.indexOf(pick), 1);
        }
        // within an object, new records first: they fill create collections, the changed ones upsert collections
        const queue: QueueItem[] = [
            ...chain.flatMap((d) =>
                [...d.writes.filter((w) => w.isNew), ...d.writes.filter((w) => !w.isNew)].map((write) => ({
                    sobject: d.sobject,
                    write
                }))
            ),
            ...finals.flatMap((d) => d.writes.map((write) => ({ sobject: d.sobject, write, final: true })))
        ];
        // an object is committed once all its writes have come back; Bulk API jobs start when their parents are
        const remaining = new Map<string, number>();
        for (const item of queue) if (!item.final) remaining.set(item.sobject, (remaining.get(item.sobject) ?? 0) + 1);
        const jobs = new Map<string, Promise<void>>();
        const finished = new Set<string>();
        const committed = (sobject: string): boolean =>
            bulkObjects.has(sobject) ? finished.has(sobject) : !remaining.get(sobject);
        const startJobs = async (): Promise<void> => {
            for (const diff of bulk) {
                if (jobs.has(diff.sobject) || !(this.depsOf.get(diff.sobject) ?? []).every(committed)) continue;
                if (this.before) await this.sendBefore();
                jobs.set(
                    diff.sobject,
                    this.runBulk(diff).then(async () => {
                        finished.add(diff.sobject);
                        await startJobs();
                    })
                );
            }
        };
        const ready = (item: QueueItem): boolean =>
            item.final
                ? bulk.every((d) => finished.has(d.sobject))
                : (this.depsOf.get(item.sobject) ?? []).every((d) => !bulkObjects.has(d) || finished.has(d));

        // a record that needs a running Bulk API job waits for it, rather than go in a request of its own later
        const wait = async (item: QueueItem): Promise<boolean> => {
            const needed = item.final
                ? bulk.map((d) => d.sobject)
                : (this.depsOf.get(item.sobject) ?? []).filter((d) => bulkObjects.has(d));
            const running = needed.filter((s) => !finished.has(s)).map((s) => jobs.get(s));
            if (running.some((job) => !job)) return false;
            await Promise.all(running);
            return true;
        };

        await startJobs();
        let next = 0;
        while (next < queue.length) {
            if (!ready(queue[next]) && !(await wait(queue[next])))
                throw new Error(`internal: ${queue[next].sobject} waits for a Bulk API job that never started`);
            const chunks: Chunk[] = [];
            next = await this.fill(queue, next, chunks, ready, wait);
            const again = await this.sendComposite(chunks);
            for (const chunk of chunks)
                for (const item of chunk.items)
                    if (!item.final && !again.some((a) => a.write.record === item.write.record))
                        remaining.set(item.sobject, remaining.get(item.sobject)! - 1);
            // creates that found their record already there go again, first, as upserts
            queue.splice(next, 0, ...again);
            await startJobs();
        }
        // a job may start another when it finishes: wait until none is left running
        for (;;) {
            await startJobs();
            const started = [...jobs.values()];
            await Promise.all(started);
            if (jobs.size === started.length) break;
        }
        if (jobs.size < bulk.length) throw new Error('internal: a Bulk API job never started');
        if (this.before) await this.sendBefore();
        return this.outcome;
    }

    /**
     * Fills one Composite request from the queue: up to five collections of 200 records (new records of
     * objects that do not reference each other share a create collection; other writes go as upserts of one
     * object), then single-record upserts in the remaining subrequests. Returns the next queue position.
     */
    private async fill(
        queue: QueueItem[],
        start: number,
        chunks: Chunk[],
        ready: (item: QueueItem) => boolean,
        wait: (item: QueueItem) => Promise<boolean>
    ): Promise<number> {
        let next = start;
        const room = COMPOSITE_SUBREQUESTS - (this.before ? 1 : 0);
        // true when the next record can go in this request, after waiting for a running Bulk API job if need be
        const more = async (): Promise<boolean> =>
            next < queue.length && (ready(queue[next]) || (await wait(queue[next])));
        while (chunks.length < COMPOSITE_HEAVY && (await more())) {
            const first = queue[next];
            const create = first.write.isNew && !first.upsert && !first.final;
            const items: QueueItem[] = [];
            const types = new Set<string>();
            while (items.length < COLLECTION_SIZE && (await more())) {
                const item = queue[next];
                if (create) {
                    if (!item.write.isNew || item.upsert || item.final) break;
                    if (!types.has(item.sobject)) {
                        const deps = this.depsOf.get(item.sobject) ?? [];
                        if (types.size >= MAX_TYPES_PER_COLLECTION || deps.some((d) => types.has(d))) break;
                        types.add(item.sobject);
                    }
                } else if (item.sobject !== first.sobject || (item.write.isNew && !item.upsert && !item.final)) {
                    break;
                }
                items.push(item);
                next++;
            }
            chunks.push({ sobject: first.sobject, items, create });
        }
        while (chunks.length < room && (await more())) {
            chunks.push({ sobject: queue[next].sobject, items: [queue[next++]], light: true });
        }
        return next;
    }

    private async sendBefore(): Promise<void> {
        const response = await this.api.composite([this.before!]);
        this.checkBefore(response[0]);
        this.before = undefined;
    }

    private checkBefore(response: { httpStatusCode: number; body: unknown } | undefined): void {
        if (response && response.httpStatusCode >= 400) {
            const [error] = (response.body as { errorCode?: string; message?: string }[]) ?? [];
            throw new Error(
                `Could not prepare the org (${this.options.before?.referenceId}): ${error?.errorCode ?? ''} ${error?.message ?? ''}`
            );
        }
    }

    private isFailed(sobject: string, externalId: string | null): boolean {
        return externalId !== null && (this.failed.get(sobject)?.has(externalId.toLowerCase()) ?? false);
    }

    private fail(sobject: string, externalId: string, code: string, message: string, fields: string[] = []): void {
        let set = this.failed.get(sobject);
        if (!set) this.failed.set(sobject, (set = new Set()));
        set.add(externalId.toLowerCase());
        this.outcome.problems.push({ sobject, externalId, code, message, fields });
    }

    /** Drops (and reports) the writes whose parent failed earlier in this run. */
    private sendable(sobject: string, writes: Write[]): Write[] {
        const refs = this.plan.find((p) => p.sobject === sobject)!.refs;
        return writes.filter((write) => {
            const broken = Object.entries(write.record.refs).find(([rel, value]) => this.isFailed(refs[rel], value));
            if (!broken) return true;
            this.fail(
                sobject,
                write.record.externalId,
                'SKIPPED',
                `not sent because its ${broken[0]} (${broken[1]}) failed to load`
            );
            this.progress.tick(1, 1);
            return false;
        });
    }

    private record(sobject: string, write: Write, result: SaveResult | undefined): void {
        if (result?.success) {
            if (write.isNew) this.outcome.created++;
            else this.outcome.updated++;
            return;
        }
        const error = result?.errors[0];
        this.fail(
            sobject,
            write.record.externalId,
            error?.statusCode ?? 'UNKNOWN',
            error?.message ?? 'no result returned',
            error?.fields ?? []
        );
    }

    /**
     * Sends one Composite request. Returns the new records its creates found already in the org (a request that
     * was committed, then lost in transit and sent again): they go back into the queue as upserts.
     */
    private async sendComposite(chunks: Chunk[]): Promise<QueueItem[]> {
        const sent = chunks
            .map((c) => ({
                ...c,
                items: c.items.filter((item) => this.sendable(item.sobject, [item.write]).length)
            }))
            .filter((c) => c.items.length);
        const again: QueueItem[] = [];
        if (!sent.length) return again;
        const subrequests: Subrequest[] = [];
        if (this.before) subrequests.push(this.before);
        const refsOf = (sobject: string): Record<string, string> => this.plan.find((p) => p.sobject === sobject)!.refs;
        sent.forEach((chunk, i) => {
            if (chunk.light) {
                const { sobject, write } = chunk.items[0];
                const body = toApiRecord(sobject, write, refsOf(sobject));
                delete body.attributes;
                delete body[EXTERNAL_ID];
                subrequests.push({
                    method: 'PATCH',
                    url: `${this.api.base}/sobjects/${sobject}/${EXTERNAL_ID}/${encodeURIComponent(write.record.externalId)}`,
                    referenceId: `one${i}`,
                    body
                });
                return;
            }
            const records = chunk.items.map(({ sobject, write }) => toApiRecord(sobject, write, refsOf(sobject)));
            subrequests.push(
                chunk.create
                    ? {
                          method: 'POST',
                          url: `${this.api.base}/composite/sobjects`,
                          referenceId: `create${i}`,
                          body: { allOrNone: false, records }
                      }
                    : {
                          method: 'PATCH',
                          url: `${this.api.base}/composite/sobjects/${chunk.sobject}/${EXTERNAL_ID}`,
                          referenceId: `${chunk.sobject.replace(/[^A-Za-z0-9]/g, '')}${i}`,
                          body: { allOrNone: false, records }
                      }
            );
        });
        let responses;
        try {
            responses = await this.api.composite(subrequests);
        } catch (error) {
            for (const chunk of sent) {
                for (const { sobject, write } of chunk.items)
                    this.fail(sobject, write.record.externalId, 'REQUEST_FAILED', (error as Error).message);
                this.progress.tick(chunk.items.length, chunk.items.length);
            }
            return again;
        }
        if (this.before) {
            this.checkBefore(responses.shift());
            this.before = undefined;
        }
        sent.forEach((chunk, i) => {
            const response = responses[i];
            const before = this.outcome.problems.length;
            let done = chunk.items.length;
            if (!response || response.httpStatusCode >= 400) {
                const [error] = (response?.body as { errorCode?: string; message?: string }[] | undefined) ?? [];
                for (const item of chunk.items)
                    this.record(
                        item.sobject,
                        item.write,
                        item.createError ?? {
                            success: false,
                            errors: [
                                {
                                    statusCode: error?.errorCode ?? 'REQUEST_FAILED',
                                    message: error?.message ?? 'no response'
                                }
                            ]
                        }
                    );
            } else if (chunk.light) {
                const { sobject, write } = chunk.items[0];
                this.record(sobject, write, { success: true, errors: [], ...(response.body as object) });
            } else {
                const results = response.body as SaveResult[];
                chunk.items.forEach((item, j) => {
                    const result = results[j];
                    if (chunk.create && !result?.success && result?.errors?.[0]?.statusCode === 'DUPLICATE_VALUE') {
                        // most likely the record is there, saved by this run in a request lost in transit: it goes
                        // again as an upsert, without the create-only fields (set already)
                        const createOnly = CREATE_ONLY[item.sobject] ?? [];
                        const write = {
                            ...item.write,
                            fields: item.write.fields.filter((f) => !createOnly.includes(f)),
                            refs: item.write.refs.filter((r) => !createOnly.includes(r))
                        };
                        again.push({ ...item, write, upsert: true, createError: result });
                        done--;
                        return;
                    }
                    this.record(item.sobject, item.write, result?.success ? result : (item.createError ?? result));
                });
            }
            this.progress.tick(done, this.outcome.problems.length - before);
        });
        return again;
    }

    private async runBulk(diff: ObjectDiff): Promise<void> {
        const refs = this.plan.find((p) => p.sobject === diff.sobject)!.refs;
        // new rows carry create-only fields; rows of existing records must not, so they go in their own job
        const groups = [diff.writes.filter((w) => w.isNew), diff.writes.filter((w) => !w.isNew)];
        for (const group of groups) {
            const writes = this.sendable(diff.sobject, group);
            if (!writes.length) continue;
            const before = this.outcome.problems.length;
            try {
                const result = await this.api.bulkIngest(
                    { object: diff.sobject, operation: 'upsert', externalIdFieldName: EXTERNAL_ID },
                    formatCsv(toCsvRows(writes, refs))
                );
                const failedIds = new Set<string>();
                for (const { row, error } of result.failed) {
                    const externalId = row[EXTERNAL_ID] ?? '';
                    failedIds.add(externalId.toLowerCase());
                    const [code, ...rest] = error.split(':');
                    const message = rest.join(':').replace(/:[^:]*--\s*$/, '');
                    this.fail(diff.sobject, externalId, code || 'UNKNOWN', message || error);
                }
                for (const write of writes) {
                    if (failedIds.has(write.record.externalId.toLowerCase())) continue;
                    if (write.isNew) this.outcome.created++;
                    else this.outcome.updated++;
                }
            } catch (error) {
                for (const write of writes)
                    this.fail(diff.sobject, write.record.externalId, 'BULK_JOB_FAILED', (error as Error).message);
            }
            this.progress.tick(writes.length, this.outcome.problems.length - before);
        }
    }
}
