import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseLabelsXml, readLabels } from './labels';
import { LABELS_DIR } from './rollupOptions';

const label = (name: string, value: string) =>
    `<labels><fullName>${name}</fullName><language>en_US</language><protected>false</protected>` +
    `<shortDescription>${name}</shortDescription><value>${value}</value></labels>`;
const file = (...labels: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">${labels.join('')}</CustomLabels>`;

describe('custom labels for the preview', () => {
    it('reads names and values, decoding XML entities and keeping spaces', () => {
        const labels = parseLabelsXml(file(label('A', 'Fish &amp; chips'), label('B', ' {0} of {1} ')));
        assert.deepEqual(
            [...labels],
            [
                ['A', 'Fish & chips'],
                ['B', ' {0} of {1} ']
            ]
        );
    });

    it('refuses a label defined twice and a label without a value', () => {
        assert.throws(() => parseLabelsXml(file(label('A', 'x'), label('A', 'y'))), /A is defined twice/);
        assert.throws(() => parseLabelsXml(file('<labels><fullName>C</fullName></labels>')), /C has no value/);
    });

    it('merges every labels file of a folder and refuses a name in two files', () => {
        const dir = mkdtempSync(join(tmpdir(), 'crossway-labels-'));
        try {
            writeFileSync(join(dir, 'One.labels-meta.xml'), file(label('A', 'a')));
            writeFileSync(join(dir, 'Two.labels-meta.xml'), file(label('B', 'b')));
            writeFileSync(join(dir, 'notes.txt'), 'not a labels file');
            assert.deepEqual(Object.fromEntries(readLabels(dir)), { A: 'a', B: 'b' });
            writeFileSync(join(dir, 'Three.labels-meta.xml'), file(label('A', 'again')));
            assert.throws(() => readLabels(dir), /A is also defined/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("reads the project's own labels", () => {
        const labels = readLabels(LABELS_DIR);
        assert.ok(labels.size > 0, 'force-app has custom labels');
        for (const name of labels.keys()) assert.match(name, /^Crossway_/);
    });
});
