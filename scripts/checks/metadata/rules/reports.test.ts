import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, DEFAULT, lines, xml } from '../testing';
import { reports } from './reports';
import { validateSchema } from './reportsSchema';
import { join } from 'node:path';
import { descendants, parseXml } from '../core/xml';
import { createContext, runRules } from '../core/checker';
import type { SourceFile } from '../core/types';

// A small project: attempts with a lookup to offerings, one report type, one report folder with two reports,
// one dashboard folder with one dynamic dashboard. Each test breaks one thing.
const OBJ = `${DEFAULT}/objects`;
const RT = `${DEFAULT}/reportTypes/Attempts.reportType-meta.xml`;
const FOLDER = `${DEFAULT}/reports/Coaching.reportFolder-meta.xml`;
const BY_STATUS = `${DEFAULT}/reports/Coaching/By_Status.report-meta.xml`;
const WIN_RATE = `${DEFAULT}/reports/Coaching/Win_Rate.report-meta.xml`;
const DASH_FOLDER = `${DEFAULT}/dashboards/Coaching_Dashboards.dashboardFolder-meta.xml`;
const DASH = `${DEFAULT}/dashboards/Coaching_Dashboards/Coaching.dashboard-meta.xml`;

const field = (body: string): string => xml('CustomField', body);

const FOLDER_XML = (root: string): string =>
    xml(
        root,
        `    <folderShares>
        <accessLevel>View</accessLevel>
        <sharedTo>AllInternalUsers</sharedTo>
        <sharedToType>Organization</sharedToType>
    </folderShares>
    <name>Coaching</name>`
    );

const REPORT_TYPE = xml(
    'ReportType',
    `    <baseObject>Offering__c</baseObject>
    <category>other</category>
    <deployed>true</deployed>
    <join>
        <outerJoin>true</outerJoin>
        <relationship>Attempts__r</relationship>
    </join>
    <label>Offerings with Attempts</label>
    <sections>
        <columns>
            <checkedByDefault>true</checkedByDefault>
            <field>Name</field>
            <table>Offering__c</table>
        </columns>
        <columns>
            <checkedByDefault>true</checkedByDefault>
            <field>Business_Unit__c</field>
            <table>Offering__c</table>
        </columns>
        <masterLabel>Offering</masterLabel>
    </sections>
    <sections>
        <columns>
            <checkedByDefault>true</checkedByDefault>
            <field>Status__c</field>
            <table>Offering__c.Attempts__r</table>
        </columns>
        <columns>
            <checkedByDefault>true</checkedByDefault>
            <field>Is_Won__c</field>
            <table>Offering__c.Attempts__r</table>
        </columns>
        <columns>
            <checkedByDefault>true</checkedByDefault>
            <field>Closed_Date__c</field>
            <table>Offering__c.Attempts__r</table>
        </columns>
        <columns>
            <checkedByDefault>true</checkedByDefault>
            <field>Rep__c.Department</field>
            <table>Offering__c.Attempts__r</table>
        </columns>
        <masterLabel>Attempt</masterLabel>
    </sections>`
);

const A = 'Offering__c.Attempts__r$';
const BY_STATUS_XML = xml(
    'Report',
    `    <chart>
        <chartSummaries>
            <axisBinding>y</axisBinding>
            <column>RowCount</column>
        </chartSummaries>
        <chartType>HorizontalBar</chartType>
        <groupingColumn>${A}Status__c</groupingColumn>
        <location>CHART_TOP</location>
        <size>Medium</size>
    </chart>
    <columns>
        <field>Offering__c$Name</field>
    </columns>
    <columns>
        <aggregateTypes>Sum</aggregateTypes>
        <field>${A}Is_Won__c</field>
    </columns>
    <filter>
        <criteriaItems>
            <column>${A}Status__c</column>
            <isUnlocked>false</isUnlocked>
            <operator>notEqual</operator>
            <value>Not Pursued</value>
        </criteriaItems>
        <criteriaItems>
            <column>${A}Closed_Date__c</column>
            <isUnlocked>false</isUnlocked>
            <operator>lessThan</operator>
            <value>TODAY</value>
        </criteriaItems>
    </filter>
    <format>Summary</format>
    <groupingsDown>
        <field>${A}Status__c</field>
        <sortOrder>Asc</sortOrder>
    </groupingsDown>
    <name>By Status</name>
    <reportType>Attempts__c</reportType>
    <scope>organization</scope>
    <timeFrameFilter>
        <dateColumn>${A}Closed_Date__c</dateColumn>
        <interval>INTERVAL_PREVCURY</interval>
    </timeFrameFilter>`
);

