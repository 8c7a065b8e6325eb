/**
 * Writes the seed's new and changed records: parents before children, small objects as sObject Collections
 * upserts packed five to a Composite request (1,000 records per API call, run in order so a parent saved in
 * one subrequest is there for its children in the next), large objects as Bulk API 2.0 upsert jobs. A record
 * whose parent failed is not sent: it is reported as skipped, and the next run loads it.
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
import { EXTERNAL_ID, type ObjectDiff, type PlanObject, toApiRecord, toCsvRows, type Write } from './seedPlan';

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
    sobject: string;
    writes: Write[];
    /** One record as a single-record upsert subrequest. */
    light?: boolean;
}

export class SeedWriter {
    private readonly failed = new Map<string, Set<string>>();
    private readonly outcome: WriteOutcome = { created: 0, updated: 0, problems: [] };
    private before: Subrequest | undefined;

    constructor(
        private readonly api: OrgApi,
        private readonly plan: PlanObject[],
        private readonly progress: Progress,
        private readonly options: WriteOptions
    ) {
        this.before = options.before;
    }

    /**
     * Writes every diff in dependency order; `finals` (writes that must follow all others) ride in the last
     * Composite requests rather than requests of their own.
     */
    async write(diffs: ObjectDiff[], finals: ObjectDiff[] = []): Promise<WriteOutcome> {
        let finalPending = finals.filter((f) => f.writes.length);
        const refsOf = new Map(this.plan.map((p) => [p.sobject, p.refs]));
        const pending = diffs.filter((d) => d.writes.length);
        const done = new Set(diffs.filter((d) => !d.writes.length).map((d) => d.sobject));
        for (const p of this.plan) if (!pending.some((d) => d.sobject === p.sobject)) done.add(p.sobject);
        while (pending.length) {
            const chain: ObjectDiff[] = [];
            const bulk: ObjectDiff[] = [];
            const depsOf = (sobject: string): string[] => Object.values(refsOf.get(sobject) ?? {});
            const isBulk = (diff: ObjectDiff): boolean => diff.writes.length > this.options.bulkThreshold;
            // objects nothing depends on wait for the last wave, where they share its Composite requests
            const laterWave = pending.some((d) => isBulk(d) && !depsOf(d.sobject).every((x) => done.has(x)));
            const isLeaf = (sobject: string): boolean =>
                !this.plan.some((p) => Object.values(p.refs).includes(sobject));
            for (const diff of pending) {
                const deps = depsOf(diff.sobject);
                if (isBulk(diff)) {
                    if (deps.every((d) => done.has(d))) bulk.push(diff);
                } else if (laterWave && isLeaf(diff.sobject)) {
                    continue;
                } else if (deps.every((d) => done.has(d) || chain.some((c) => c.sobject === d))) {
                    chain.push(diff);
                }
            }
            if (!chain.length && !bulk.length)
                throw new Error(
                    `internal: no object is ready to load among ${pending.map((p) => p.sobject).join(', ')}`
                );
            if (this.before && !chain.length) {
                await this.api.composite([this.before]).then((r) => this.checkBefore(r[0]));
                this.before = undefined;
            }
            if (finalPending.length && chain.length + bulk.length === pending.length) {
                // the last wave: its bulk jobs first, then its collections and the final writes in one chain
                await Promise.all(bulk.map((diff) => this.runBulk(diff)));
                await this.runChain([...chain, ...finalPending]);
                finalPending = [];
            } else {
                await Promise.all([this.runChain(chain), ...bulk.map((diff) => this.runBulk(diff))]);
            }
            for (const diff of [...chain, ...bulk]) {
                done.add(diff.sobject);
                pending.splice(pending.indexOf(diff), 1);
            }
        }
        if (finalPending.length) await this.runChain(finalPending);
        if (this.before) {
            await this.api.composite([this.before]).then((r) => this.checkBefore(r[0]));
            this.before = undefined;
        }
        return this.outcome;
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
     * Sends the chain's writes in order, filling each Composite request: up to five collections of 200 records,
     * then single-record upserts in the remaining subrequests (1,020 records per API call at most).
     */
    private async runChain(chain: ObjectDiff[]): Promise<void> {
        const queue = chain.flatMap((diff) => diff.writes.map((write) => ({ sobject: diff.sobject, write })));
        let next = 0;
        while (next < queue.length) {
            const chunks: Chunk[] = [];
            const room = COMPOSITE_SUBREQUESTS - (this.before ? 1 : 0);
            while (chunks.length < COMPOSITE_HEAVY && next < queue.length) {
                const sobject = queue[next].sobject;
                const writes: Write[] = [];
                while (writes.length < COLLECTION_SIZE && next < queue.length && queue[next].sobject === sobject) {
                    writes.push(queue[next++].write);
                }
                chunks.push({ sobject, writes });
            }
            while (chunks.length < room && next < queue.length) {
                chunks.push({ sobject: queue[next].sobject, writes: [queue[next++].write], light: true });
            }
            await this.sendComposite(chunks);
        }
    }

    private async sendComposite(chunks: Chunk[]): Promise<void> {
        const sent = chunks
            .map((c) => ({ ...c, writes: this.sendable(c.sobject, c.writes) }))
            .filter((c) => c.writes.length);
        if (!sent.length) return;
        const subrequests: Subrequest[] = [];
        if (this.before) subrequests.push(this.before);
        sent.forEach((chunk, i) => {
            const refs = this.plan.find((p) => p.sobject === chunk.sobject)!.refs;
            if (chunk.light) {
                const write = chunk.writes[0];
                const body = toApiRecord(chunk.sobject, write, refs);
                delete body.attributes;
                delete body[EXTERNAL_ID];
                subrequests.push({
                    method: 'PATCH',
                    url: `${this.api.base}/sobjects/${chunk.sobject}/${EXTERNAL_ID}/${encodeURIComponent(write.record.externalId)}`,
                    referenceId: `one${i}`,
                    body
                });
                return;
            }
            subrequests.push({
                method: 'PATCH',
                url: `${this.api.base}/composite/sobjects/${chunk.sobject}/${EXTERNAL_ID}`,
                referenceId: `${chunk.sobject.replace(/[^A-Za-z0-9]/g, '')}${i}`,
                body: { allOrNone: false, records: chunk.writes.map((w) => toApiRecord(chunk.sobject, w, refs)) }
            });
        });
        let responses;
        try {
            responses = await this.api.composite(subrequests);
        } catch (error) {
            for (const chunk of sent) {
                for (const write of chunk.writes)
                    this.fail(chunk.sobject, write.record.externalId, 'REQUEST_FAILED', (error as Error).message);
                this.progress.tick(chunk.writes.length, chunk.writes.length);
            }
            return;
        }
        if (this.before) {
            this.checkBefore(responses.shift());
            this.before = undefined;
        }
        sent.forEach((chunk, i) => {
            const response = responses[i];
            const before = this.outcome.problems.length;
            if (!response || response.httpStatusCode >= 400) {
                const [error] = (response?.body as { errorCode?: string; message?: string }[] | undefined) ?? [];
                for (const write of chunk.writes)
                    this.fail(
                        chunk.sobject,
                        write.record.externalId,
                        error?.errorCode ?? 'REQUEST_FAILED',
                        error?.message ?? 'no response'
                    );
            } else if (chunk.light) {
                this.record(chunk.sobject, chunk.writes[0], {
                    success: true,
                    errors: [],
                    ...(response.body as object)
                });
            } else {
                const results = response.body as SaveResult[];
                chunk.writes.forEach((write, j) => this.record(chunk.sobject, write, results[j]));
            }
            this.progress.tick(chunk.writes.length, this.outcome.problems.length - before);
        });
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
