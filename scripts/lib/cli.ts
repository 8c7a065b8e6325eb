/** Shared start-up for the org scripts: argument errors exit 2 with the usage hint, other failures exit 1. */
import { type OptionSpec, parseArgs, type ParsedOptions, usage, UsageError } from './args';

export interface Io {
    out: (text: string) => void;
    err: (text: string) => void;
}

export const processIo: Io = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`)
};

/** Parses options or prints why not; returns null when the script should stop (with `code`). */
export function readOptions(
    argv: string[],
    command: string,
    summary: string,
    specs: OptionSpec[],
    io: Io
): { options: ParsedOptions; code?: undefined } | { options?: undefined; code: number } {
    try {
        const options = parseArgs(argv, specs);
        if (options.help) {
            io.out(usage(command, summary, specs));
            return { code: 0 };
        }
        return { options };
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`Error: ${error.message}\nRun '${command} --help' for the options.`);
            return { code: 2 };
        }
        throw error;
    }
}

/** Runs a script's main function and sets the exit code; an unexpected error prints its message, not a trace. */
export function runMain(main: () => Promise<number>): void {
    main().then(
        (code) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            process.stderr.write(`Error: ${(error as Error).message ?? String(error)}\n`);
            if (process.env.CROSSWAY_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
            process.exitCode = 1;
        }
    );
}
