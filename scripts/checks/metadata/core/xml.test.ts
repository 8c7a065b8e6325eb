import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childText, descendants, parseXml } from './xml';

test('elements keep the line and column of their start tag, text and attributes', () => {
    const result = parseXml('<?xml version="1.0"?>\n<a x="1">\n    <b>hi <![CDATA[<there>]]></b>\n  <c/>\n</a>\n');
    assert.ok(result.root);
    const [b, c] = result.root.children;
    assert.deepEqual([result.root.line, result.root.column, result.root.attributes.x], [2, 1, '1']);
    assert.deepEqual([b!.name, b!.line, b!.column, b!.text], ['b', 3, 5, 'hi <there>']);
    assert.deepEqual([c!.name, c!.line, c!.column], ['c', 4, 3]);
    assert.equal(childText(result.root, 'b'), 'hi <there>');
    assert.equal(descendants(result.root, 'c').length, 1);
});

test('errors carry the position of the fault', () => {
    assert.deepEqual(parseXml('<a>\n  <b>x</c>\n</a>').error, {
        line: 2,
        column: 10,
        message: 'unexpected close tag.'
    });
    const ampersand = parseXml('<a>\n  <b>Tom & Jerry</b>\n</a>').error;
    assert.deepEqual([ampersand?.line, ampersand?.column], [2, 10]);
    assert.equal(parseXml('<a>&amp;&#38;&#x26;<!-- & --></a>').error, undefined);
    assert.match(parseXml('<a>\n<b>\n</a>').error?.message ?? '', /unexpected close tag|unclosed/);
    assert.match(parseXml('<a/><b/>').error?.message ?? '', /root|outside/);
});