const WIN_RATE_XML = xml(
    'Report',
    `    <aggregates>
        <calculatedFormula>Attempt__c.Is_Won__c:SUM / RowCount</calculatedFormula>
        <datatype>percent</datatype>
        <developerName>FORMULA1</developerName>
        <isActive>true</isActive>
        <masterLabel>Win Rate</masterLabel>
        <scale>0</scale>
    </aggregates>
    <columns>
        <aggregateTypes>Sum</aggregateTypes>
        <field>${A}Is_Won__c</field>
    </columns>
    <format>Matrix</format>
    <groupingsAcross>
        <dateGranularity>Quarter</dateGranularity>
        <field>${A}Closed_Date__c</field>
        <sortOrder>Asc</sortOrder>
    </groupingsAcross>
    <groupingsDown>
        <field>Offering__c$Business_Unit__c</field>
        <sortOrder>Asc</sortOrder>
    </groupingsDown>
    <name>Win Rate</name>
    <reportType>Attempts__c</reportType>`
);

const gridComponent = (col: number, report: string, inner: string): string => `        <dashboardGridComponents>
            <colSpan>6</colSpan>
            <columnIndex>${col}</columnIndex>
            <dashboardComponent>
${inner}                <report>${report}</report>
            </dashboardComponent>
            <rowIndex>0</rowIndex>
            <rowSpan>8</rowSpan>
        </dashboardGridComponents>
`;
const CHART_COMPONENT = `                <autoselectColumnsFromReport>true</autoselectColumnsFromReport>
                <componentType>Bar</componentType>
                <header>By status</header>
`;
const METRIC_COMPONENT = `                <autoselectColumnsFromReport>false</autoselectColumnsFromReport>
                <chartSummary>
                    <column>FORMULA1</column>
                </chartSummary>
                <componentType>Metric</componentType>
                <header>Win rate</header>
`;
const dashboard = (components: string, top = '', type = 'LoggedInUser'): string =>
    xml(
        'Dashboard',
        `    <backgroundEndColor>#FFFFFF</backgroundEndColor>
    <backgroundFadeDirection>Diagonal</backgroundFadeDirection>
    <backgroundStartColor>#FFFFFF</backgroundStartColor>
    <dashboardGridLayout>
${components}        <numberOfColumns>12</numberOfColumns>
        <rowHeight>36</rowHeight>
    </dashboardGridLayout>
    <dashboardType>${type}</dashboardType>
    <isGridLayout>true</isGridLayout>
${top}    <textColor>#000000</textColor>
    <title>Coaching</title>
    <titleColor>#000000</titleColor>
    <titleSize>12</titleSize>`
    );
const DASH_XML = dashboard(
    gridComponent(0, 'Coaching/By_Status', CHART_COMPONENT) + gridComponent(6, 'Coaching/Win_Rate', METRIC_COMPONENT)
);

