import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPreview } from './build';
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
