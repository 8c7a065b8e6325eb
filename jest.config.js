const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/preview'],
    moduleNameMapper: {
        ...jestConfig.moduleNameMapper
    },
    setupFilesAfterEnv: ['<rootDir>/jest.setup.js'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/scripts/', '<rootDir>/preview/'],
    collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', '!force-app/main/default/lwc/**/__tests__/**'],
    coverageThreshold: {
        global: { branches: 85, functions: 85, lines: 85, statements: 85 }
    }
};