function project(overrides: Record<string, string | undefined> = {}): Record<string, string> {
    const files: Record<string, string | undefined> = {
        [`${OBJ}/Offering__c/Offering__c.object-meta.xml`]: xml('CustomObject', '<label>Offering</label>'),
        [`${OBJ}/Offering__c/fields/Business_Unit__c.field-meta.xml`]: field(
            '<fullName>Business_Unit__c</fullName><label>BU</label><type>Text</type>'
        ),
        [`${OBJ}/Attempt__c/Attempt__c.object-meta.xml`]: xml('CustomObject', '<label>Attempt</label>'),
        [`${OBJ}/Attempt__c/fields/Offering__c.field-meta.xml`]: field(
            '<fullName>Offering__c</fullName><label>Offering</label><referenceTo>Offering__c</referenceTo>' +
                '<relationshipName>Attempts</relationshipName><type>Lookup</type>'
        ),
        [`${OBJ}/Attempt__c/fields/Rep__c.field-meta.xml`]: field(
            '<fullName>Rep__c</fullName><label>Rep</label><referenceTo>User</referenceTo>' +
                '<relationshipName>Attempts</relationshipName><type>Lookup</type>'
        ),
        [`${OBJ}/Attempt__c/fields/Is_Won__c.field-meta.xml`]: field(
            '<fullName>Is_Won__c</fullName><formula>IF(ISPICKVAL(Status__c, "Won"), 1, 0)</formula>' +
                '<label>Is Won</label><precision>1</precision><scale>0</scale><type>Number</type>'
        ),
        [`${OBJ}/Attempt__c/fields/Closed_Date__c.field-meta.xml`]: field(
            '<fullName>Closed_Date__c</fullName><label>Closed</label><type>Date</type>'
        ),
        [`${OBJ}/Attempt__c/fields/Status__c.field-meta.xml`]: field(
            '<fullName>Status__c</fullName><label>Status</label><type>Picklist</type><valueSet><restricted>true</restricted>' +
                '<valueSetDefinition><value><fullName>Won</fullName><default>false</default><label>Won</label></value>' +
                '<value><fullName>Not Pursued</fullName><default>false</default><label>Not Pursued</label></value>' +
                '</valueSetDefinition></valueSet>'
        ),
        [RT]: REPORT_TYPE,
        [FOLDER]: FOLDER_XML('ReportFolder'),
        [BY_STATUS]: BY_STATUS_XML,
        [WIN_RATE]: WIN_RATE_XML,
        [DASH_FOLDER]: FOLDER_XML('DashboardFolder'),
        [DASH]: DASH_XML,
        ...overrides
    };
    return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}

const run = (overrides: Record<string, string | undefined> = {}): string[] =>
    lines(check(project(overrides), [reports]));

test('the consistent project has no problems', () => {
    assert.deepEqual(run(), []);
});

test('a report column that is not in the report type is reported at its line', () => {
    const broken = BY_STATUS_XML.replace('<field>Offering__c$Name</field>', '<field>Offering__c$Family__c</field>');
    const problems = run({ [BY_STATUS]: broken });
    assert.equal(problems.length, 1);
    const line = broken.split('\n').findIndex((l) => l.includes('Offering__c$Family__c')) + 1;
    assert.equal(
        problems[0],
        `${BY_STATUS}:${line}: column Offering__c$Family__c is not a column of report type Attempts`
    );
});

test('filter, grouping, time frame and chart columns are checked against the report type too', () => {
    const broken = BY_STATUS_XML.replaceAll(`${A}Status__c`, `${A}Stage__c`).replace(
        `<dateColumn>${A}Closed_Date__c`,
        `<dateColumn>${A}Opened_Date__c`
    );
    const problems = run({ [BY_STATUS]: broken }).join('\n');
    assert.match(problems, /filter column Offering__c\.Attempts__r\$Stage__c is not a column/);
    assert.match(problems, /grouping Offering__c\.Attempts__r\$Stage__c is not a column/);
    assert.match(problems, /time frame column Offering__c\.Attempts__r\$Opened_Date__c is not a column/);
});

test('a dashboard component naming a missing report is reported', () => {
    const problems = run({ [WIN_RATE]: undefined });
    assert.deepEqual(problems, [
        `${DASH}:${DASH_XML.split('\n').findIndex((l) => l.includes('Coaching/Win_Rate')) + 1}: report Coaching/Win_Rate does not exist (expected reports/Folder/DeveloperName)`
    ]);
});

