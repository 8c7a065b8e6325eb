/**
 * Who the preview is acting as. `currentUserId` is a live binding: `@salesforce/user/Id` re-exports it, so a
 * component created after the rep changes reads the new rep, as after logging in as another user.
 */
export let currentUserId = '';

export function setCurrentUserId(id: string): void {
    currentUserId = id;
}
