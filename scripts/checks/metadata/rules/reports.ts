/**
 * Custom report types, reports, dashboards and their folders, checked the way a deploy would check them and a
 * little further:
 * - every file against its Metadata API schema (element names, order, enumerations; see reportsSchema.ts);
 * - report types: the base object, each joined child relationship and every column's field path exist, and
 *   every permission set that lets users run reports can read each object and field the columns show;
 * - reports: they sit in a report folder the project defines, name an existing custom report type, and every
 *   column, grouping, filter, sort, time frame, bucket, chart and custom summary formula names a column the report
 *   type offers (aggregates only on numbers, date groupings and time frames only on dates, picklist filter values
 *   that exist); the format matches the groupings;
 * - dashboards: they sit in a dashboard folder, every component's report exists (Folder/DeveloperName) and what
 *   the component reads from it (chart, groupings, summaries) is there, no running user is hard-coded, the grid
 *   components fit and do not overlap, and no more dynamic dashboards exist than a Developer Edition org allows;
 * - an app includes the Reports and Dashboards tabs, so users can reach them.
 */
import type { CheckContext, Problem, Rule, SourceFile } from '../core/types';
import { problemAt } from '../core/types';
import type { FieldInfo, ModelIndex, ObjectInfo } from '../core/model';
import { child, childText, children, descendants, type XmlElement } from '../core/xml';
import { validateSchema } from './reportsSchema';

const RULE = 'reports';

/** A Developer Edition org allows three dashboards that run as the logged-in user. */
export const MAX_DYNAMIC_DASHBOARDS = 3;

const NUMERIC = new Set(['Number', 'Currency', 'Percent']);
const DATES = new Set(['Date', 'DateTime']);
const SUMMARY_NEEDS_NUMBER = new Set(['Sum', 'Average', 'Median']);
const SUMMARY_NEEDS_ORDER = new Set(['Maximum', 'Minimum']);
/** Custom summary formula summary functions and the column aggregate each needs. */
const CSF_FUNCTIONS = new Set(['SUM', 'AVG', 'MAX', 'MIN', 'UNIQUE', 'MEDIAN']);

interface TypeColumn {
    /** `Table$Field` as reports name it. */
    key: string;
    table: string;
    object: string;
    path: string;
    /** Undefined when the path runs through an object whose fields the checker does not know. */
    field?: FieldInfo;
}

interface ReportTypeInfo {
    name: string;
    columns: Map<string, TypeColumn>;
}

interface ReportInfo {
    file: SourceFile;
    hasChart: boolean;
    chartType?: string;
    groupings: Set<string>;
    formulas: Set<string>;
    /** Lower-case column name -> its aggregate types. */
    columnAggregates: Map<string, Set<string>>;
}

export const reports: Rule = {
    name: RULE,
    description:
        'Report types, reports, dashboards and folders follow the schema; every column, filter, grouping, ' +
        'aggregate, chart, dashboard component and folder reference resolves.',
    check(context: CheckContext): Problem[] {
        const problems: Problem[] = [];
        const reportFolders = folders(context, /(?:^|\/)reports\/([^/]+)\.reportFolder-meta\.xml$/, 'ReportFolder');
        const dashboardFolders = folders(
            context,
            /(?:^|\/)dashboards\/([^/]+)\.dashboardFolder-meta\.xml$/,
            'DashboardFolder'
        );
        problems.push(...reportFolders.problems, ...dashboardFolders.problems);

        const types = new Map<string, ReportTypeInfo>();
        const readers = reportReaders(context);
        for (const file of context.filesEnding('.reportType-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const name = file.name.replace(/\.reportType-meta\.xml$/, '');
            const result = checkReportType(context.model, file, root, name, readers);
            problems.push(...result.problems);
            types.set(name.toLowerCase(), result.info);
        }

        const reportIndex = new Map<string, ReportInfo>();
        for (const file of context.filesEnding('.report-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const match = /(?:^|\/)reports\/(?:([^/]+)\/)?([^/]+)\.report-meta\.xml$/.exec(file.rel);
            const folder = match?.[1];
            if (!folder) {
                problems.push(problemAt(RULE, file, root, 'a report must sit in a folder: reports/<Folder>/'));
            } else if (!reportFolders.names.has(folder.toLowerCase())) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        root,
                        `report folder ${folder} has no reports/${folder}.reportFolder-meta.xml in the project`
                    )
                );
            }
            const result = checkReport(file, root, types);
            problems.push(...result.problems);
            if (folder && match?.[2]) reportIndex.set(`${folder}/${match[2]}`.toLowerCase(), result.info);
        }

        let dynamic = 0;
        for (const file of context.filesEnding('.dashboard-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const match = /(?:^|\/)dashboards\/(?:([^/]+)\/)?([^/]+)\.dashboard-meta\.xml$/.exec(file.rel);
            const folder = match?.[1];
            if (!folder) {
                problems.push(problemAt(RULE, file, root, 'a dashboard must sit in a folder: dashboards/<Folder>/'));
            } else if (!dashboardFolders.names.has(folder.toLowerCase())) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        root,
                        `dashboard folder ${folder} has no dashboards/${folder}.dashboardFolder-meta.xml in the project`
                    )
                );
            }
            if (childText(root, 'dashboardType') === 'LoggedInUser') {
                dynamic++;
                if (dynamic > MAX_DYNAMIC_DASHBOARDS) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            child(root, 'dashboardType'),
                            `more than ${MAX_DYNAMIC_DASHBOARDS} dashboards run as the logged-in user; a Developer Edition org allows ${MAX_DYNAMIC_DASHBOARDS}`
                        )
                    );
                }
            }
            problems.push(...checkDashboard(file, root, reportIndex));
        }
        problems.push(...reachableFromApps(context, reportIndex.size > 0, hasDashboards(context)));
        return problems;
    }
};