test('reports and dashboards in folders the project does not define are reported', () => {
    const problems = run({ [FOLDER]: undefined, [DASH_FOLDER]: undefined }).join('\n');
    assert.match(
        problems,
        /By_Status\.report-meta\.xml:2: report folder Coaching has no reports\/Coaching\.reportFolder-meta\.xml/
    );
    assert.match(problems, /Win_Rate\.report-meta\.xml:2: report folder Coaching has no/);
    assert.match(problems, /Coaching\.dashboard-meta\.xml:2: dashboard folder Coaching_Dashboards has no/);
});

test('a report whose custom report type does not exist is reported', () => {
    const problems = run({ [RT]: undefined });
    assert.ok(problems.some((p) => p.includes('report type Attempts is not defined in reportTypes/')));
});

test('schema: unknown elements, wrong order, repeated singletons, missing required elements, bad enumerations', () => {
    const broken = BY_STATUS_XML.replace('<format>Summary</format>', '<format>Summery</format>')
        .replace('<scope>organization</scope>', '<scope>organization</scope>\n    <colour>blue</colour>')
        .replace('<name>By Status</name>', '')
        .replace(
            '<reportType>Attempts__c</reportType>',
            '<reportType>Attempts__c</reportType>\n    <description>late</description>'
        );
    const problems = run({ [BY_STATUS]: broken }).join('\n');
    assert.match(problems, /'Summery' is not a valid ReportFormat for <format>/);
    assert.match(problems, /Report has no element <colour>/);
    assert.match(problems, /<description> must come before <reportType> in Report \(schema order\)/);
    assert.match(problems, /Report is missing the required element <name>/);
});

test('the schema check validates nested types and simple values', () => {
    const file = { rel: 'x.xml' } as SourceFile;
    const parsed = parseXml(
        xml(
            'DashboardFolder',
            '<folderShares><accessLevel>Read</accessLevel><sharedTo>X</sharedTo><sharedTo>Y</sharedTo>' +
                '<sharedToType>Organization</sharedToType></folderShares><name>N</name>'
        )
    );
    const messages = validateSchema('reports', file, parsed.root!, 'DashboardFolder').map((p) => p.message);
    assert.deepEqual(messages, [
        "'Read' is not a valid FolderShareAccessLevel for <accessLevel> (valid: View, EditAllContents, Manage)",
        '<sharedTo> may appear only once in FolderShare'
    ]);
    const grid = parseXml(
        xml('DashboardGridLayout', '<numberOfColumns>twelve</numberOfColumns><rowHeight>36</rowHeight>')
    );
    assert.deepEqual(
        validateSchema('reports', file, grid.root!, 'DashboardGridLayout').map((p) => p.message),
        ["<numberOfColumns> must be a int, not 'twelve'"]
    );
});

test('summaries need numbers, date groupings need dates, groupings are not also columns', () => {
    const broken = WIN_RATE_XML.replace(
        '<columns>',
        '<columns>\n        <aggregateTypes>Sum</aggregateTypes>\n        <field>Offering__c$Name</field>\n    </columns>\n    <columns>\n        <field>Offering__c$Business_Unit__c</field>\n    </columns>\n    <columns>'
    ).replace(
        `<field>Offering__c$Business_Unit__c</field>\n        <sortOrder>`,
        `<dateGranularity>Month</dateGranularity>\n        <field>Offering__c$Business_Unit__c</field>\n        <sortOrder>`
    );
    const problems = run({ [WIN_RATE]: broken }).join('\n');
    assert.match(problems, /Sum needs a number, currency or percent column; Offering__c\$Name is Text/);
    assert.match(problems, /Offering__c\$Business_Unit__c is a grouping and must not also be a detail column/);
    assert.match(problems, /date granularity Month on Offering__c\$Business_Unit__c, a Text/);
});

test('custom summary formulas must summarize report type columns', () => {
    const broken = WIN_RATE_XML.replace('Attempt__c.Is_Won__c:SUM', 'Attempt__c.Is_Lost__c:SUM');
    const problems = run({ [WIN_RATE]: broken });
    assert.equal(problems.length, 1);
    assert.match(
        problems[0]!,
        /formula summarizes Attempt__c\.Is_Lost__c, which is not a column of report type Attempts/
    );
});

