/**
 * Every Apex class and trigger parses (the grammar of @apexdevtools/apex-parser follows the platform compiler)
 * and is formatted by Prettier with prettier-plugin-apex, and the admin's anonymous Apex scripts parse and name
 * only classes the project has. Failures name file:line.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import {
    ADMIN_APEX_DIR,
    anonymousSyntaxErrors,
    constructedTypes,
    findApexFiles,
    formatSyntaxErrors,
    parseApex,
    ROOT,
    type ApexFile
} from './apexSource';

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

describe('anonymous Apex an admin runs (scripts/apex)', () => {
    const scripts = readdirSync(ADMIN_APEX_DIR)
        .filter((name) => name.endsWith('.apex'))
        .map((name) => ({
            path: relative(ROOT, join(ADMIN_APEX_DIR, name)),
            source: readFileSync(join(ADMIN_APEX_DIR, name), 'utf8')
        }));
    const classes = new Set(files.filter((f) => f.kind === 'class').map((f) => f.path.replace(/^.*\/|\.cls$/g, '')));

    it('runs the stats job now and schedules it nightly', () => {
        assert.deepEqual(scripts.map((s) => s.path.replace(/^.*\//, '')).sort(), [
            'run-stats.apex',
            'schedule-stats.apex'
        ]);
    });

    it('parses every script without syntax errors', () => {
        assert.deepEqual(
            scripts.flatMap((s) => anonymousSyntaxErrors(s.path, s.source)),
            []
        );
        assert.ok(anonymousSyntaxErrors('broken.apex', 'Id jobId = Database.executeBatch(new X(), 200;\n').length > 0);
    });

    it('constructs only classes the project has', () => {
        for (const script of scripts) {
            const constructed = constructedTypes(script.source).map((found) => found.type);
            assert.ok(constructed.length > 0, `${script.path} constructs the job`);
            for (const name of constructed) assert.ok(classes.has(name), `${script.path}: no class ${name}`);
        }
    });
});
