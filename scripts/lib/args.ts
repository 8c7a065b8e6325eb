/**
 * Command-line options for the project's scripts: `--name value`, `--name=value` and boolean flags, checked
 * against a declared list so that a typo or a bad value stops the script with a clear message and the usage.
 */

export interface OptionSpec {
    name: string;
    type: 'string' | 'number' | 'boolean';
    description: string;
    /** Shown in the usage; the value used when the option is absent. */
    default?: string | number | boolean;
    /** For numbers: the smallest accepted value. */
    min?: number;
    /** For numbers: the largest accepted value. */
    max?: number;
    /** Short alias, e.g. `o` for `-o`. */
    alias?: string;
}

export type ParsedOptions = Record<string, string | number | boolean | undefined>;

export class UsageError extends Error {}

export function usage(command: string, summary: string, specs: OptionSpec[]): string {
    const lines = specs.map((s) => {
        const flag = `${s.alias ? `-${s.alias}, ` : ''}--${s.name}${s.type === 'boolean' ? '' : ` <${s.type === 'number' ? 'n' : 'value'}>`}`;
        const fallback = s.default === undefined ? '' : ` (default: ${String(s.default)})`;
        return `  ${flag.padEnd(28)} ${s.description}${fallback}`;
    });
    return `${summary}\n\nUsage: ${command} [options]\n\nOptions:\n${lines.join('\n')}\n  ${'-h, --help'.padEnd(28)} Show this help`;
}

/** Parses argv (without node and script); throws UsageError on anything it does not understand. */
export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedOptions & { help?: boolean } {
    const out: ParsedOptions & { help?: boolean } = {};
    for (const spec of specs) if (spec.default !== undefined) out[spec.name] = spec.default;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
            out.help = true;
            continue;
        }
        const match = /^(?:--([a-z][a-z0-9-]*)|-([a-zA-Z]))(?:=(.*))?$/s.exec(arg);
        if (!match) throw new UsageError(`Unexpected argument '${arg}'. Options start with --.`);
        const spec = specs.find((s) => (match[1] ? s.name === match[1] : s.alias === match[2]));
        if (!spec) throw new UsageError(`Unknown option '${arg.split('=')[0]}'.`);
        if (spec.type === 'boolean') {
            if (match[3] !== undefined && !['true', 'false'].includes(match[3])) {
                throw new UsageError(`--${spec.name} takes no value (or =true/=false), got '${match[3]}'.`);
            }
            out[spec.name] = match[3] === undefined ? true : match[3] === 'true';
            continue;
        }
        let value = match[3];
        if (value === undefined) {
            value = argv[i + 1];
            if (value === undefined || /^--?[a-zA-Z]/.test(value))
                throw new UsageError(`--${spec.name} needs a value.`);
            i++;
        }
        if (value.trim() === '') throw new UsageError(`--${spec.name} needs a non-empty value.`);
        if (spec.type === 'number') {
            const n = Number(value);
            if (!Number.isFinite(n)) throw new UsageError(`--${spec.name} must be a number, got '${value}'.`);
            if (spec.min !== undefined && n < spec.min)
                throw new UsageError(`--${spec.name} must be at least ${spec.min}, got ${n}.`);
            if (spec.max !== undefined && n > spec.max)
                throw new UsageError(`--${spec.name} must be at most ${spec.max}, got ${n}.`);
            out[spec.name] = n;
        } else {
            out[spec.name] = value;
        }
    }
    return out;
}
