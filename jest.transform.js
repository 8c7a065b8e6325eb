// Jest transform for the components: @lwc/jest-transformer, with each TypeScript file's source map naming the
// file's full path. The transformer names only the base name, so coverage could not be attributed to the .ts
// sources that collectCoverageFrom lists and was silently dropped.
const path = require('path');
const lwcTransformer = require('@lwc/jest-transformer');

module.exports = {
    process(src, filePath, options) {
        const result = lwcTransformer.process(src, filePath, options);
        if (path.extname(filePath) === '.ts' && result && result.map && Array.isArray(result.map.sources)) {
            result.map.sources = result.map.sources.map((source) =>
                path.basename(source) === path.basename(filePath) ? filePath : source
            );
        }
        return result;
    },
    // A run with coverage instruments the code and a run without does not: the cache must keep them apart, or a
    // coverage run after a plain one reuses uninstrumented code and silently reports no files.
    getCacheKey(sourceText, sourcePath, options) {
        const instrumented = options && options.instrument ? 'instrumented' : 'plain';
        return `${lwcTransformer.getCacheKey(sourceText, sourcePath, options)}-full-source-paths-${instrumented}`;
    }
};
