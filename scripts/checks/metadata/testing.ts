/**
 * Test helpers: small fake projects in temp folders, so each rule's test can feed it broken metadata.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createContext, runRules } from './core/checker';
import type { Problem, Rule } from './core/types';

export const API_VERSION = '65.0';
export const DEFAULT = 'force-app/main/default';

/** Writes the files (paths relative to the project root) plus an sfdx-project.json, runs fn, cleans up. */
export function withProject<T>(files: Record<string, string>, fn: (root: string) => T): T {
    const root = mkdtempSync(join(tmpdir(), 'crossway-metadata-'));
    try {
        const all: Record<string, string> = {
            'sfdx-project.json': JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: API_VERSION
            }),
            ...files
        };
        for (const [path, text] of Object.entries(all)) {
            const full = join(root, path);
            mkdirSync(dirname(full), { recursive: true });
            writeFileSync(full, text);
        }
        return fn(root);
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
}

/** Runs the given rules on a fake project and returns their problems. */
export function check(files: Record<string, string>, rules: readonly Rule[]): Problem[] {
    return withProject(files, (root) => runRules(createContext(root), rules));
}

/** A metadata XML document with the Metadata API namespace. */
export function xml(rootName: string, body: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${rootName} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${rootName}>\n`;
}

/** Problems as `file:line: message` strings, for readable assertions. */
export function lines(problems: Problem[]): string[] {
    return problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

/** One-based line of the first occurrence of needle in text (throws when absent, so tests cannot pass vacuously). */
export function lineOf(text: string | undefined, needle: string, occurrence = 1): number {
    let index = -1;
    for (let n = 0; n < occurrence; n++) {
        index = (text ?? '').indexOf(needle, index + 1);
        if (index < 0) throw new Error(`text does not contain ${needle}`);
    }
    return (text ?? '').slice(0, index).split('\n').length;
}

/** Asserts the problems are exactly the expected ones (file, line, message pattern), in any order. */
export function assertProblems(problems: Problem[], expected: { file: string; line: number; message: RegExp }[]): void {
    const describe = (): string => lines(problems).join('\n');
    if (problems.length !== expected.length) {
        throw new Error(`expected ${expected.length} problem(s), got ${problems.length}:\n${describe()}`);
    }
    for (const e of expected) {
        const hit = problems.find((p) => p.file === e.file && p.line === e.line && e.message.test(p.message));
        if (!hit) throw new Error(`no problem at ${e.file}:${e.line} matching ${e.message}; got:\n${describe()}`);
    }
}
