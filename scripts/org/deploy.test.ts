/**
 * The deploy script, run as an admin runs it, with the real sf CLI: a missing login and a failed deploy stop it
 * with a clear message, permission sets are assigned to the running user (once), and component errors from
 * sf's JSON are reported one per line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type LocalOrgSession, startSession } from '../fake-org/testkit';
import { componentFailures, formatFailure } from '../lib/sfCli';

let session: LocalOrgSession;
const DEPLOY = 'scripts/org/deploy.ts';

before(async () => {
    session = await startSession({ alias: 'crossway-deploy', bulkProcessingDelayMs: 5 });
});
after(async () => {
    await session.close();
});

describe('deploy', () => {
    test('a missing login, bad arguments and a failed deploy each stop with a clear message', async () => {
        const [login, missing, level, failed] = await Promise.all([
            session.script(DEPLOY, ['--target-org', 'not-logged-in']),
            session.script(DEPLOY, []),
            session.script(DEPLOY, ['--target-org', session.alias, '--test-level', 'Some']),
            session.script(DEPLOY, ['--target-org', session.alias, '--seed', '--wait', '1'])
        ]);
        assert.equal(login.code, 1);
        assert.match(login.stderr, /sf is not logged in to 'not-logged-in'/);
        assert.match(login.stderr, /sf org login web --alias not-logged-in/);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /--target-org is required/);
        assert.equal(level.code, 2);
        assert.match(level.stderr, /--test-level must be one of NoTestRun/);
        assert.equal(failed.code, 1);
        assert.match(failed.stderr, /the deploy to crossway-deploy failed: .*does not implement the Metadata API/);
        assert.match(failed.stderr, /Nothing is deployed when any component fails/);
        assert.equal(session.org.store.count('PermissionSetAssignment'), 0, 'no permission set after a failed deploy');
        assert.equal(session.org.store.count('Account'), 0, 'no seeding after a failed deploy');
    });

    test('assigns the permission sets to the running user once, seeds, and says what to open next', async () => {
        const first = await session.script(DEPLOY, [
            '--target-org',
            session.alias,
            '--skip-deploy',
            '--seed',
            '--permission-sets',
            'Crossway_Admin,Crossway_User'
        ]);
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /Assigned permission set Crossway_Admin to admin@crossway.example/);
        assert.match(first.stdout, /Created \d+, updated 0, unchanged 0, failed 0/);
        assert.match(first.stdout, /sf org open --target-org crossway-deploy --path lightning\/app\/c__Crossway/);
        assert.match(first.stdout, /sf apex run --target-org crossway-deploy --file scripts\/apex\/run-stats\.apex/);
        const assignments = session.org.store.all('PermissionSetAssignment');
        assert.equal(assignments.length, 2);
        assert.ok(assignments.every((a) => a.AssigneeId === session.org.store.userId));

        const again = await session.script(DEPLOY, [
            '--target-org',
            session.alias,
            '--skip-deploy',
            '--permission-sets',
            'Crossway_Admin,No_Such_Set'
        ]);
        assert.equal(again.code, 1);
        assert.match(again.stdout, /Permission set Crossway_Admin was already assigned/);
        assert.match(again.stderr, /could not assign permission set No_Such_Set/);
        assert.equal(session.org.store.count('PermissionSetAssignment'), 2, 'no duplicate assignment');
    });

    test('component errors are read from sf JSON, one per line', () => {
        const json = {
            status: 1,
            name: 'FailedDeployError',
            message: 'Deploy failed.',
            result: {
                success: false,
                details: {
                    componentFailures: [
                        {
                            componentType: 'ApexClass',
                            fullName: 'CrossSellService',
                            problem: 'Variable does not exist: foo',
                            lineNumber: '12',
                            columnNumber: '5'
                        },
                        {
                            componentType: 'CustomField',
                            fullName: 'Offering__c.Complexity__c',
                            problem: 'Picklist value missing'
                        }
                    ]
                },
                files: [
                    {
                        state: 'Failed',
                        type: 'ApexClass',
                        fullName: 'CrossSellService',
                        error: 'Variable does not exist: foo',
                        lineNumber: 12
                    }
                ]
            }
        };
        const failures = componentFailures(json);
        assert.equal(failures.length, 2);
        assert.equal(
            formatFailure(failures[0]),
            '  ApexClass CrossSellService (line 12, column 5): Variable does not exist: foo'
        );
        assert.equal(formatFailure(failures[1]), '  CustomField Offering__c.Complexity__c: Picklist value missing');
    });
});
