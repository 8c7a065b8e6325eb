// ESLint flat config: the LWC rules on components (TypeScript parsed by typescript-eslint), typescript-eslint
// on scripts and the preview, Jest rules on component tests.
import lwcConfig from '@salesforce/eslint-config-lwc';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';

const LWC_FILES = ['force-app/main/default/lwc/**/*.ts', 'force-app/main/default/lwc/**/*.js'];
const TS_PARSER = {
    parser: tseslint.parser,
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }
};

export default [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'preview/dist/**',
            'test-results/**',
            '.sf/**',
            '.sfdx/**',
            // compiled output of the TypeScript components (the .ts is linted)
            'force-app/main/default/lwc/**/*.js',
            'scripts/**/fixtures/**'
        ]
    },
    // LWC rules for component sources
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: LWC_FILES,
        languageOptions: { ...config.languageOptions, ...TS_PARSER, globals: { ...globals.browser } }
    })),
    {
        files: ['force-app/main/default/lwc/**/*.ts'],
        plugins: { '@typescript-eslint': tseslint.plugin },
        rules: {
            // types are checked by tsc; the base rule does not understand type-only names
            'no-unused-vars': 'off',
            'no-undef': 'off',
            // type-only re-exports are invisible to eslint-plugin-import; tsc checks exports instead
            'import/export': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['force-app/main/default/lwc/**/__tests__/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: { ...jestPlugin.configs['flat/recommended'].rules }
    },
    // TypeScript tooling: scripts, the local preview and the Jest stand-ins for platform modules
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: [
            'scripts/**/*.ts',
            'preview/**/*.ts',
            'types/**/*.ts',
            'force-app/test/**/*.ts',
            'jest.config.js',
            'eslint.config.mjs'
        ]
    })),
    {
        files: ['force-app/test/**/*.ts'],
        languageOptions: { globals: { ...globals.jest } }
    },
    {
        files: ['scripts/**/*.ts', 'preview/**/*.ts'],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['jest.config.js', 'jest.setup.js', 'preview/**/*.js', 'preview/**/*.mjs'],
        languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    }
];
