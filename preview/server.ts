/**
 * The preview's web server: node's http on 127.0.0.1, serving the page shell, the bundle built by
 * `npm run preview:build`, and the Salesforce Lightning Design System's assets. `npm start` builds, then runs
 * this and prints the address to open.
 *
 * Usage: tsx preview/server.ts [--port N]   (or PORT=N; default 4173; 0 picks a free port)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const PREVIEW_DIR = __dirname;
const ROOT = resolve(PREVIEW_DIR, '..');
export const DEFAULT_PORT = 4173;

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json'
};

export interface PreviewServerOptions {
    port?: number;
    /** Folder holding the built `app.js`. */
    distDir?: string;
}

export interface RunningPreview {
    url: string;
    server: Server;
    close(): Promise<void>;
}

/** Resolves a URL path inside a folder; null when it would leave the folder or names no file. */
export function fileUnder(base: string, urlPath: string): string | null {
    let decoded: string;
    try {
        decoded = decodeURIComponent(urlPath);
    } catch {
        return null;
    }
    const full = normalize(join(base, decoded));
    if (full !== base && !full.startsWith(base + sep)) return null;
    return existsSync(full) && statSync(full).isFile() ? full : null;
}

/** Maps a request path to the file that answers it. */
export function routeFile(pathname: string, distDir: string): string | null {
    if (pathname === '/' || pathname === '/index.html') return join(PREVIEW_DIR, 'index.html');
    if (pathname === '/app.js') return fileUnder(distDir, 'app.js');
    if (pathname.startsWith('/chunks/')) return fileUnder(distDir, pathname.slice(1));
    if (pathname === '/shell.css') return join(PREVIEW_DIR, 'shell.css');
    if (pathname.startsWith('/assets/')) {
        const slds = join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
        return fileUnder(slds, pathname.slice('/assets/'.length));
    }
    return null;
}

const NOT_IN_PREVIEW = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not in the preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css"></head>
<body><main class="slds-p-around_large"><h1 class="slds-text-heading_medium">This page is not part of the preview</h1>
<p class="slds-m-top_small">In an org this link opens the record. The preview only shows Account pages.</p>
<p class="slds-m-top_small"><a href="/">Back to the preview</a></p></main></body></html>`;

export function startPreviewServer(options: PreviewServerOptions = {}): Promise<RunningPreview> {
    const distDir = options.distDir ?? join(PREVIEW_DIR, 'dist');
    const server = createServer((request, response) => {
        const { pathname } = new URL(request.url ?? '/', 'http://localhost');
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            response.writeHead(405, { allow: 'GET, HEAD' }).end();
            return;
        }
        if (pathname === '/favicon.ico') {
            response.writeHead(204).end();
            return;
        }
        // where NavigationMixin sends a record other than an Account
        if (pathname.startsWith('/lightning/')) {
            response.writeHead(200, { 'content-type': TYPES['.html'] }).end(NOT_IN_PREVIEW);
            return;
        }
        const file = routeFile(pathname, distDir);
        if (!file || !existsSync(file)) {
            const hint = pathname === '/app.js' ? ' Run `npm run preview:build` first.' : '';
            response
                .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
                .end(`Not found: ${pathname}.${hint}`);
            return;
        }
        const stats = statSync(file);
        // the browser revalidates the page and the bundle on every load (they change with each build) and
        // keeps what has not changed, so a reload reuses the compiled script, as Lightning's caches do
        const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
        const headers = {
            etag,
            'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=3600' : 'no-cache'
        };
        if (request.headers['if-none-match'] === etag) {
            response.writeHead(304, headers).end();
            return;
        }
        response.writeHead(200, {
            ...headers,
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'content-length': stats.size
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
    });
    return new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => {
            const { port } = server.address() as AddressInfo;
            resolvePromise({
                url: `http://127.0.0.1:${port}/`,
                server,
                close: () =>
                    new Promise<void>((done) => {
                        server.close(() => done());
                        server.closeAllConnections();
                    })
            });
        });
    });
}

function portFromArgs(argv: string[]): number {
    const index = argv.indexOf('--port');
    const raw = index >= 0 ? argv[index + 1] : process.env.PORT;
    if (raw === undefined) return DEFAULT_PORT;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${raw}`);
    return port;
}

async function main(): Promise<void> {
    const distDir = join(PREVIEW_DIR, 'dist');
    if (!existsSync(join(distDir, 'app.js'))) {
        throw new Error('The preview is not built: run `npm start` (or `npm run preview:build`) first.');
    }
    const port = portFromArgs(process.argv.slice(2));
    const running = await startPreviewServer({ port, distDir }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') {
            throw new Error(
                `Port ${port} is in use: run with PORT=<another port> (for example PORT=0 for any free one).`
            );
        }
        throw error;
    });
    console.log(`Crossway preview: open ${running.url} in a browser (Ctrl+C stops it).`);
}

if (require.main === module) {
    main().catch((error: Error) => {
        console.error(error.message);
        process.exitCode = 1;
    });
}
