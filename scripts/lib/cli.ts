/**
 * Shared start-up for the org scripts: argument errors exit 2 with the usage hint, other failures exit 1. The
 * `--target-org` requirement and the connection through the sf CLI's auth live here too, so that every org script
 * asks for the org, and says that it is not logged in, in the same words and with the same exit code.
 */
import { type OptionSpec, parseArgs, type ParsedOptions, usage, UsageError } from './args';
import type { OrgConnection } from './connection';

export interface Io {
    out: (text: string) => void;
    err: (text: string) => void;
}

export const processIo: Io = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`)
};

/** Prints an argument error the way every script does: the message, then where the options are listed. */
function reportUsageError(io: Io, command: string, message: string): void {
    io.err(`Error: ${message}\nRun '${command} --help' for the options.`);
}

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
            reportUsageError(io, command, error.message);
            return { code: 2 };
        }
        throw error;
    }
}

/**
 * The `--target-org` option of the org scripts. It has no default on purpose: a script that writes to or deletes
 * from an org must never fall back to whichever org the sf CLI happens to treat as its default.
 */
export const TARGET_ORG_OPTION: OptionSpec = {
    name: 'target-org',
    alias: 'o',
    type: 'string',
    description: 'Alias or username of an org the sf CLI is logged in to (required)'
};

/**
 * {@link readOptions} for a script that works on an org: the options must include {@link TARGET_ORG_OPTION}, and
 * a missing `--target-org` is an argument error (exit 2) before anything reads an org.
 */
export function readOrgOptions(
    argv: string[],
    command: string,
    summary: string,
    specs: OptionSpec[],
    io: Io
): { options: ParsedOptions; target: string; code?: undefined } | { options?: undefined; code: number } {
    const parsed = readOptions(argv, command, summary, specs, io);
    if (!parsed.options) return parsed;
    const target = parsed.options[TARGET_ORG_OPTION.name];
    if (typeof target !== 'string' || !target) {
        reportUsageError(io, command, "--target-org is required (an alias or username from 'sf org list').");
        return { code: 2 };
    }
    return { options: parsed.options, target };
}

/**
 * Connects to the target org through the sf CLI's stored auth. An org the CLI is not logged in to prints how to
 * log in and stops the script with exit 1; any other error propagates to {@link runMain}. The connection module
 * (jsforce, @salesforce/core) loads only here, so tools that share the option handling without an org, such as the
 * local API's command line, do not load it.
 */
export async function connectTargetOrg(
    target: string,
    io: Io
): Promise<{ org: OrgConnection; code?: undefined } | { org?: undefined; code: number }> {
    const { connectFromSfAuth, NotLoggedInError } = await import('./connection');
    try {
        return { org: await connectFromSfAuth(target) };
    } catch (error) {
        if (error instanceof NotLoggedInError) {
            io.err(`Error: ${error.message}`);
            return { code: 1 };
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
