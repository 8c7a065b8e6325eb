import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPreview, publishBuild } from './build';
import { PREVIEW_DIR } from './rollupOptions';

const FIXTURES = join(PREVIEW_DIR, 'fixtures');
// inside the project (under the ignored dist folder): the LWC resolver finds packages from the importer's project
mkdirSync(join(PREVIEW_DIR, 'dist'), { recursive: true });
const work = mkdtempSync(join(PREVIEW_DIR, 'dist', 'build-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Builds the smoke fixture, optionally with one line of its component source replaced. */
async function buildFixture(name: string, edit?: (source: string) => string): Promise<string> {
    const components = join(work, name, 'components');
    cpSync(join(FIXTURES, 'lwc'), components, { recursive: true });
    const file = join(components, 'previewSmoke', 'previewSmoke.ts');
    if (edit) writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const entry = join(work, name, 'main.ts');
    mkdirSync(join(work, name), { recursive: true });
    // the entry imports the adapter relatively; point it at the real one
    writeFileSync(
        entry,
        readFileSync(join(FIXTURES, 'smokeMain.ts'), 'utf8').replaceAll("'../adapter/", `'${PREVIEW_DIR}/adapter/`)
    );
    const outDir = join(work, name, 'dist');
    await buildPreview({
        input: entry,
        outDir,
        fixtureComponentDirs: [components],
        labelsDir: join(FIXTURES, 'labels'),
        // unminified, so the test can read it
        mode: 'development'
    });
    return readFileSync(join(outDir, 'app.js'), 'utf8');
}

describe('preview build', () => {
    it('bundles a component with its label value, the Apex adapter and the stand-ins', async () => {
        const bundle = await buildFixture('ok');
        assert.match(bundle, /"Smoke & mirrors"/, 'the label resolves to its value from the labels file');
        assert.match(bundle, /apexMethod\("CrossSellController\.getPanelData"\)/);
        assert.match(bundle, /lightning__showtoast/, 'the toast stand-in is bundled');
        assert.doesNotMatch(bundle, /from ['"]@salesforce\//, 'no platform import is left unresolved');
        const engine = /const LWC_VERSION = "([^"]+)"/.exec(bundle)?.[1];
        const compiler = (
            JSON.parse(readFileSync(require.resolve('@lwc/compiler/package.json'), 'utf8')) as { version: string }
        ).version;
        assert.equal(engine, compiler, 'the LWC engine in the page is the version that compiled the templates');
    });

    it('fails on a custom label that does not exist', async () => {
        await assert.rejects(
            buildFixture('label', (s) => s.replace('c.Crossway_Smoke_Title', 'c.Crossway_No_Such_Label')),
            /no custom label named Crossway_No_Such_Label/
        );
    });

    it('fails on an Apex method the adapter does not answer', async () => {
        await assert.rejects(
            buildFixture('apex', (s) => s.replace('CrossSellController.getPanelData', 'CrossSellController.deleteAll')),
            /has no method CrossSellController\.deleteAll/
        );
    });

    it('fails on a platform module without a stand-in', async () => {
        await assert.rejects(
            buildFixture('module', (s) => s.replace('lightning/platformShowToastEvent', 'lightning/messageService')),
            /lightning\/messageService/
        );
    });

    it('fails on a component that does not exist', async () => {
        await assert.rejects(
            buildFixture('component', (s) => `import 'c/noSuchComponent';\n${s}`),
            /no component noSuchComponent/
        );
    });
});

describe('publishing a build', () => {
    it('moves the new build in, keeps recent chunks a loaded page may still ask for, drops old ones', () => {
        const dist = join(work, 'publish', 'dist');
        const staging = join(work, 'publish', 'staging');
        mkdirSync(join(dist, 'chunks'), { recursive: true });
        mkdirSync(join(staging, 'chunks'), { recursive: true });
        writeFileSync(join(dist, 'app.js'), 'old entry');
        writeFileSync(join(dist, 'chunks', 'recent-1.js'), 'recent');
        writeFileSync(join(dist, 'chunks', 'old-1.js'), 'old');
        const twoHoursAgo = new Date(Date.now() - 7_200_000);
        utimesSync(join(dist, 'chunks', 'old-1.js'), twoHoursAgo, twoHoursAgo);
        writeFileSync(join(staging, 'app.js'), 'new entry');
        writeFileSync(join(staging, 'chunks', 'icons-2.js'), 'icons');

        publishBuild(staging, [join(staging, 'app.js'), join(staging, 'chunks', 'icons-2.js')], dist);

        assert.equal(readFileSync(join(dist, 'app.js'), 'utf8'), 'new entry');
        assert.equal(readFileSync(join(dist, 'chunks', 'icons-2.js'), 'utf8'), 'icons');
        assert.ok(existsSync(join(dist, 'chunks', 'recent-1.js')), 'a chunk from a recent build stays');
        assert.ok(!existsSync(join(dist, 'chunks', 'old-1.js')), 'a chunk nobody has built for an hour goes');
        assert.ok(!existsSync(join(staging, 'app.js')));
    });
});