function hasDashboards(context: CheckContext): boolean {
    return context.filesEnding('.dashboard-meta.xml').length > 0;
}

/**
 * Users reach reports and dashboards through the Reports and Dashboards tabs; when the project ships some, at
 * least one of its Lightning apps must include those tabs.
 */
function reachableFromApps(context: CheckContext, hasReports: boolean, dashboards: boolean): Problem[] {
    const apps = context.filesEnding('.app-meta.xml').filter((f) => f.root());
    if (!apps.length) return [];
    const tabs = new Set(apps.flatMap((f) => children(f.root(), 'tabs').map((t) => t.text)));
    const problems: Problem[] = [];
    const first = apps[0]!;
    if (hasReports && !tabs.has('standard-report')) {
        problems.push(problemAt(RULE, first, first.root(), 'no app includes the Reports tab (standard-report)'));
    }
    if (dashboards && !tabs.has('standard-Dashboard')) {
        problems.push(problemAt(RULE, first, first.root(), 'no app includes the Dashboards tab (standard-Dashboard)'));
    }
    return problems;
}

/** Text limits of the setup pages behind each type (the deploy rejects longer values). */
const LIMITS: Record<string, Record<string, number>> = {
    Report: { name: 40, description: 255 },
    ReportType: { label: 50, description: 255 },
    Dashboard: { title: 80, description: 255 },
    ReportFolder: { name: 40 },
    DashboardFolder: { name: 40 }
};

/** The schema check plus the text limits of the root's type. */
function validate(file: SourceFile, root: XmlElement, type: string): Problem[] {
    const problems = validateSchema(RULE, file, root, type);
    for (const [element, limit] of Object.entries(LIMITS[type] ?? {})) {
        const value = child(root, element);
        if (value && value.text.length > limit) {
            problems.push(
                problemAt(RULE, file, value, `<${element}> is ${value.text.length} characters; the limit is ${limit}`)
            );
        }
    }
    return problems;
}

/** Folder files of one kind: their names (lower case) and any schema problems. */
function folders(
    context: CheckContext,
    pattern: RegExp,
    rootName: string
): { names: Set<string>; problems: Problem[] } {
    const names = new Set<string>();
    const problems: Problem[] = [];
    for (const file of context.files) {
        const match = pattern.exec(file.rel);
        const root = match ? file.root() : undefined;
        if (!match || !root) continue;
        if (root.name !== rootName) {
            problems.push(problemAt(RULE, file, root, `root element must be <${rootName}>, not <${root.name}>`));
            continue;
        }
        names.add(match[1]!.toLowerCase());
        problems.push(...validate(file, root, rootName));
        for (const share of children(root, 'folderShares')) {
            if (childText(share, 'sharedToType') === 'User') {
                problems.push(
                    problemAt(RULE, file, share, 'a folder shared with a named user does not deploy to another org')
                );
            }
        }
    }
    return { names, problems };
}

