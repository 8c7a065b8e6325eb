/**
 * Every Apex class and trigger parses (the grammar of @apexdevtools/apex-parser follows the platform compiler)
 * and is formatted by Prettier with prettier-plugin-apex. Failures name file:line.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { findApexFiles, formatSyntaxErrors, parseApex, ROOT, type ApexFile } from './apexSource';

const files = findApexFiles();

async function isFormatted(file: ApexFile): Promise<boolean> {
    const options = (await prettier.resolveConfig(join(ROOT, file.path))) ?? {};
    return prettier.check(file.source, { ...options, filepath: join(ROOT, file.path) });
}

describe('Apex syntax', () => {
    it('finds the project Apex', () => {
        assert.ok(
            files.some((f) => f.path.endsWith('CrossSellController.cls')),
            'CrossSellController.cls'
        );
        assert.ok(
            files.some((f) => f.kind === 'trigger'),
            'at least one trigger'
        );
    });

    it('parses every class and trigger without syntax errors', () => {
        const errors = files.flatMap((file) => formatSyntaxErrors(parseApex(file)));
        assert.deepEqual(errors, []);
    });

    it('reports a broken class with its line', () => {
        const broken: ApexFile = {
            path: 'Broken.cls',
            kind: 'class',
            source: 'public with sharing class Broken {\n    public void run( {\n    }\n}\n'
        };
        const errors = formatSyntaxErrors(parseApex(broken));
        assert.ok(errors.length > 0, 'a syntax error is reported');
        assert.match(errors[0], /^Broken\.cls:2:\d+ /);
    });

    it('reports a trigger parsed as a trigger', () => {
        const ok: ApexFile = {
            path: 'T.trigger',
            kind: 'trigger',
            source: 'trigger T on Account(before insert) {\n    System.debug(Trigger.new);\n}\n'
        };
        assert.deepEqual(formatSyntaxErrors(parseApex(ok)), []);
        const broken: ApexFile = { ...ok, source: 'trigger T on Account(before insert {\n}\n' };
        assert.ok(formatSyntaxErrors(parseApex(broken)).length > 0);
    });
});

describe('Apex formatting (prettier-plugin-apex)', () => {
    it('every class and trigger is formatted', async () => {
        const unformatted: string[] = [];
        for (const file of files) {
            if (!(await isFormatted(file))) unformatted.push(file.path);
        }
        assert.deepEqual(unformatted, [], 'run: npx prettier --write <file>');
    });

    it('notices an unformatted class', async () => {
        const messy: ApexFile = {
            path: join('force-app', 'main', 'default', 'classes', 'Messy.cls'),
            kind: 'class',
            source: 'public with sharing class Messy{public Integer x=1;}\n'
        };
        assert.equal(await isFormatted(messy), false);
    });
});