test('filter values must exist in the picklist and fit the field type', () => {
    const broken = BY_STATUS_XML.replace('<value>Not Pursued</value>', '<value>Won,Dismissed</value>').replace(
        '<value>TODAY</value>',
        '<value>yesterday-ish</value>'
    );
    const problems = run({ [BY_STATUS]: broken }).join('\n');
    assert.match(problems, /Dismissed is not a value of picklist Attempt__c\.Status__c/);
    assert.doesNotMatch(problems, /Won is not a value/);
    assert.match(problems, /date filter value must be yyyy-mm-dd or a relative date/);
});

test('the format must match the groupings and a chart must group by a grouping', () => {
    const broken = BY_STATUS_XML.replace('<format>Summary</format>', '<format>Matrix</format>').replace(
        `<groupingColumn>${A}Status__c</groupingColumn>`,
        `<groupingColumn>Offering__c$Name</groupingColumn>`
    );
    const problems = run({ [BY_STATUS]: broken }).join('\n');
    assert.match(problems, /a Matrix report groups rows and columns/);
    assert.match(problems, /chart groupingColumn Offering__c\$Name is not a grouping of this report/);
});

test('report type joins and columns must resolve in the data model', () => {
    const broken = REPORT_TYPE.replace(
        '<relationship>Attempts__r</relationship>',
        '<relationship>Tries__r</relationship>'
    ).replace('<field>Business_Unit__c</field>', '<field>Region__c</field>');
    const problems = run({ [RT]: broken, [BY_STATUS]: undefined, [WIN_RATE]: undefined, [DASH]: undefined }).join('\n');
    assert.match(problems, /Offering__c has no child relationship Tries__r/);
    assert.match(problems, /column Offering__c\.Region__c: Offering__c has no field Region__c/);
    const lookupBroken = REPORT_TYPE.replace('<field>Rep__c.Department</field>', '<field>Rep__c.Dept</field>');
    assert.match(
        run({ [RT]: lookupBroken }).join('\n'),
        /column Offering__c\.Attempts__r\.Rep__c\.Dept: User has no field Dept/
    );
});

test('an inner join after an outer join is reported', () => {
    const nested = REPORT_TYPE.replace(
        '<outerJoin>true</outerJoin>',
        '<join>\n            <outerJoin>false</outerJoin>\n            <relationship>Attempts__r</relationship>\n        </join>\n        <outerJoin>true</outerJoin>'
    );
    assert.ok(run({ [RT]: nested }).some((p) => p.includes('an inner join cannot follow an outer join')));
});

test('dashboards: no hard-coded running user, components read what the report has, the grid does not overlap', () => {
    const broken = dashboard(
        gridComponent(0, 'Coaching/By_Status', CHART_COMPONENT) +
            gridComponent(
                3,
                'Coaching/Win_Rate',
                METRIC_COMPONENT.replace('<column>FORMULA1</column>', '<column>FORMULA2</column>')
            ),
        '    <runningUser>admin@example.com</runningUser>\n',
        'SpecifiedUser'
    );
    const problems = run({ [DASH]: broken }).join('\n');
    assert.match(problems, /a hard-coded running user does not exist in another org/);
    assert.match(problems, /a dashboard without dashboardType LoggedInUser runs as one fixed user/);
    assert.match(problems, /summary column FORMULA2 is neither RowCount, a summary formula nor a report column/);
    assert.match(problems, /component overlaps component 1 at row 0, column 3/);
});

test('a chart summary must use an aggregate the report computes', () => {
    const metric = METRIC_COMPONENT.replace(
        '<column>FORMULA1</column>',
        `<aggregate>Average</aggregate>\n                    <column>${A}Is_Won__c</column>`
    );
    const problems = run({ [DASH]: dashboard(gridComponent(0, 'Coaching/Win_Rate', metric)) });
    assert.equal(problems.length, 1);
    assert.match(
        problems[0]!,
        /the report does not summarize Offering__c\.Attempts__r\$Is_Won__c as Average; it has Sum/
    );
});

