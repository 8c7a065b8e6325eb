/**
 * Sample user handles (rep.alex, spec.priya, ...) onto real, active users of the org. The seed never creates
 * users: every handle maps onto the running user unless the admin maps it onto another user by username.
 */
import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../lib/args';
import type { SObject } from '../lib/orgApi';

/** Parses `--user-map`: `handle=username,handle=username` or the path of a JSON file `{ "handle": "username" }`. */
export function parseUserMap(value: string | undefined): Map<string, string> {
    const map = new Map<string, string>();
    if (!value) return map;
    if (/\.json$/i.test(value) || existsSync(value)) {
        let parsed: unknown;
        try {
            parsed = JSON.parse(readFileSync(value, 'utf8'));
        } catch (error) {
            throw new UsageError(`--user-map: cannot read ${value}: ${(error as Error).message}`);
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new UsageError(`--user-map: ${value} must hold a JSON object of handle: username`);
        for (const [handle, username] of Object.entries(parsed)) {
            if (typeof username !== 'string' || !username)
                throw new UsageError(`--user-map: the username for ${handle} must be a non-empty string`);
            map.set(handle, username);
        }
        return map;
    }
    for (const pair of value.split(',')) {
        const [handle, username, extra] = pair.split('=').map((s) => s.trim());
        if (!handle || !username || extra !== undefined)
            throw new UsageError(`--user-map: '${pair}' is not handle=username`);
        map.set(handle, username);
    }
    return map;
}

export interface ResolvedUsers {
    runningUserId: string;
    ids: Map<string, string | null>;
    /** handle -> username, for the summary. */
    usernames: Map<string, string>;
}

/** The SOQL that reads the running user and every mapped user. */
export function usersQuery(runningUsername: string, map: Map<string, string>): string {
    const names = [...new Set([runningUsername, ...map.values()])].map(
        (u) => `'${u.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
    );
    return `SELECT Id, Username, Name, IsActive FROM User WHERE Username IN (${names.join(', ')})`;
}

/** Maps every handle onto a user id; throws a clear error for unknown handles and missing or inactive users. */
export function resolveUsers(
    handles: string[],
    runningUsername: string,
    map: Map<string, string>,
    rows: SObject[],
    /** Handles the map does not name and that stay without a user (specialists left unlicensed). */
    leaveEmpty: Set<string> = new Set()
): ResolvedUsers {
    const unknown = [...map.keys()].filter((h) => !handles.includes(h));
    if (unknown.length) {
        throw new UsageError(
            `--user-map: unknown sample handle(s) ${unknown.join(', ')}. The sample handles are: ${handles.join(', ')}`
        );
    }
    const byName = new Map(rows.map((r) => [String(r.Username).toLowerCase(), r]));
    const check = (username: string, what: string): string => {
        const row = byName.get(username.toLowerCase());
        if (!row) throw new UsageError(`${what}: no user with username ${username} in this org`);
        if (row.IsActive !== true)
            throw new UsageError(`${what}: user ${username} is inactive; map the handle onto an active user`);
        return String(row.Id);
    };
    const runningUserId = check(runningUsername, 'running user');
    const ids = new Map<string, string | null>();
    const usernames = new Map<string, string>();
    for (const handle of handles) {
        const username = map.get(handle);
        if (!username && leaveEmpty.has(handle)) {
            ids.set(handle, null);
            usernames.set(handle, '');
            continue;
        }
        ids.set(handle, username ? check(username, `--user-map ${handle}`) : runningUserId);
        usernames.set(handle, username ?? runningUsername);
    }
    return { runningUserId, ids, usernames };
}
