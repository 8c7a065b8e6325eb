/**
 * A small XML reader for Salesforce metadata files: elements become `{ name, text, children }`, which is all the
 * field and object definitions need. Malformed XML throws with the file name, so a broken metadata file is
 * reported rather than silently ignored.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
    name: string;
    text: string;
    children: XmlElement[];
}

export function parseXml(xml: string, source = 'XML'): XmlElement {
    const parser = new SaxesParser({ xmlns: false });
    const root: XmlElement = { name: '#document', text: '', children: [] };
    const stack: XmlElement[] = [root];
    let failure: Error | undefined;
    parser.on('error', (error) => {
        failure ??= new Error(`${source}: ${error.message}`);
    });
    parser.on('opentag', (tag) => {
        const element: XmlElement = { name: tag.name, text: '', children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
    });
    parser.on('text', (text) => {
        stack[stack.length - 1].text += text;
    });
    parser.on('cdata', (text) => {
        stack[stack.length - 1].text += text;
    });
    parser.on('closetag', () => {
        stack.pop();
    });
    parser.write(xml).close();
    if (failure) throw failure;
    const top = root.children[0];
    if (!top) throw new Error(`${source}: no root element`);
    return top;
}

/** The first child with this name, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
    return element.children.find((c) => c.name === name);
}

/** The trimmed text of the first child with this name, if any. */
export function childText(element: XmlElement, name: string): string | undefined {
    const found = child(element, name);
    return found ? found.text.trim() : undefined;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((c) => c.name === name);
}
