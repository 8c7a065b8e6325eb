/**
 * Shared helpers of the Apex checks: where the project's Apex lives, and parsing a class, a trigger or an admin's
 * anonymous Apex with @apexdevtools/apex-parser while collecting syntax errors (by default the parser only prints
 * them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
    ApexErrorListener,
    ApexParserFactory,
    type CompilationUnitContext,
    type TriggerUnitContext
} from '@apexdevtools/apex-parser';

export const ROOT = join(__dirname, '..', '..', '..');
export const FORCE_APP = join(ROOT, 'force-app', 'main', 'default');
export const APEX_DIRS = [join(FORCE_APP, 'classes'), join(FORCE_APP, 'triggers')];

export interface ApexFile {
    /** Path relative to the project root. */
    path: string;
    source: string;
    kind: 'class' | 'trigger';
}

export interface SyntaxProblem {
    line: number;
    column: number;
    message: string;
}

export interface ParsedApex {
    file: ApexFile;
    unit: CompilationUnitContext | TriggerUnitContext;
    errors: SyntaxProblem[];
}

/** Every .cls and .trigger under the given folders (default: the project's classes and triggers). */
export function findApexFiles(dirs: string[] = APEX_DIRS): ApexFile[] {
    const files: ApexFile[] = [];
    for (const dir of dirs) {
        let entries: string[];
        try {
            entries = readdirSync(dir).sort();
        } catch {
            continue;
        }
        for (const entry of entries) {
            const kind = entry.endsWith('.cls') ? 'class' : entry.endsWith('.trigger') ? 'trigger' : null;
            if (!kind) continue;
            const full = join(dir, entry);
            files.push({ path: relative(ROOT, full), source: readFileSync(full, 'utf8'), kind });
        }
    }
    return files;
}

class CollectingListener extends ApexErrorListener {
    readonly errors: SyntaxProblem[] = [];

    apexSyntaxError(line: number, column: number, message: string): void {
        // ANTLR lists every token it expected: keep the message readable.
        const short = message.length > 160 ? `${message.slice(0, 160)}...` : message;
        this.errors.push({ line, column, message: short });
    }
}

/** Parses one class or trigger; syntax errors are returned, not thrown. */
export function parseApex(file: ApexFile): ParsedApex {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(file.source, listener);
    const unit = file.kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
    return { file, unit, errors: listener.errors };
}

/** The anonymous Apex an admin runs with `sf apex run --file` (scripts/apex/*.apex). */
export const ADMIN_APEX_DIR = join(ROOT, 'scripts', 'apex');

/** Parses anonymous Apex (what `sf apex run` executes); syntax errors are returned as `path:line:column message`. */
export function anonymousSyntaxErrors(path: string, source: string): string[] {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    parser.anonymousUnit();
    return listener.errors.map((e) => `${path}:${e.line}:${e.column} ${e.message}`);
}

/** Types constructed with `new Type(` in Apex code, with their 1-based line and column. */
export function constructedTypes(code: string): { type: string; line: number; column: number }[] {
    const found: { type: string; line: number; column: number }[] = [];
    code.split('\n').forEach((text, index) => {
        for (const match of text.matchAll(/\bnew\s+([A-Z]\w*)\s*\(/g)) {
            found.push({ type: match[1]!, line: index + 1, column: (match.index ?? 0) + 1 });
        }
    });
    return found;
}

/** `path:line:column message` for each syntax error. */
export function formatSyntaxErrors(parsed: ParsedApex): string[] {
    return parsed.errors.map((e) => `${parsed.file.path}:${e.line}:${e.column} ${e.message}`);
}
