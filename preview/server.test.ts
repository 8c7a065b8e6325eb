import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUnder, startPreviewServer, type RunningPreview } from './server';

describe('preview server', () => {
    const dist = mkdtempSync(join(tmpdir(), 'crossway-dist-'));
    let preview: RunningPreview;
    before(async () => {
        writeFileSync(join(dist, 'app.js'), 'console.log("bundle");');
        preview = await startPreviewServer({ port: 0, distDir: dist });
    });
    after(async () => {
        await preview.close();
        rmSync(dist, { recursive: true, force: true });
    });

    it('listens on 127.0.0.1 and serves the page shell', async () => {
        assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
        const response = await fetch(preview.url);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/);
        assert.match(await response.text(), /<script type="module" src="\/app\.js"><\/script>/);
    });

    it('serves the bundle and the design system', async () => {
        const bundle = await fetch(`${preview.url}app.js`);
        assert.equal(await bundle.text(), 'console.log("bundle");');
        assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
        const css = await fetch(`${preview.url}assets/styles/salesforce-lightning-design-system.min.css`);
        assert.equal(css.status, 200);
        assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    });

    it('lets the browser revalidate: an unchanged bundle answers 304 Not Modified', async () => {
        const first = await fetch(`${preview.url}app.js`);
        await first.text();
        const etag = first.headers.get('etag');
        assert.ok(etag, 'the bundle has an ETag');
        assert.equal(first.headers.get('cache-control'), 'no-cache');
        const again = await fetch(`${preview.url}app.js`, { headers: { 'if-none-match': etag } });
        assert.equal(again.status, 304);
        const other = await fetch(`${preview.url}app.js`, { headers: { 'if-none-match': '"stale"' } });
        assert.equal(other.status, 200);
        assert.equal(await other.text(), 'console.log("bundle");');
    });

    it('answers 404 for unknown files and never leaves its folders', async () => {
        assert.equal((await fetch(`${preview.url}nothing.js`)).status, 404);
        assert.equal((await fetch(`${preview.url}assets/..%2f..%2f..%2fpackage.json`)).status, 404);
        assert.equal(fileUnder(dist, '../package.json'), null);
        assert.equal(fileUnder(dist, 'app.js'), join(dist, 'app.js'));
    });

    it('explains record pages that are not part of the preview', async () => {
        const response = await fetch(`${preview.url}lightning/r/Opportunity/006000000000001AAA/view`);
        assert.equal(response.status, 200);
        assert.match(await response.text(), /not part of the preview/);
    });

    it('refuses writes', async () => {
        assert.equal((await fetch(preview.url, { method: 'POST', body: 'x' })).status, 405);
    });
});
