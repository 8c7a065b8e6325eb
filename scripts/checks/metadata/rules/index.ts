/**
 * The metadata checker's rules, in the order they run. To add a rule:
 *
 * 1. Create `rules/<name>.ts` exporting a `Rule` (from `../core/types`):
 *
 *        export const myRule: Rule = {
 *            name: 'my-rule',                       // kebab-case, printed after each problem
 *            description: 'what it guarantees',
 *            check(context) { return [...problems]; }
 *        };
 *
 *    `context` (CheckContext) gives:
 *    - `files`: every file under the package directories (`rel` path, `name`, `text()`, `xml()`, `root()`);
 *      `filesEnding('.report-meta.xml')` filters by suffix. `root()` is the parsed XML tree (`XmlElement`:
 *      name, attributes, children, text, line, column) or undefined when the file is malformed (skip it: the
 *      well-formed-xml rule reports it). Helpers in `../core/xml`: child, children, childText, childFlag,
 *      descendants.
 *    - `model` (ModelIndex): `object(name)`, `field(object, field)` (FieldInfo: type, required, formula,
 *      readOnly, fls, referenceTo, parentRelationship, childRelationship, picklistValues), `resolvePath(object,
 *      'Account__r.Owner.Name')` -> `{ field }` or `{ error }`, and `component(type, name)` for other components
 *      by metadata type (ApexClass, CustomTab, CustomApplication, Layout, FlexiPage, ReportType, CustomLabel,
 *      CustomPermission, ...). Look-ups are case-insensitive.
 *    - `sourceApiVersion`, `root`, `packageDirectories`.
 *
 *    Return `Problem`s ({ file, line, column?, rule, message }); `problemAt(rule, file, element, message)`
 *    builds one at an element's position. A rule must not throw on odd input.
 * 2. Add it to RULES below.
 * 3. Test it with broken fixtures: `fixtureProject()` (in `../fixtureProject`) is a small valid project that
 *    passes every rule; `fixtureEdited(path, find, replace)` / `fixtureWith({ path: text })` break one thing;
 *    `check(files, [rule])` runs the rule on it in a temp dir, and `assertProblems(problems, [{ file, line,
 *    message }])` (from `../testing`) asserts exactly those problems; `lineOf(text, needle)` finds lines.
 *
 * Run everything: `npm run check:metadata` (prints `file:line:column: message [rule]`, exits 1 on any problem).
 */
import type { Rule } from '../core/types';
import { accessCoverage } from './accessCoverage';
import { apexReferences } from './apexReferences';
import { apiVersion } from './apiVersion';
import { appsAndTabs } from './appsAndTabs';
import { compactLayouts } from './compactLayouts';
import { componentImports } from './componentImports';
import { customMetadataRecords } from './customMetadataRecords';
import { fieldDefinitions } from './fieldDefinitions';
import { fieldSecurity } from './fieldSecurity';
import { flexipages } from './flexipages';
import { formulas } from './formulas';
import { labels } from './labels';
import { layouts } from './layouts';
import { listViews } from './listViews';
import { lwcBundles } from './lwcBundles';
import { metadataSchemaRule } from './metadataSchema';
import { metadataShape } from './metadataShape';
import { metaFiles } from './metaFiles';
import { objectDefinitions } from './objectDefinitions';
import { objectPermissions } from './objectPermissions';
import { permissionSetReferences } from './permissionSetReferences';
import { picklistValues } from './picklistValues';
import { reports } from './reports';
import { wellFormed } from './wellFormed';

export const RULES: readonly Rule[] = [
    wellFormed,
    metaFiles,
    metadataShape,
    metadataSchemaRule,
    apiVersion,
    objectDefinitions,
    fieldDefinitions,
    formulas,
    permissionSetReferences,
    objectPermissions,
    fieldSecurity,
    accessCoverage,
    layouts,
    listViews,
    compactLayouts,
    flexipages,
    lwcBundles,
    appsAndTabs,
    picklistValues,
    customMetadataRecords,
    apexReferences,
    labels,
    componentImports,
    reports
];