test('a component drawing the report chart must match its chart type', () => {
    const component = CHART_COMPONENT.replace('<componentType>Bar', '<componentType>Column');
    const withChart = dashboard(
        gridComponent(0, 'Coaching/By_Status', component).replace(
            '<report>Coaching/By_Status</report>',
            '<report>Coaching/By_Status</report>\n                <useReportChart>true</useReportChart>'
        )
    );
    const problems = run({ [DASH]: withChart });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /component type Column draws a VerticalColumn chart; the report chart is HorizontalBar/);
});

test('more than three dynamic dashboards exceed a Developer Edition org', () => {
    const extra: Record<string, string> = {};
    for (const n of [2, 3, 4])
        extra[`${DEFAULT}/dashboards/Coaching_Dashboards/Coaching${n}.dashboard-meta.xml`] = DASH_XML;
    const problems = run(extra);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /Coaching4\.dashboard-meta\.xml:.*more than 3 dashboards run as the logged-in user/);
});

test('buckets: named BucketField_, on a report type column, numeric when they bucket numbers; usable as groupings', () => {
    const bucket = (source: string, name = 'BucketField_Won'): string =>
        `    <buckets>
        <bucketType>number</bucketType>
        <developerName>${name}</developerName>
        <masterLabel>Won</masterLabel>
        <sourceColumnName>${source}</sourceColumnName>
        <values>
            <sourceValues>
                <to>0</to>
            </sourceValues>
            <value>No</value>
        </values>
    </buckets>
`;
    const withBucket = (xmlText: string): string =>
        BY_STATUS_XML.replace('    <chart>', `${xmlText}    <chart>`)
            .replace(
                `<field>${A}Status__c</field>\n        <sortOrder>`,
                `<field>BucketField_Won</field>\n        <sortOrder>`
            )
            .replace(`<groupingColumn>${A}Status__c`, '<groupingColumn>BucketField_Won');
    assert.deepEqual(run({ [BY_STATUS]: withBucket(bucket(`${A}Is_Won__c`)) }), []);
    const problems = run({ [BY_STATUS]: withBucket(bucket(`${A}Status__c`)) }).join('\n');
    assert.match(problems, /a number bucket needs a number column; Offering__c\.Attempts__r\$Status__c is Picklist/);
    const misnamed = run({ [BY_STATUS]: withBucket(bucket(`${A}Is_Won__c`, 'Won_Bucket')) }).join('\n');
    assert.match(misnamed, /bucket field Won_Bucket must be named BucketField_<name>/);
    assert.match(misnamed, /grouping BucketField_Won is not a column of report type Attempts/);
});

test('a permission set that runs reports must read every object and field the report types show', () => {
    const permissionSet = (fields: string[]): string =>
        xml(
            'PermissionSet',
            fields
                .map(
                    (f) =>
                        `    <fieldPermissions>\n        <editable>false</editable>\n        <field>${f}</field>\n        <readable>true</readable>\n    </fieldPermissions>`
                )
                .join('\n') +
                `
    <label>Managers</label>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Attempt__c</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <userPermissions>
        <enabled>true</enabled>
        <name>RunReports</name>
    </userPermissions>`
        );
    const path = `${DEFAULT}/permissionsets/Managers.permissionset-meta.xml`;
    const fields = [
        'Offering__c.Business_Unit__c',
        'Attempt__c.Is_Won__c',
        'Attempt__c.Rep__c',
        'Attempt__c.Status__c'
    ];
    const problems = run({ [path]: permissionSet(fields) });
    assert.deepEqual(problems.map((p) => p.replace(/^[^:]+:\d+: /, '')).sort(), [
        'permission set Managers runs reports but cannot read field Attempt__c.Closed_Date__c (column Offering__c.Attempts__r.Closed_Date__c)',
        'permission set Managers runs reports but cannot read object Offering__c (column Offering__c.Business_Unit__c)',
        'permission set Managers runs reports but cannot read object Offering__c (column Offering__c.Name)'
    ]);
    const complete = permissionSet([...fields, 'Attempt__c.Closed_Date__c']).replace(
        '    <objectPermissions>',
        '    <objectPermissions>\n        <allowCreate>false</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Offering__c</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n    <objectPermissions>'
    );
    assert.deepEqual(run({ [path]: complete }), []);
});

