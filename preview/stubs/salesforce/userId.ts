/** Stand-in for `@salesforce/user/Id`: the rep the preview is acting as (a live binding, see session.ts). */
export { currentUserId as default } from '../../adapter/session';
