const fs = require('fs');
const path = require('path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// The LWC engine that matches the installed compiler (the lwc package's own @lwc/engine-dom, as CommonJS), not
// the older copy sfdx-lwc-jest resolves; templates compiled by one version and run by another only warn today.
const lwcEngine = path.join(
    path.dirname(require.resolve('@lwc/engine-dom', { paths: [path.dirname(require.resolve('lwc'))] })),
    'index.cjs'
);

module.exports = {
    ...jestConfig,
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/preview'],
    moduleNameMapper: {
        ...jestConfig.moduleNameMapper,
        // NavigationMixin with Jest mocks the tests can assert on (force-app/test/jest-mocks)
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation.ts',
        ...(fs.existsSync(lwcEngine) ? { '^lwc$': lwcEngine } : {})
    },
    // coverage attributed to the TypeScript sources (see jest.transform.js)
    transform: {
        ...jestConfig.transform,
        '^.+\\.(js|ts|html|css)$': '<rootDir>/jest.transform.js'
    },
    setupFilesAfterEnv: ['<rootDir>/jest.setup.js'],
    // Test suites are the *.test.ts files under __tests__ (as in @lwc/jest-preset); other files there are shared
    // test helpers and data.
    testMatch: ['**/__tests__/**/?(*.)(spec|test).(js|ts)'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/scripts/', '<rootDir>/preview/'],
    // The ranking engine is a plain module whose own suites run with node:test (scripts/engine), outside Jest;
    // Jest measures the components, which run the real engine without covering its every branch.
    collectCoverageFrom: [
        'force-app/main/default/lwc/**/*.ts',
        '!force-app/main/default/lwc/**/__tests__/**',
        '!force-app/main/default/lwc/crossSellEngine/**'
    ],
    coverageThreshold: {
        global: { branches: 85, functions: 85, lines: 85, statements: 85 }
    }
};
