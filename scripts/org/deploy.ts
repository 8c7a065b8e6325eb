/**
 * `npm run deploy -- --target-org ALIAS [--seed] [--scale N]`: compiles the TypeScript components, deploys
 * force-app with `sf project deploy start`, assigns the Crossway permission sets to the running user, optionally
 * loads the sample data, and prints what to open next. A missing sf login or a failed deploy stops it with a
 * clear message (and the component errors); exit 0 on success, 1 on failure, 2 for bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { OptionSpec } from '../lib/args';
import { connectTargetOrg, type Io, processIo, readOrgOptions, runMain, TARGET_ORG_OPTION } from '../lib/cli';
import { componentFailures, formatFailure, PROJECT_ROOT, runSf } from '../lib/sfCli';
import { runSeed } from './seed';

const COMMAND = 'npm run deploy --';
export const DEFAULT_PERMISSION_SETS = 'Crossway_Admin';

export const DEPLOY_OPTIONS: OptionSpec[] = [
    TARGET_ORG_OPTION,
    {
        name: 'permission-sets',
        type: 'string',
        default: DEFAULT_PERMISSION_SETS,
        description: 'Comma-separated permission sets to assign to the running user'
    },
    {
        name: 'test-level',
        type: 'string',
        description:
            'Passed to sf project deploy start (NoTestRun, RunLocalTests, ...); production orgs need RunLocalTests'
    },
    { name: 'wait', type: 'number', default: 33, min: 1, description: 'Minutes to wait for the deploy' },
    {
        name: 'check-only',
        type: 'boolean',
        description: 'Validate the deploy without saving it (sf project deploy start --dry-run)'
    },
    {
        name: 'skip-deploy',
        type: 'boolean',
        description: 'Only assign the permission sets (and seed): the metadata is already deployed'
    },
    { name: 'seed', type: 'boolean', description: 'Load the sample data set afterwards (see npm run seed -- --help)' },
    { name: 'scale', type: 'number', default: 1, min: 1, max: 20, description: 'With --seed: the sample data scale' },
    { name: 'user-map', type: 'string', description: 'With --seed: sample handles onto usernames' }
];

const TEST_LEVELS = new Set(['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg']);

export async function runDeploy(argv: string[], io: Io = processIo): Promise<number> {
    const parsed = readOrgOptions(
        argv,
        COMMAND,
        'Deploys Crossway to an org, assigns its permission sets, and optionally seeds sample data.',
        DEPLOY_OPTIONS,
        io
    );
    if (!parsed.options) return parsed.code;
    const { options, target } = parsed;
    const testLevel = options['test-level'] as string | undefined;
    if (testLevel && !TEST_LEVELS.has(testLevel)) {
        io.err(`Error: --test-level must be one of ${[...TEST_LEVELS].join(', ')}, got '${testLevel}'.`);
        return 2;
    }
    const permissionSets = String(options['permission-sets'])
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

    // the login is checked locally before anything slow happens
    const connected = await connectTargetOrg(target, io);
    if (!connected.org) return connected.code;
    const { username, instanceUrl } = connected.org;
    io.out(`Org: ${username} (${instanceUrl})`);

    if (!options['skip-deploy']) {
        io.out('Compiling the TypeScript components (npm run build) ...');
        const build = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.lwc.json'], {
            cwd: PROJECT_ROOT,
            encoding: 'utf8'
        });
        if (build.status !== 0) {
            io.err(`Error: the components do not compile, so nothing was deployed:\n${build.stdout}${build.stderr}`);
            return 1;
        }
        const args = [
            'project',
            'deploy',
            'start',
            '--source-dir',
            'force-app',
            '--target-org',
            target,
            '--wait',
            String(options.wait)
        ];
        if (testLevel) args.push('--test-level', testLevel);
        if (options['check-only']) args.push('--dry-run');
        io.out(
            `${options['check-only'] ? 'Validating' : 'Deploying'} force-app with sf project deploy start (up to ${String(options.wait)} minutes) ...`
        );
        const deploy = await runSf(args);
        const result = deploy.json?.result as Record<string, unknown> | undefined;
        if (deploy.code !== 0 || (result && result.success === false)) {
            const failures = componentFailures(deploy.json);
            const message = String(
                deploy.json?.message ?? (deploy.stderr.trim() || deploy.stdout.trim() || 'no message')
            );
            io.err(`Error: the deploy to ${target} failed: ${message}`);
            if (failures.length) io.err(`Component errors:\n${failures.map(formatFailure).join('\n')}`);
            io.err('Nothing is deployed when any component fails: fix the errors above and run the deploy again.');
            return 1;
        }
        const files = Array.isArray(result?.files) ? result.files.length : 0;
        io.out(`${options['check-only'] ? 'Validated' : 'Deployed'} ${files} components.`);
        if (options['check-only']) return 0;
    }

    let failed = false;
    for (const name of permissionSets) {
        const assign = await runSf(['org', 'assign', 'permset', '--name', name, '--target-org', target]);
        const text = JSON.stringify(assign.json ?? assign.stdout);
        if (assign.code === 0) {
            io.out(`Assigned permission set ${name} to ${username}.`);
        } else if (/Duplicate PermissionSetAssignment|already assigned|DUPLICATE_VALUE/i.test(text)) {
            io.out(`Permission set ${name} was already assigned to ${username}.`);
        } else {
            failed = true;
            io.err(
                `Error: could not assign permission set ${name}: ${String(assign.json?.message ?? '')} ${extractFailures(assign.json)}`.trim()
            );
        }
    }
    if (failed) return 1;

    if (options.seed) {
        io.out('Loading the sample data set ...');
        const seedArgs = ['--target-org', target, '--scale', String(options.scale)];
        if (options['user-map']) seedArgs.push('--user-map', String(options['user-map']));
        const code = await runSeed(seedArgs, io);
        if (code !== 0) return code;
    }

    io.out(
        [
            '',
            'Next:',
            `  sf org open --target-org ${target} --path lightning/app/c__Crossway    (the Crossway app)`,
            '  Open any account: the Crossway panel is on the "Crossway Account Record Page". Activate it as the org',
            '  default (or for your apps and profiles) in Lightning App Builder: Setup > Lightning App Builder.',
            `  Give reps the Crossway User permission set and managers Crossway Manager: sf org assign permset --name Crossway_User --on-behalf-of <username> --target-org ${target}`,
            options.seed ? '' : `  Load sample data: npm run seed -- --target-org ${target}`,
            '  A large org (more than 40,000 assets, opportunity line items and attempts together): run the stats job',
            `  now and nightly: sf apex run --target-org ${target} --file scripts/apex/run-stats.apex, then the same`,
            '  with scripts/apex/schedule-stats.apex (docs/SCALE.md).'
        ]
            .filter((l) => l !== '')
            .join('\n')
    );
    return 0;
}

function extractFailures(json: Record<string, unknown> | undefined): string {
    const failures = (json?.result as { failures?: { name?: string; message?: string }[] } | undefined)?.failures ?? [];
    return failures.map((f) => `${f.name ?? ''}: ${f.message ?? ''}`).join('; ');
}

if (require.main === module) runMain(() => runDeploy(process.argv.slice(2)));
