/** Component modules the preview mounts; rollup resolves them to force-app (or the fixtures). */
declare module 'c/*' {
    import type { LightningElement } from 'lwc';
    const Component: typeof LightningElement;
    export default Component;
}
