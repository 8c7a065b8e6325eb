/**
 * Per-record error reports: every record that failed, with its object, external id, Salesforce error code,
 * message and fields; printed as a short table and written in full to a CSV file an admin can open.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatCsv } from './csv';

export interface RecordProblem {
    sobject: string;
    externalId: string;
    code: string;
    message: string;
    fields?: string[];
}

export function summarizeProblems(problems: RecordProblem[], max = 15): string {
    const lines = problems
        .slice(0, max)
        .map(
            (p) =>
                `  ${p.sobject} ${p.externalId}: ${p.code}: ${p.message}${p.fields?.length ? ` [${p.fields.join(', ')}]` : ''}`
        );
    if (problems.length > max) lines.push(`  ... and ${problems.length - max} more`);
    return lines.join('\n');
}

export function writeProblemReport(path: string, problems: RecordProblem[]): void {
    mkdirSync(dirname(path), { recursive: true });
    const rows = problems.map((p) => [p.sobject, p.externalId, p.code, p.message, (p.fields ?? []).join(';')]);
    writeFileSync(path, formatCsv([['Object', 'External_Id__c', 'Error code', 'Message', 'Fields'], ...rows]));
}
