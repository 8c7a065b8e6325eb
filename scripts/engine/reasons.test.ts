import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    formatReason,
    rankPanel,
    REASON_ARITY,
    REASON_KEYS,
    type KnownReasonKey
} from '../../force-app/main/default/lwc/crossSellEngine/crossSellEngine';
import { prng, randomPanel } from './panelFixture';

const ROOT = join(__dirname, '..', '..');
const LABELS_FILE = join(ROOT, 'force-app', 'main', 'default', 'labels', 'Reasons.labels-meta.xml');
const ENGINE_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc', 'crossSellEngine');

interface Label {
    fullName: string;
    value: string;
    categories: string;
    language: string;
    protected: string;
    shortDescription: string;
}

function unescape(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function readLabels(): Map<string, Label> {
    const xml = readFileSync(LABELS_FILE, 'utf8');
    assert.match(
        xml,
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<CustomLabels xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata">/
    );
    const labels = new Map<string, Label>();
    for (const block of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const field = (name: string): string => {
            const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block[1]);
            assert.ok(match, `label without ${name}: ${block[1]}`);
            return unescape(match[1]);
        };
        const label: Label = {
            fullName: field('fullName'),
            value: field('value'),
            categories: field('categories'),
            language: field('language'),
            protected: field('protected'),
            shortDescription: field('shortDescription')
        };
        assert.ok(!labels.has(label.fullName), `duplicate label ${label.fullName}`);
        labels.set(label.fullName, label);
    }
    return labels;
}

function placeholders(value: string): number[] {
    return [...new Set([...value.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

describe('reason labels', () => {
    const labels = readLabels();

    it('exist for every reason key, with matching placeholders {0}..{n-1}', () => {
        for (const key of REASON_KEYS) {
            const label = labels.get(key);
            assert.ok(label, `no custom label ${key}`);
            const expected = Array.from({ length: REASON_ARITY[key] }, (_, i) => i);
            assert.deepEqual(placeholders(label.value), expected, `${key}: "${label.value}"`);
        }
    });

    it('are well-formed custom labels in the Crossway category, and none is orphaned', () => {
        for (const label of labels.values()) {
            assert.match(label.fullName, /^Crossway_Reason_[A-Za-z]+$/);
            assert.ok((REASON_KEYS as readonly string[]).includes(label.fullName), `unused label ${label.fullName}`);
            assert.equal(label.categories, 'Crossway');
            assert.equal(label.language, 'en_US');
            assert.equal(label.protected, 'false');
            assert.ok(label.shortDescription.length > 0 && label.shortDescription.length <= 1000);
            assert.ok(label.value.length > 0 && label.value.length <= 1000);
        }
    });

    it('every key the engine source emits is a known reason key', () => {
        const used = new Set<string>();
        for (const file of ['offerings.ts', 'specialists.ts']) {
            const source = readFileSync(join(ENGINE_DIR, file), 'utf8');
            for (const match of source.matchAll(/'(Crossway_Reason_[A-Za-z]+)'/g)) used.add(match[1]);
        }
        for (const key of used) assert.ok(key in REASON_ARITY, `${key} is emitted but not declared`);
        assert.deepEqual([...used].sort(), [...REASON_KEYS].sort());
    });

    it('every reason the engine gives carries as many values as its label has placeholders', () => {
        const seen = new Set<string>();
        for (let seed = 1; seed <= 120; seed++) {
            const ranking = rankPanel(randomPanel(prng(seed)), { showAll: true });
            for (const offering of ranking.offerings) {
                const reasons = [...offering.reasons, ...offering.specialists.flatMap((s) => s.reasons)];
                for (const reason of reasons) {
                    seen.add(reason.key);
                    assert.equal(reason.values.length, REASON_ARITY[reason.key as KnownReasonKey], reason.key);
                    assert.equal(placeholders(labels.get(reason.key)!.value).length, reason.values.length);
                }
            }
        }
        assert.ok(seen.size >= 15, `only ${seen.size} kinds of reason seen`);
    });
});

describe('formatReason', () => {
    it('fills the placeholders of the label with the values', () => {
        const labels = { Crossway_Reason_PeerAdoption: '{0} of {1} {2} accounts buy {3}' };
        assert.equal(
            formatReason(
                { key: 'Crossway_Reason_PeerAdoption', values: [7, 10, 'Banking', 'Treasury Services'] },
                labels
            ),
            '7 of 10 Banking accounts buy Treasury Services'
        );
    });

    it('follows the order the translation puts the placeholders in, and repeats', () => {
        const labels = { K: '{1} / {0} / {1}' };
        assert.equal(formatReason({ key: 'K', values: ['a', 'b'] }, labels), 'b / a / b');
    });

    it('shows the key when the label is missing and blanks a missing value', () => {
        assert.equal(formatReason({ key: 'Crossway_Reason_NewToYou', values: [] }, {}), 'Crossway_Reason_NewToYou');
        assert.equal(formatReason({ key: 'K', values: [] }, { K: 'Dismissed {0} days ago' }), 'Dismissed  days ago');
    });

    it('renders every reason label with sample values without leftover placeholders', () => {
        const labels = Object.fromEntries([...readLabels()].map(([key, label]) => [key, label.value]));
        for (const key of REASON_KEYS) {
            const text = formatReason(
                { key, values: Array.from({ length: REASON_ARITY[key] }, (_, i) => `v${i}`) },
                labels
            );
            assert.doesNotMatch(text, /\{\d+\}/);
        }
    });
});
