/**
 * Runs the local Salesforce API by hand, for trying the scripts without an org:
 *
 *   npx tsx scripts/fake-org/cli.ts [--port 8484] [--standard-pricebook-active]
 *
 * It prints the instance URL, the access token and the sf CLI login command, then serves until Ctrl+C.
 * The data lives in memory and is gone when it stops.
 */
import type { OptionSpec } from '../lib/args';
import { processIo, readOptions, runMain } from '../lib/cli';
import { startFakeOrg } from './server';

const OPTIONS: OptionSpec[] = [
    {
        name: 'port',
        type: 'number',
        default: 0,
        min: 0,
        max: 65535,
        description: 'Port on 127.0.0.1 (0: any free port)'
    },
    { name: 'standard-pricebook-active', type: 'boolean', description: 'Start with an active Standard Price Book' }
];

async function main(): Promise<number> {
    const parsed = readOptions(
        process.argv.slice(2),
        'npx tsx scripts/fake-org/cli.ts',
        'Serves the local Salesforce API.',
        OPTIONS,
        processIo
    );
    if (!parsed.options) return parsed.code;
    const org = await startFakeOrg({
        port: parsed.options.port as number,
        standardPricebookActive: parsed.options['standard-pricebook-active'] === true
    });
    processIo.out(`Local Salesforce API at ${org.url}`);
    processIo.out(`Access token: ${org.accessToken}`);
    processIo.out(`Log the sf CLI in (use a separate HOME to keep your real logins apart):`);
    processIo.out(
        `  SF_ACCESS_TOKEN='${org.accessToken}' sf org login access-token --instance-url ${org.url} --alias crossway-local --no-prompt`
    );
    processIo.out('Ctrl+C stops it.');
    await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    const stats = org.stats();
    processIo.out(`\n${stats.total} API calls: ${JSON.stringify(stats.byCategory)}`);
    await org.stop();
    return 0;
}

runMain(main);