/**
 * Resolves a report type field path: custom lookups by field name, standard ones by relationship name. `chain`
 * holds every field walked, the lookups first and the shown field last.
 */
function resolveField(
    model: ModelIndex,
    objectName: string,
    path: string
): { field?: FieldInfo; chain: FieldInfo[]; error?: string } {
    const chain: FieldInfo[] = [];
    let object: ObjectInfo | undefined = model.object(objectName);
    if (!object) return { chain, error: `object ${objectName} does not exist` };
    const parts = path.split('.');
    for (let i = 0; i < parts.length; i++) {
        if (object.kind === 'opaque') return { chain };
        const part = parts[i]!.toLowerCase();
        const byName: FieldInfo | undefined = object.fields.get(part);
        const byRelationship: FieldInfo | undefined = object.parents.get(part);
        if (i === parts.length - 1) {
            const field = byName ?? byRelationship;
            if (!field) return { chain, error: `${object.name} has no field ${parts[i]}` };
            chain.push(field);
            return { field, chain };
        }
        const lookup: FieldInfo | undefined = byName?.referenceTo.length ? byName : byRelationship;
        if (!lookup) return { chain, error: `${object.name} has no lookup ${parts[i]}` };
        chain.push(lookup);
        const target: string | undefined = lookup.referenceTo[0];
        object = target ? model.object(target) : undefined;
        if (!object) return { chain };
    }
    return { chain };
}

/** What the permission sets that let users run reports (RunReports) can read. */
interface ReportReader {
    name: string;
    objects: Set<string>;
    fields: Set<string>;
}

function reportReaders(context: CheckContext): ReportReader[] {
    const readers: ReportReader[] = [];
    for (const file of context.filesEnding('.permissionset-meta.xml')) {
        const root = file.root();
        const runsReports = children(root, 'userPermissions').some(
            (p) => childText(p, 'name') === 'RunReports' && childText(p, 'enabled') === 'true'
        );
        if (!root || !runsReports) continue;
        const objects = new Set<string>();
        for (const permission of children(root, 'objectPermissions')) {
            const reads = ['allowRead', 'viewAllRecords', 'modifyAllRecords'].some(
                (flag) => childText(permission, flag) === 'true'
            );
            if (reads) objects.add((childText(permission, 'object') ?? '').toLowerCase());
        }
        const fields = new Set<string>();
        for (const permission of children(root, 'fieldPermissions')) {
            if (childText(permission, 'readable') === 'true') {
                fields.add((childText(permission, 'field') ?? '').toLowerCase());
            }
        }
        readers.push({ name: file.name.replace(/\.permissionset-meta\.xml$/, ''), objects, fields });
    }
    return readers;
}

/** Why a report reader cannot see a column, or undefined when it can. */
function unreadable(model: ModelIndex, reader: ReportReader, chain: FieldInfo[]): string | undefined {
    for (const field of chain) {
        const object = model.object(field.object);
        if (object?.kind === 'custom' && !reader.objects.has(field.object.toLowerCase())) {
            return `object ${field.object}`;
        }
        if (field.custom && field.fls && !reader.fields.has(`${field.object}.${field.name}`.toLowerCase())) {
            return `field ${field.object}.${field.name}`;
        }
    }
    return undefined;
}

