/** Component modules the preview mounts; rollup resolves them to force-app (or the fixtures). */
declare module 'c/*' {
    import type { LightningElement } from 'lwc';
    const Component: typeof LightningElement;
    export default Component;
}

/** The sample data set, generated when the preview is built. */
declare module 'crossway:sample-data' {
    const data: import('../scripts/sample-data/types').SampleDataSet;
    export default data;
}
