/**
 * Reads the project's custom labels so that `@salesforce/label/c.Name` resolves, in the preview, to the value a
 * rep sees in the org. Every `*.labels-meta.xml` under the labels folder is read (the CLI merges them into one
 * `CustomLabels` on deploy, so a name defined twice is an error here too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

/** Parses one `CustomLabels` file into name -> value pairs, in file order. */
export function parseLabelsXml(xml: string, fileName = 'labels'): Map<string, string> {
    const labels = new Map<string, string>();
    const parser = new SaxesParser();
    const path: string[] = [];
    let current: { fullName?: string; value?: string } | null = null;
    let text = '';
    parser.on('opentag', (tag) => {
        path.push(tag.name);
        text = '';
        if (tag.name === 'labels' && path.length === 2) current = {};
    });
    parser.on('text', (t) => {
        text += t;
    });
    parser.on('cdata', (t) => {
        text += t;
    });
    parser.on('closetag', (tag) => {
        if (current && path.length === 3) {
            if (tag.name === 'fullName') current.fullName = text.trim();
            if (tag.name === 'value') current.value = text;
        }
        if (tag.name === 'labels' && path.length === 2 && current) {
            if (!current.fullName) throw new Error(`${fileName}: a label has no fullName`);
            if (current.value === undefined) throw new Error(`${fileName}: label ${current.fullName} has no value`);
            if (labels.has(current.fullName))
                throw new Error(`${fileName}: label ${current.fullName} is defined twice`);
            labels.set(current.fullName, current.value);
            current = null;
        }
        path.pop();
        text = '';
    });
    try {
        parser.write(xml).close();
    } catch (error) {
        throw new Error(`${fileName}: ${(error as Error).message}`);
    }
    return labels;
}

/** Reads and merges every `*.labels-meta.xml` in a folder; a missing folder gives no labels. */
export function readLabels(labelsDir: string): Map<string, string> {
    let files: string[];
    try {
        files = readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'));
    } catch {
        return new Map();
    }
    const merged = new Map<string, string>();
    for (const file of files.sort()) {
        for (const [name, value] of parseLabelsXml(readFileSync(join(labelsDir, file), 'utf8'), file)) {
            if (merged.has(name)) throw new Error(`${file}: label ${name} is also defined in another labels file`);
            merged.set(name, value);
        }
    }
    return merged;
}
