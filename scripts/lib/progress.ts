/**
 * Progress for long runs, on stderr so stdout stays clean for results: a redrawn bar on a terminal, and a
 * plain line every few seconds (and at each tenth of the work) when the output is a log or a pipe.
 */

export interface ProgressOptions {
    label: string;
    total: number;
    stream?: NodeJS.WriteStream;
    /** Minimum milliseconds between plain lines when not on a terminal. */
    intervalMs?: number;
}

export class Progress {
    private done = 0;
    private failed = 0;
    private lastLine = 0;
    private lastTenth = -1;
    private readonly stream: NodeJS.WriteStream;
    private readonly started = Date.now();

    constructor(private readonly options: ProgressOptions) {
        this.stream = options.stream ?? process.stderr;
    }

    get isTty(): boolean {
        return Boolean(this.stream.isTTY);
    }

    /** Records `count` more items finished, `failed` of them failed. */
    tick(count: number, failed = 0, note = ''): void {
        this.done += count;
        this.failed += failed;
        this.render(note, false);
    }

    finish(note = ''): void {
        this.render(note, true);
    }

    private render(note: string, final: boolean): void {
        const { total, label } = this.options;
        const share = total ? Math.min(1, this.done / total) : 1;
        const percent = Math.round(share * 100);
        const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
        const failures = this.failed ? `, ${this.failed} failed` : '';
        const text = `${label}: ${this.done}/${total} (${percent}%${failures}) ${seconds}s${note ? ` ${note}` : ''}`;
        if (this.isTty) {
            const width = 24;
            const filled = Math.round(share * width);
            this.stream.write(
                `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\u001b[K${final ? '\n' : ''}`
            );
            return;
        }
        const tenth = Math.floor(share * 10);
        const now = Date.now();
        if (final || tenth !== this.lastTenth || now - this.lastLine >= (this.options.intervalMs ?? 5000)) {
            this.lastTenth = tenth;
            this.lastLine = now;
            this.stream.write(`${text}\n`);
        }
    }
}