function checkReportType(
    model: ModelIndex,
    file: SourceFile,
    root: XmlElement,
    name: string,
    readers: ReportReader[]
): { info: ReportTypeInfo; problems: Problem[] } {
    const info: ReportTypeInfo = { name, columns: new Map() };
    if (root.name !== 'ReportType') {
        return {
            info,
            problems: [problemAt(RULE, file, root, `root element must be <ReportType>, not <${root.name}>`)]
        };
    }
    const problems = validate(file, root, 'ReportType');
    const base = childText(root, 'baseObject') ?? '';
    const tables = new Map<string, string>();
    const baseObject = model.object(base);
    if (!baseObject) {
        problems.push(problemAt(RULE, file, child(root, 'baseObject'), `base object ${base} does not exist`));
        return { info, problems };
    }
    tables.set(base.toLowerCase(), baseObject.name);

    // Each join adds the child object under its dotted relationship path.
    let join = child(root, 'join');
    let parentTable = base;
    let parentObject = baseObject.name;
    let depth = 0;
    let sawOuter = false;
    while (join) {
        depth++;
        const relationship = childText(join, 'relationship') ?? '';
        const outer = childText(join, 'outerJoin') === 'true';
        if (sawOuter && !outer) {
            problems.push(problemAt(RULE, file, join, 'an inner join cannot follow an outer join'));
        }
        sawOuter ||= outer;
        if (depth > 3) problems.push(problemAt(RULE, file, join, 'a report type joins at most four objects'));
        const lookup = model.object(parentObject)?.childRelationships.get(relationship.toLowerCase());
        if (!lookup) {
            problems.push(
                problemAt(
                    RULE,
                    file,
                    child(join, 'relationship'),
                    `${parentObject} has no child relationship ${relationship}`
                )
            );
            break;
        }
        parentTable = `${parentTable}.${relationship}`;
        parentObject = lookup.object;
        tables.set(parentTable.toLowerCase(), parentObject);
        join = child(join, 'join');
    }

    for (const column of descendants(root, 'columns')) {
        const table = childText(column, 'table') ?? '';
        const path = childText(column, 'field') ?? '';
        const object = tables.get(table.toLowerCase());
        if (!object) {
            problems.push(
                problemAt(RULE, file, child(column, 'table'), `table ${table} is neither the base object nor a join`)
            );
            continue;
        }
        const resolved = resolveField(model, object, path);
        if (resolved.error) {
            problems.push(problemAt(RULE, file, child(column, 'field'), `column ${table}.${path}: ${resolved.error}`));
            continue;
        }
        for (const reader of readers) {
            const missing = unreadable(model, reader, resolved.chain);
            if (missing) {
                problems.push(
                    problemAt(
                        RULE,
                        file,
                        child(column, 'field'),
                        `permission set ${reader.name} runs reports but cannot read ${missing} (column ${table}.${path})`
                    )
                );
            }
        }
        const key = `${table}$${path}`;
        if (info.columns.has(key.toLowerCase())) {
            problems.push(problemAt(RULE, file, column, `column ${table}.${path} is listed twice`));
        }
        const entry: TypeColumn = { key, table, object, path };
        if (resolved.field) entry.field = resolved.field;
        info.columns.set(key.toLowerCase(), entry);
    }
    return { info, problems };
}

