/**
 * XML into a light element tree that keeps line and column of every element, using saxes (which reports the
 * position of the first well-formedness error). Metadata files carry no attributes that matter to the checks
 * beyond `xsi:type`, so attributes are kept as plain strings and namespaces are not resolved.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    /** Text directly inside this element (trimmed); nested elements' text is not included. */
    text: string;
    /** One-based line of the element's start tag. */
    line: number;
    /** One-based column of the element's start tag. */
    column: number;
}

export interface XmlError {
    line: number;
    column: number;
    message: string;
}

export type XmlParseResult = { root: XmlElement; error?: undefined } | { root?: undefined; error: XmlError };

/** Parses a whole document; the first well-formedness error stops the parse and is returned with its position. */
export function parseXml(text: string): XmlParseResult {
    const parser = new SaxesParser({ position: true });
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    let error: XmlError | undefined;
    let rawText: string[] = [];
    const textStack: string[][] = [];
    // saxes reports a tag when it is complete; remember where the '<' was seen instead.
    let tagStart = { line: 1, column: 1 };

    parser.on('opentagstart', () => {
        // saxes has read the name and one character after it here; the start tag's '<' is that far back.
        tagStart = { line: parser.line, column: parser.column };
    });
    parser.on('opentag', (tag) => {
        const element: XmlElement = {
            name: tag.name,
            attributes: { ...(tag.attributes as Record<string, string>) },
            children: [],
            text: '',
            line: tagStart.line,
            column: Math.max(1, tagStart.column - tag.name.length - 1)
        };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else root = element;
        stack.push(element);
        textStack.push(rawText);
        rawText = [];
    });
    parser.on('text', (value) => {
        if (stack.length) rawText.push(value);
    });
    parser.on('cdata', (value) => {
        if (stack.length) rawText.push(value);
    });
    parser.on('closetag', () => {
        const element = stack.pop();
        if (element) element.text = rawText.join('').trim();
        rawText = textStack.pop() ?? [];
    });
    parser.on('error', (err) => {
        if (!error) {
            error = { line: parser.line, column: Math.max(1, parser.column), message: stripPosition(err.message) };
        }
    });

    try {
        parser.write(text).close();
    } catch (thrown) {
        if (!error)
            error = { line: parser.line, column: Math.max(1, parser.column), message: (thrown as Error).message };
    }
    const ampersand = firstBareAmpersand(text);
    if (ampersand && (!error || before(ampersand, error))) {
        return { error: { ...ampersand, message: "'&' must be written as &amp; (it does not start an entity)." } };
    }
    if (error) return { error };
    if (!root) return { error: { line: 1, column: 1, message: 'document has no root element.' } };
    return { root };
}

function before(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
    return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/**
 * saxes reads an entity up to the next ';' and so reports a bare '&' far from where it is (often at the end of
 * the file); find it ourselves, outside comments, CDATA sections and processing instructions.
 */
function firstBareAmpersand(text: string): { line: number; column: number } | undefined {
    const pattern =
        /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&(?!(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9a-fA-F]+);)/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match[0] !== '&') continue;
        const upTo = text.slice(0, match.index);
        const line = upTo.split('\n').length;
        return { line, column: match.index - upTo.lastIndexOf('\n') };
    }
    return undefined;
}

/** saxes prefixes its messages with `line:column: `; the checker prints its own position. */
function stripPosition(message: string): string {
    return message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');
}

/** The first child element with this name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
    return element?.children.find((c) => c.name === name);
}

/** Every child element with this name. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
    return element ? element.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of the first child with this name, or undefined when there is no such child. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
    return child(element, name)?.text;
}

/** True when the child's text is `true`. */
export function childFlag(element: XmlElement | undefined, name: string): boolean {
    return childText(element, name) === 'true';
}

/** Every element below this one (depth first, the element itself excluded) whose name matches. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
    const found: XmlElement[] = [];
    const visit = (node: XmlElement): void => {
        for (const c of node.children) {
            if (c.name === name) found.push(c);
            visit(c);
        }
    };
    visit(element);
    return found;
}
