/**
 * Converts force-app to Metadata API format with the pinned sf CLI, as a deploy would, and checks the
 * manifest: the conversion succeeds, every kind of metadata the source holds is in package.xml with every
 * component (classes, triggers, bundles, objects, labels from every label file), at the project's API version,
 * and no TypeScript source is shipped.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { child, childText, children, parseXml } from './metadata/core/xml';

const ROOT = join(__dirname, '..', '..');
const SOURCE = join(ROOT, 'force-app', 'main', 'default');
const SF = join(ROOT, 'node_modules', '.bin', 'sf');

/** Source folder -> the metadata type package.xml must list when the folder has components. */
const FOLDER_TYPES: Record<string, string> = {
    classes: 'ApexClass',
    triggers: 'ApexTrigger',
    objects: 'CustomObject',
    applications: 'CustomApplication',
    tabs: 'CustomTab',
    layouts: 'Layout',
    labels: 'CustomLabels',
    permissionsets: 'PermissionSet',
    lwc: 'LightningComponentBundle',
    customMetadata: 'CustomMetadata',
    notificationtypes: 'CustomNotificationType',
    flexipages: 'FlexiPage',
    reportTypes: 'ReportType',
    reports: 'Report',
    dashboards: 'Dashboard'
};

let outDir = '';
let result: { status: number | null; stdout: string; stderr: string };
const members = new Map<string, Set<string>>();
let version: string | undefined;

function list(dir: string): string[] {
    return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function filesUnder(dir: string): string[] {
    const found: string[] = [];
    for (const entry of list(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) found.push(...filesUnder(full));
        else found.push(full);
    }
    return found;
}

before(() => {
    outDir = join(mkdtempSync(join(tmpdir(), 'crossway-convert-')), 'mdapi');
    const run = spawnSync(SF, ['project', 'convert', 'source', '-r', 'force-app', '-d', outDir, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true' },
        timeout: 120_000
    });
    result = { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
    const manifest = join(outDir, 'package.xml');
    if (!existsSync(manifest)) return;
    const parsed = parseXml(readFileSync(manifest, 'utf8'));
    for (const type of children(parsed.root, 'types')) {
        const name = childText(type, 'name') ?? '';
        members.set(name, new Set(children(type, 'members').map((m) => m.text)));
    }
    version = childText(parsed.root, 'version');
});

after(() => {
    if (outDir) rmSync(join(outDir, '..'), { recursive: true, force: true });
});

test('sf project convert source succeeds', () => {
    assert.equal(result.status, 0, `sf failed:\n${result.stdout}\n${result.stderr}`);
    assert.ok(existsSync(join(outDir, 'package.xml')), 'no package.xml written');
});

test('package.xml lists every kind of metadata the source holds, at the project API version', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion: string };
    assert.equal(version, project.sourceApiVersion);
    const expected = Object.entries(FOLDER_TYPES)
        .filter(([folder]) => list(join(SOURCE, folder)).length > 0)
        .map(([, type]) => type);
    assert.ok(
        expected.includes('ApexClass') && expected.includes('CustomObject'),
        'the source has classes and objects'
    );
    const missing = expected.filter((type) => !members.has(type));
    assert.deepEqual(missing, [], `package.xml lacks ${missing.join(', ')}; it has ${[...members.keys()].join(', ')}`);
});

test('every class, trigger, object and Lightning web component is a member', () => {
    const names = (folder: string, suffix: string): string[] =>
        list(join(SOURCE, folder))
            .filter((f) => f.endsWith(suffix))
            .map((f) => f.slice(0, -suffix.length));
    const expectMembers = (type: string, wanted: string[]): void => {
        const have = members.get(type) ?? new Set<string>();
        assert.deepEqual(
            wanted.filter((w) => !have.has(w)),
            [],
            `${type} members missing from package.xml`
        );
    };
    expectMembers('ApexClass', names('classes', '.cls'));
    expectMembers('ApexTrigger', names('triggers', '.trigger'));
    expectMembers(
        'CustomObject',
        list(join(SOURCE, 'objects')).filter((o) => /__(c|mdt)$/.test(o))
    );
    expectMembers(
        'LightningComponentBundle',
        list(join(SOURCE, 'lwc')).filter((b) => existsSync(join(SOURCE, 'lwc', b, `${b}.js-meta.xml`)))
    );
});

test('labels from every label file are merged into the one CustomLabels', () => {
    const labelFiles = list(join(SOURCE, 'labels')).filter((f) => f.endsWith('.labels-meta.xml'));
    const sourceLabels = labelFiles.flatMap((f) =>
        children(parseXml(readFileSync(join(SOURCE, 'labels', f), 'utf8')).root, 'labels').map((l) =>
            childText(l, 'fullName')
        )
    );
    const merged = parseXml(readFileSync(join(outDir, 'labels', 'CustomLabels.labels'), 'utf8')).root;
    const mergedNames = children(merged, 'labels').map((l) => childText(l, 'fullName'));
    assert.ok(sourceLabels.length > 0);
    assert.deepEqual([...mergedNames].sort(), [...sourceLabels].sort());
    assert.deepEqual([...(members.get('CustomLabel') ?? [])].sort(), [...sourceLabels].sort());
    assert.ok(child(merged, 'labels'));
});

test('no TypeScript source or test is shipped, and built components ship their JavaScript', () => {
    assert.ok(existsSync(join(outDir, 'package.xml')), 'the conversion wrote nothing');
    const shipped = filesUnder(outDir).map((f) => relative(outDir, f));
    assert.deepEqual(
        shipped.filter((f) => f.endsWith('.ts') || f.includes('__tests__')),
        []
    );
    for (const bundle of list(join(SOURCE, 'lwc'))) {
        // Only bundles compiled by `npm run build` (or written in JavaScript) have a .js to ship.
        if (!existsSync(join(SOURCE, 'lwc', bundle, `${bundle}.js`))) continue;
        assert.ok(shipped.includes(join('lwc', bundle, `${bundle}.js`)), `lwc/${bundle}/${bundle}.js is not shipped`);
    }
});
