/**
 * The shapes shared by the checker core and its rules. See rules/index.ts for how a rule is written.
 */
import type { XmlElement, XmlParseResult } from './xml';
import type { ModelIndex } from './model';

/** One finding: where it is (project-relative path, one-based line and column) and what is wrong. */
export interface Problem {
    /** Path relative to the project root, with forward slashes. */
    file: string;
    line: number;
    column?: number;
    /** Name of the rule that found it. */
    rule: string;
    message: string;
}

/** A file under a package directory. Text and XML are read lazily and cached. */
export interface SourceFile {
    /** Absolute path. */
    path: string;
    /** Path relative to the project root, with forward slashes (what problems print). */
    rel: string;
    /** The file name without folders, e.g. `Account.object-meta.xml`. */
    name: string;
    text(): string;
    /** Parse result for `.xml` files; undefined for other files. */
    xml(): XmlParseResult | undefined;
    /** The root element when the file is well-formed XML, else undefined (the wellFormed rule reports it). */
    root(): XmlElement | undefined;
}

export interface CheckContext {
    /** Absolute project root (the folder holding sfdx-project.json). */
    root: string;
    /** `sourceApiVersion` from sfdx-project.json, e.g. `65.0`. */
    sourceApiVersion: string | undefined;
    /** Package directories from sfdx-project.json, relative to the root. */
    packageDirectories: string[];
    /** Every file under the package directories (build output folders and dot folders left out). */
    files: SourceFile[];
    /** Files whose name ends with the suffix, e.g. `.permissionset-meta.xml`. */
    filesEnding(suffix: string): SourceFile[];
    /** Objects, fields, picklist values, relationships, classes, labels... from force-app plus the standard catalog. */
    model: ModelIndex;
}

/**
 * A rule: a name (kebab-case, printed with each problem) and a pure check over the context.
 * Rules never throw on bad input: unreadable or malformed files are the wellFormed rule's business, so a rule
 * skips a file whose `root()` is undefined.
 */
export interface Rule {
    name: string;
    description: string;
    check(context: CheckContext): Problem[];
}

/** Builds a problem at an element (or a line) of a file. */
export function problemAt(
    rule: string,
    file: SourceFile | string,
    at: XmlElement | number | undefined,
    message: string
): Problem {
    const rel = typeof file === 'string' ? file : file.rel;
    if (typeof at === 'number') return { file: rel, line: at, rule, message };
    if (at) return { file: rel, line: at.line, column: at.column, rule, message };
    return { file: rel, line: 1, rule, message };
}
