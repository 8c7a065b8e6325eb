/**
 * The engine ships as an LWC service module: its TypeScript is compiled by tsc (the options of
 * tsconfig.lwc.json) and the emitted JavaScript must pass the LWC compiler as the platform would run it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { transformSync } from '@lwc/compiler';

const ROOT = join(__dirname, '..', '..');
const ENGINE_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc', 'crossSellEngine');

function lwcCompilerOptions(): ts.CompilerOptions {
    const configPath = join(ROOT, 'tsconfig.lwc.json');
    const config = ts.readConfigFile(configPath, (path) => readFileSync(path, 'utf8'));
    assert.equal(config.error, undefined);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    return parsed.options;
}

const sources = readdirSync(ENGINE_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();

describe('the engine compiles as an LWC module', () => {
    const options = lwcCompilerOptions();

    it('has the entry module and its meta file', () => {
        assert.ok(sources.includes('crossSellEngine.ts'));
        const meta = readFileSync(join(ENGINE_DIR, 'crossSellEngine.js-meta.xml'), 'utf8');
        assert.match(meta, /<apiVersion>65\.0<\/apiVersion>/);
        assert.match(meta, /<isExposed>false<\/isExposed>/);
    });

    for (const file of sources) {
        it(`${file}: tsc then @lwc/compiler without errors, imports only from its own folder`, () => {
            const source = readFileSync(join(ENGINE_DIR, file), 'utf8');
            const emitted = ts.transpileModule(source, {
                compilerOptions: options,
                fileName: file,
                reportDiagnostics: true
            });
            assert.deepEqual(emitted.diagnostics ?? [], []);
            const js = emitted.outputText;
            for (const match of js.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)/g)) {
                const target = match[1] ?? match[2];
                assert.match(target, /^\.\/[A-Za-z]+$/, `${file} imports ${target}`);
            }
            assert.doesNotMatch(js, /\b(eval|Function)\s*\(|\brequire\s*\(|\bprocess\.|\bglobalThis\b/);
            const name = file.replace(/\.ts$/, '.js');
            const result = transformSync(js, name, { name: 'crossSellEngine', namespace: 'c' });
            const errors = (result.warnings ?? []).filter((d) => d.level !== undefined && d.level <= 1);
            assert.deepEqual(errors, []);
            assert.ok(result.code.length > 0 || js.trim() === '' || /^export \{\};?\s*$/m.test(js));
        });
    }
});