function checkReport(
    file: SourceFile,
    root: XmlElement,
    types: Map<string, ReportTypeInfo>
): { info: ReportInfo; problems: Problem[] } {
    const info: ReportInfo = {
        file,
        hasChart: false,
        groupings: new Set(),
        formulas: new Set(),
        columnAggregates: new Map()
    };
    if (root.name !== 'Report') {
        return { info, problems: [problemAt(RULE, file, root, `root element must be <Report>, not <${root.name}>`)] };
    }
    const problems = validate(file, root, 'Report');
    const at = (element: XmlElement | undefined, message: string): void => {
        problems.push(problemAt(RULE, file, element ?? root, message));
    };

    const reportTypeName = childText(root, 'reportType') ?? '';
    const custom = /^(.+)__c$/i.exec(reportTypeName);
    const type = custom ? types.get(custom[1]!.toLowerCase()) : undefined;
    if (custom && !type) at(child(root, 'reportType'), `report type ${custom[1]} is not defined in reportTypes/`);

    // Names a report may use besides report type columns.
    const buckets = new Map<string, XmlElement>();
    for (const bucket of children(root, 'buckets')) {
        const developerName = childText(bucket, 'developerName') ?? '';
        if (!/^BucketField_\w+$/.test(developerName)) {
            at(child(bucket, 'developerName'), `bucket field ${developerName} must be named BucketField_<name>`);
        }
        buckets.set(developerName.toLowerCase(), bucket);
    }
    const columnOf = (name: string): TypeColumn | undefined => type?.columns.get(name.toLowerCase());
    /** Checks a name used as a column; returns the report type column when there is one. */
    const use = (element: XmlElement | undefined, what: string, allowBucket = true): TypeColumn | undefined => {
        if (!element || !type) return undefined;
        const name = element.text;
        if (allowBucket && buckets.has(name.toLowerCase())) return undefined;
        const column = columnOf(name);
        if (!column) at(element, `${what} ${name} is not a column of report type ${type.name}`);
        return column;
    };

    for (const bucket of children(root, 'buckets')) {
        const source = use(child(bucket, 'sourceColumnName'), 'bucket source', false);
        const sourceType = source?.field?.type;
        if (childText(bucket, 'bucketType') === 'number' && sourceType && !NUMERIC.has(sourceType)) {
            at(child(bucket, 'bucketType'), `a number bucket needs a number column; ${source.key} is ${sourceType}`);
        }
    }

    const columnNames = new Set<string>();
    for (const column of children(root, 'columns')) {
        const fieldElement = child(column, 'field');
        const resolved = use(fieldElement, 'column');
        const fieldName = (fieldElement?.text ?? '').toLowerCase();
        if (columnNames.has(fieldName)) at(column, `column ${fieldElement?.text} is listed twice`);
        columnNames.add(fieldName);
        const aggregates = new Set<string>();
        for (const aggregate of children(column, 'aggregateTypes')) {
            aggregates.add(aggregate.text);
            const fieldType = resolved?.field?.type;
            if (!fieldType) continue;
            const numeric = NUMERIC.has(fieldType);
            if (SUMMARY_NEEDS_NUMBER.has(aggregate.text) && !numeric) {
                at(
                    aggregate,
                    `${aggregate.text} needs a number, currency or percent column; ${resolved.key} is ${fieldType}`
                );
            } else if (SUMMARY_NEEDS_ORDER.has(aggregate.text) && !numeric && !DATES.has(fieldType)) {
                at(aggregate, `${aggregate.text} needs a number or date column; ${resolved.key} is ${fieldType}`);
            }
        }
        info.columnAggregates.set(fieldName, aggregates);
    }

    // Groupings: the format decides how many; a grouped field is not also a detail column.
    const format = childText(root, 'format') ?? '';
    const down = children(root, 'groupingsDown');
    const across = children(root, 'groupingsAcross');
    if (format === 'Tabular' && (down.length || across.length))
        at(down[0] ?? across[0], 'a Tabular report has no groupings');
    if (format === 'Summary' && (!down.length || down.length > 3 || across.length)) {
        at(down[0] ?? across[0], 'a Summary report groups rows only, by one to three fields');
    }
    if (format === 'Matrix' && (!down.length || !across.length || down.length > 2 || across.length > 2)) {
        at(down[0] ?? across[0], 'a Matrix report groups rows and columns, by one or two fields each');
    }
    for (const grouping of [...down, ...across]) {
        const fieldElement = child(grouping, 'field');
        const column = use(fieldElement, 'grouping');
        const fieldName = fieldElement?.text ?? '';
        info.groupings.add(fieldName.toLowerCase());
        if (columnNames.has(fieldName.toLowerCase())) {
            at(fieldElement, `${fieldName} is a grouping and must not also be a detail column`);
        }
        const granularity = childText(grouping, 'dateGranularity');
        const fieldType = column?.field?.type;
        if (granularity && granularity !== 'None' && fieldType && !DATES.has(fieldType)) {
            at(child(grouping, 'dateGranularity'), `date granularity ${granularity} on ${fieldName}, a ${fieldType}`);
        }
    }

    for (const item of descendants(root, 'criteriaItems')) {
        const column = use(child(item, 'column'), 'filter column');
        checkFilterValue(item, column, at);
    }

    const sort = child(root, 'sortColumn');
    if (sort && !columnNames.has(sort.text.toLowerCase()))
        at(sort, `sort column ${sort.text} is not a column of this report`);

    const timeFrame = child(root, 'timeFrameFilter');
    const dateColumn = use(child(timeFrame, 'dateColumn'), 'time frame column', false);
    if (dateColumn?.field && !DATES.has(dateColumn.field.type)) {
        at(
            child(timeFrame, 'dateColumn'),
            `time frame column ${dateColumn.key} is a ${dateColumn.field.type}, not a date`
        );
    }
    const interval = childText(timeFrame, 'interval');
    if (interval === 'INTERVAL_CUSTOM' && !child(timeFrame, 'startDate') !== !child(timeFrame, 'endDate')) {
        at(timeFrame, 'a custom time frame gives both a start and an end date, or neither (all time)');
    }

    for (const aggregate of children(root, 'aggregates')) {
        const developerName = childText(aggregate, 'developerName') ?? '';
        info.formulas.add(developerName.toLowerCase());
        if (type) checkFormula(child(aggregate, 'calculatedFormula'), type, at);
    }

    const chart = child(root, 'chart');
    if (chart) {
        info.hasChart = true;
        const chartType = childText(chart, 'chartType');
        if (chartType) info.chartType = chartType;
        if (format === 'Tabular') at(chart, 'a Tabular report cannot have a chart');
        for (const name of ['groupingColumn', 'secondaryGroupingColumn']) {
            const element = child(chart, name);
            if (element && !info.groupings.has(element.text.toLowerCase())) {
                at(element, `chart ${name} ${element.text} is not a grouping of this report`);
            }
        }
        for (const summary of children(chart, 'chartSummaries')) {
            const problem = summaryProblem(summary, info);
            if (problem) at(child(summary, 'column'), problem);
        }
    }
    return { info, problems };
}

