/**
 * The org connection, read from the sf CLI's own auth store (the alias an admin already uses with `sf`), never
 * from a separate password. The access token is refreshed through the CLI's auth when the org says it expired.
 */
import { Connection } from 'jsforce';

export const API_VERSION = '65.0';

export interface OrgConnection {
    conn: Connection;
    username: string;
    instanceUrl: string;
    alias: string;
}

export class NotLoggedInError extends Error {}

/** Opens a jsforce connection for an sf CLI alias or username. */
export async function connectFromSfAuth(aliasOrUsername: string): Promise<OrgConnection> {
    const core = await import('@salesforce/core');
    let org: InstanceType<typeof core.Org>;
    try {
        org = await core.Org.create({ aliasOrUsername });
    } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        const detail = (error as Error).message;
        if (/NamedOrgNotFound|NoAuthInfoFound|AuthInfoCreationError|NoAliasFound/i.test(`${name} ${detail}`)) {
            throw new NotLoggedInError(
                `sf is not logged in to '${aliasOrUsername}'. Log in first, for example:\n` +
                    `  sf org login web --alias ${aliasOrUsername}\n` +
                    `and check with: sf org list`
            );
        }
        throw new NotLoggedInError(`Could not read the sf CLI auth for '${aliasOrUsername}': ${detail}`);
    }
    const source = org.getConnection();
    const username = org.getUsername() ?? aliasOrUsername;
    const instanceUrl = source.instanceUrl.replace(/\/+$/, '');
    const conn = new Connection({
        instanceUrl,
        accessToken: source.accessToken ?? undefined,
        version: API_VERSION,
        refreshFn: (_conn, callback) => {
            org.refreshAuth()
                .then(() => callback(null, org.getConnection().accessToken ?? undefined))
                .catch((error: Error) => callback(error));
        }
    });
    return { conn, username, instanceUrl, alias: aliasOrUsername };
}
