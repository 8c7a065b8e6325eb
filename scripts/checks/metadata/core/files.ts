/**
 * Finds the project's source files: every file under the package directories named in sfdx-project.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { SourceFile } from './types';
import { parseXml, type XmlParseResult } from './xml';

/** Folders never holding deployable source (tool output, dependencies, editor state). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', '.localdevserver', 'coverage', 'dist']);

export interface ProjectConfig {
    sourceApiVersion: string | undefined;
    packageDirectories: string[];
}

/** Reads sfdx-project.json; a missing or broken file yields defaults so the checker can still report. */
export function readProjectConfig(root: string): ProjectConfig {
    try {
        const raw = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
            sourceApiVersion?: unknown;
            packageDirectories?: { path?: unknown }[];
        };
        const dirs = (raw.packageDirectories ?? [])
            .map((d) => d.path)
            .filter((p): p is string => typeof p === 'string');
        return {
            sourceApiVersion: typeof raw.sourceApiVersion === 'string' ? raw.sourceApiVersion : undefined,
            packageDirectories: dirs.length ? dirs : ['force-app']
        };
    } catch {
        return { sourceApiVersion: undefined, packageDirectories: ['force-app'] };
    }
}

/** A lazily-read source file. */
export function sourceFile(root: string, path: string): SourceFile {
    let text: string | undefined;
    let xml: XmlParseResult | undefined;
    const file: SourceFile = {
        path,
        rel: relative(root, path).split(sep).join('/'),
        name: basename(path),
        text: () => (text ??= readFileSync(path, 'utf8')),
        xml: () => {
            if (!path.endsWith('.xml')) return undefined;
            return (xml ??= parseXml(file.text()));
        },
        root: () => file.xml()?.root
    };
    return file;
}

/** Every file under the given folders (relative to root), sorted for stable output. */
export function listSourceFiles(root: string, dirs: string[]): SourceFile[] {
    const found: SourceFile[] = [];
    const walk = (dir: string): void => {
        let entries: string[];
        try {
            entries = readdirSync(dir).sort();
        } catch {
            return;
        }
        for (const entry of entries) {
            if (SKIP_DIRS.has(entry)) continue;
            const full = join(dir, entry);
            const stats = statSync(full);
            if (stats.isDirectory()) walk(full);
            else if (stats.isFile()) found.push(sourceFile(root, full));
        }
    };
    for (const dir of dirs) walk(join(root, dir));
    return found;
}