/** Filter values a deploy would reject or that can never match. */
function checkFilterValue(
    item: XmlElement,
    column: TypeColumn | undefined,
    at: (element: XmlElement | undefined, message: string) => void
): void {
    const field = column?.field;
    const valueElement = child(item, 'value');
    const value = valueElement?.text ?? '';
    if (!field || value === '') return;
    const operator = childText(item, 'operator') ?? '';
    if (field.picklistValues && ['equals', 'notEqual', 'includes', 'excludes'].includes(operator)) {
        const known = new Set(field.picklistValues.map((v) => v.toLowerCase()));
        for (const part of value.split(',').map((v) => v.trim())) {
            if (!known.has(part.toLowerCase())) {
                at(valueElement, `${part} is not a value of picklist ${field.object}.${field.name}`);
            }
        }
    } else if (field.type === 'Checkbox' && !/^(?:0|1|true|false)$/i.test(value)) {
        at(valueElement, `checkbox filter value must be 1 or 0, not ${value}`);
    } else if (DATES.has(field.type) && !/^(?:\d{4}-\d{2}-\d{2}|[A-Z][A-Z_]*(?::\d+)?)$/.test(value)) {
        at(valueElement, `date filter value must be yyyy-mm-dd or a relative date such as TODAY, not ${value}`);
    } else if (NUMERIC.has(field.type) && !/^-?\d+(?:\.\d+)?$/.test(value)) {
        at(valueElement, `number filter value must be a number, not ${value}`);
    }
}

/**
 * A custom summary formula names summaries as `Object.FieldPath:SUM` (the object of the column's table, then its
 * field path) or `RowCount`; each must be a column the report type offers.
 */
function checkFormula(
    formula: XmlElement | undefined,
    type: ReportTypeInfo,
    at: (element: XmlElement | undefined, message: string) => void
): void {
    if (!formula) return;
    const references = formula.text.matchAll(/([A-Za-z]\w*(?:\.[A-Za-z]\w*)+):([A-Za-z]+)/g);
    for (const [, reference = '', fn = ''] of references) {
        if (!CSF_FUNCTIONS.has(fn.toUpperCase())) {
            at(formula, `${reference}:${fn} uses an unknown summary; use SUM, AVG, MAX, MIN, UNIQUE or MEDIAN`);
        }
        const dot = reference.indexOf('.');
        const object = reference.slice(0, dot).toLowerCase();
        const path = reference.slice(dot + 1).toLowerCase();
        const found = [...type.columns.values()].some(
            (c) => c.object.toLowerCase() === object && c.path.toLowerCase() === path
        );
        if (!found) at(formula, `formula summarizes ${reference}, which is not a column of report type ${type.name}`);
    }
}

/** Why a chart summary cannot be drawn from the report, or undefined when it can. */
function summaryProblem(summary: XmlElement, report: ReportInfo): string | undefined {
    const column = childText(summary, 'column') ?? '';
    const aggregate = childText(summary, 'aggregate');
    if (column === 'RowCount' || report.formulas.has(column.toLowerCase())) return undefined;
    const aggregates = report.columnAggregates.get(column.toLowerCase());
    if (!aggregates) return `summary column ${column} is neither RowCount, a summary formula nor a report column`;
    if (!aggregate || !aggregates.has(aggregate)) {
        return `the report does not summarize ${column} as ${aggregate ?? '(no aggregate)'}; it has ${[...aggregates].join(', ') || 'no summaries'}`;
    }
    return undefined;
}

