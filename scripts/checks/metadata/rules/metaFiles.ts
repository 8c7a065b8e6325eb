import type { Problem, Rule, SourceFile } from '../core/types';

const RULE = 'meta-files';

/** Source files that deploy only with a companion `<file>-meta.xml`, by the folder they live in. */
const PAIRED: { folder: string; suffix: RegExp; what: string }[] = [
    { folder: 'classes', suffix: /\.cls$/, what: 'Apex class' },
    { folder: 'triggers', suffix: /\.trigger$/, what: 'Apex trigger' },
    { folder: 'pages', suffix: /\.page$/, what: 'Visualforce page' },
    { folder: 'components', suffix: /\.component$/, what: 'Visualforce component' },
    { folder: 'email', suffix: /\.email$/, what: 'email template' }
];

/** The aura bundle definition files, one of which needs a -meta.xml named after the bundle. */
const AURA_KINDS = ['cmp', 'app', 'evt', 'intf', 'tokens', 'design'];

function folderOf(file: SourceFile): string[] {
    return file.rel.split('/').slice(0, -1);
}

/**
 * Every component has its -meta.xml, and no -meta.xml is left without its component. `sf project convert
 * source` silently drops a class without its -meta.xml, so the deploy "succeeds" without it.
 */
export const metaFiles: Rule = {
    name: RULE,
    description: 'every component has its -meta.xml and every -meta.xml its component',
    check(context) {
        const problems: Problem[] = [];
        const byRel = new Set(context.files.map((f) => f.rel));
        const add = (file: string, message: string): void => {
            problems.push({ file, line: 1, rule: RULE, message });
        };

        for (const file of context.files) {
            const folders = folderOf(file);
            const parent = folders[folders.length - 1];
            for (const { folder, suffix, what } of PAIRED) {
                if (parent !== folder) continue;
                if (suffix.test(file.name) && !byRel.has(`${file.rel}-meta.xml`)) {
                    add(file.rel, `${what} ${file.name} has no ${file.name}-meta.xml: it would not be deployed`);
                }
                const source = file.rel.replace(/-meta\.xml$/, '');
                if (file.name.endsWith('-meta.xml') && suffix.test(source) && !byRel.has(source)) {
                    add(file.rel, `${file.name} has no ${source.split('/').pop()} beside it`);
                }
            }
            if (parent === 'staticresources' && !file.name.endsWith('.resource-meta.xml')) {
                const base = file.name.replace(/\.[^.]+$/, '');
                const meta = `${folders.join('/')}/${base}.resource-meta.xml`;
                if (!byRel.has(meta)) add(file.rel, `static resource ${file.name} has no ${base}.resource-meta.xml`);
            }
        }

        checkBundles(context.files, 'lwc', problems, (bundle, files) => {
            const names = new Set(files.map((f) => f.rel.slice(bundle.length + 1)));
            const name = bundle.split('/').pop()!;
            const missing: string[] = [];
            if (!names.has(`${name}.js-meta.xml`)) missing.push(`${name}.js-meta.xml`);
            // A TypeScript component is compiled to name.js by `npm run build` (the .js is not committed).
            if (!names.has(`${name}.js`) && !names.has(`${name}.ts`)) missing.push(`${name}.js (or ${name}.ts)`);
            return missing.length ? `Lightning web component ${name} has no ${missing.join(' and no ')}` : undefined;
        });
        checkBundles(context.files, 'aura', problems, (bundle, files) => {
            const names = new Set(files.map((f) => f.rel.slice(bundle.length + 1)));
            const name = bundle.split('/').pop()!;
            const hasDefinition = AURA_KINDS.some((k) => names.has(`${name}.${k}`));
            const hasMeta = AURA_KINDS.some((k) => names.has(`${name}.${k}-meta.xml`));
            if (!hasDefinition) return `Aura bundle ${name} has no ${name}.cmp (or .app, .evt, .intf)`;
            return hasMeta
                ? undefined
                : `Aura bundle ${name} has no ${name}.cmp-meta.xml (or the -meta.xml of its kind)`;
        });
        return problems;
    }
};

/** Groups files by bundle folder (`<...>/lwc/<bundle>/...`) and reports what each bundle lacks. */
function checkBundles(
    files: SourceFile[],
    kind: string,
    problems: Problem[],
    lacks: (bundle: string, files: SourceFile[]) => string | undefined
): void {
    const bundles = new Map<string, SourceFile[]>();
    for (const file of files) {
        const match = new RegExp(`^(.*/${kind}/[^/]+)/(.+)$`).exec(file.rel);
        if (!match || match[2]!.startsWith('__tests__/')) continue;
        const list = bundles.get(match[1]!) ?? [];
        list.push(file);
        bundles.set(match[1]!, list);
    }
    for (const [bundle, bundleFiles] of bundles) {
        const message = lacks(bundle, bundleFiles);
        if (message) problems.push({ file: bundleFiles[0]!.rel, line: 1, rule: RULE, message });
    }
}