test('names, labels, titles and descriptions stay within their limits', () => {
    const long = 'x'.repeat(41);
    const problems = run({
        [BY_STATUS]: BY_STATUS_XML.replace('<name>By Status</name>', `<name>${long}</name>`),
        [DASH]: DASH_XML.replace('<title>Coaching</title>', `<title>${'t'.repeat(81)}</title>`),
        [RT]: REPORT_TYPE.replace('<label>Offerings with Attempts</label>', `<label>${'l'.repeat(51)}</label>`)
    }).map((p) => p.replace(/^[^:]+:\d+: /, ''));
    assert.deepEqual(problems.sort(), [
        '<label> is 51 characters; the limit is 50',
        '<name> is 41 characters; the limit is 40',
        '<title> is 81 characters; the limit is 80'
    ]);
});

test('when the project has apps, one of them must include the Reports and Dashboards tabs', () => {
    const app = (tabs: string): string =>
        xml('CustomApplication', `    <label>Crossway</label>\n${tabs}    <uiType>Lightning</uiType>`);
    const APP = `${DEFAULT}/applications/Crossway.app-meta.xml`;
    assert.deepEqual(run({ [APP]: app('    <tabs>standard-Account</tabs>\n') }), [
        `${APP}:2: no app includes the Reports tab (standard-report)`,
        `${APP}:2: no app includes the Dashboards tab (standard-Dashboard)`
    ]);
    const both = '    <tabs>standard-report</tabs>\n    <tabs>standard-Dashboard</tabs>\n';
    assert.deepEqual(run({ [APP]: app(both) }), []);
});

test("the project's report types, reports and coaching dashboard pass the rule, and the dashboard shows every report", () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const context = createContext(root);
    assert.deepEqual(lines(runRules(context, [reports])), []);
    const shipped = context
        .filesEnding('.report-meta.xml')
        .map((f) => f.rel.replace(/^.*\/reports\//, '').replace(/\.report-meta\.xml$/, ''))
        .sort();
    assert.ok(shipped.length >= 9, `expected the nine manager reports, found ${shipped.length}`);
    const dashboard = context.filesEnding('Crossway_Coaching.dashboard-meta.xml')[0];
    assert.ok(dashboard, 'the Crossway Coaching dashboard exists');
    assert.equal(dashboard.root()?.children.find((c) => c.name === 'dashboardType')?.text, 'LoggedInUser');
    const used = new Set(descendants(dashboard.root()!, 'report').map((r) => r.text));
    assert.deepEqual(
        shipped.filter((r) => !used.has(r)),
        []
    );
});

test('odd files are reported, never crash the rule', () => {
    const problems = run({
        [RT]: xml('ReportType', ''),
        [BY_STATUS]: xml('Report', '<columns/><groupingsDown><field/></groupingsDown><chart/>'),
        [WIN_RATE]: xml('Dashboard', ''),
        [DASH]: xml('Dashboard', '<dashboardGridLayout><dashboardGridComponents/></dashboardGridLayout>'),
        [FOLDER]: xml('DashboardFolder', '<name>Wrong root</name>')
    });
    assert.ok(problems.length > 0);
    assert.ok(!problems.some((p) => p.includes('rule crashed')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('root element must be <ReportFolder>, not <DashboardFolder>')));
    assert.ok(problems.some((p) => p.includes('root element must be <Report>, not <Dashboard>')));
    assert.ok(problems.some((p) => p.includes('ReportType is missing the required element <baseObject>')));
});