/** Chart types of a dashboard component and the report chart type it draws the same way. */
const COMPONENT_CHARTS: Record<string, string> = {
    Bar: 'HorizontalBar',
    BarGrouped: 'HorizontalBarGrouped',
    BarStacked: 'HorizontalBarStacked',
    BarStacked100: 'HorizontalBarStackedTo100',
    Column: 'VerticalColumn',
    ColumnGrouped: 'VerticalColumnGrouped',
    ColumnStacked: 'VerticalColumnStacked',
    ColumnStacked100: 'VerticalColumnStackedTo100',
    Line: 'Line',
    LineGrouped: 'LineGrouped',
    LineCumulative: 'LineCumulative',
    LineGroupedCumulative: 'LineCumulativeGrouped',
    Pie: 'Pie',
    Donut: 'Donut',
    Funnel: 'Funnel',
    Scatter: 'Scatter',
    ScatterGrouped: 'ScatterGrouped'
};

function checkDashboard(file: SourceFile, root: XmlElement, reportIndex: Map<string, ReportInfo>): Problem[] {
    if (root.name !== 'Dashboard') {
        return [problemAt(RULE, file, root, `root element must be <Dashboard>, not <${root.name}>`)];
    }
    const problems = validate(file, root, 'Dashboard');
    const at = (element: XmlElement | undefined, message: string): void => {
        problems.push(problemAt(RULE, file, element ?? root, message));
    };
    const runningUser = child(root, 'runningUser');
    if (runningUser) {
        at(runningUser, 'a hard-coded running user does not exist in another org; run as the logged-in user instead');
    }
    const dashboardType = childText(root, 'dashboardType');
    if (dashboardType !== 'LoggedInUser' && dashboardType !== 'MyTeamUser') {
        at(
            child(root, 'dashboardType') ?? root,
            'a dashboard without dashboardType LoggedInUser runs as one fixed user; use LoggedInUser'
        );
    }

    for (const component of descendants(root, 'dashboardComponent').concat(descendants(root, 'components'))) {
        const reportElement = child(component, 'report');
        if (!reportElement) continue;
        const report = reportIndex.get(reportElement.text.toLowerCase());
        if (!report) {
            at(reportElement, `report ${reportElement.text} does not exist (expected reports/Folder/DeveloperName)`);
            continue;
        }
        const componentType = childText(component, 'componentType') ?? '';
        if (childText(component, 'useReportChart') === 'true') {
            const expected = COMPONENT_CHARTS[componentType];
            if (!report.hasChart)
                at(reportElement, `component uses the chart of ${reportElement.text}, which has none`);
            else if (expected && report.chartType !== expected) {
                at(
                    child(component, 'componentType'),
                    `component type ${componentType} draws a ${expected} chart; the report chart is ${report.chartType}`
                );
            }
        }
        for (const grouping of children(component, 'groupingColumn')) {
            if (!report.groupings.has(grouping.text.toLowerCase())) {
                at(grouping, `${grouping.text} is not a grouping of ${reportElement.text}`);
            }
        }
        for (const summary of children(component, 'chartSummary')) {
            const problem = summaryProblem(summary, report);
            if (problem) at(child(summary, 'column'), problem);
        }
    }

    const grid = child(root, 'dashboardGridLayout');
    if (grid) problems.push(...checkGrid(file, grid));
    return problems;
}

/** Grid components stay inside the columns and do not overlap. */
function checkGrid(file: SourceFile, grid: XmlElement): Problem[] {
    const problems: Problem[] = [];
    const columns = Number(childText(grid, 'numberOfColumns') ?? '12');
    const taken = new Map<string, number>();
    children(grid, 'dashboardGridComponents').forEach((component, index) => {
        const n = (name: string): number => Number(childText(component, name) ?? 'NaN');
        const [col, row, colSpan, rowSpan] = [n('columnIndex'), n('rowIndex'), n('colSpan'), n('rowSpan')];
        if (![col, row, colSpan, rowSpan].every(Number.isInteger)) return; // the schema check reports it
        if (col < 0 || row < 0 || colSpan < 1 || rowSpan < 1 || col + colSpan > columns) {
            problems.push(problemAt(RULE, file, component, `component does not fit the ${columns}-column grid`));
            return;
        }
        for (let r = row; r < row + rowSpan; r++) {
            for (let c = col; c < col + colSpan; c++) {
                const other = taken.get(`${r},${c}`);
                if (other !== undefined) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            component,
                            `component overlaps component ${other + 1} at row ${r}, column ${c}`
                        )
                    );
                    return;
                }
                taken.set(`${r},${c}`, index);
            }
        }
    });
    return problems;
}
