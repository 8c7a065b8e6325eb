import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apexText } from './apexText';
import {
    findInlineQueries,
    parseSoql,
    SoqlCursor,
    SoqlError,
    type SoqlQuery,
    type SoqlToken,
    tokenizeSoql
} from './soql';

function parse(apex: string): SoqlQuery[] {
    const text = apexText(apex);
    return findInlineQueries(text).map(({ start, end }) => parseSoql(text, start, end));
}

const names = (query: SoqlQuery): string[] => query.fields.map((f) => f.text);

test('select list, relationship paths, aliases and sub-queries', () => {
    const [query] = parse(
        `x = [SELECT Id, a.Name, a.Owner.Name, (SELECT Id, Status__c FROM Attempts__r WHERE Status__c = 'Won') FROM Account a WHERE a.Industry IN ('Banking') ORDER BY a.Name DESC NULLS FIRST LIMIT 5];`
    );
    assert.ok(query);
    assert.equal(query.from.text, 'Account');
    assert.equal(query.alias, 'a');
    assert.deepEqual(names(query), ['Id', 'Name', 'Owner.Name', 'Industry', 'Name']);
    assert.deepEqual(
        query.comparisons.map((c) => [c.field.text, c.values.map((v) => v.text)]),
        [['Industry', ['Banking']]]
    );
    assert.equal(query.children[0]?.from.text, 'Attempts__r');
    assert.deepEqual(names(query.children[0]!), ['Id', 'Status__c', 'Status__c']);
    assert.deepEqual(
        query.children[0]!.comparisons[0]!.values.map((v) => v.text),
        ['Won']
    );
});

test('aggregates, GROUP BY, HAVING, date functions, binds and semi-joins', () => {
    const [query] =
        parse(`[SELECT Offering__c, COUNT(Id) n, SUM(Estimated_Value__c) total, CALENDAR_YEAR(CreatedDate) yr
        FROM Cross_Sell_Attempt__c
        WHERE Account__c IN :ids AND CreatedDate = LAST_N_DAYS:90 AND Offering__c NOT IN (SELECT Offering__c FROM Product2 WHERE IsActive = true)
        AND Next_Step_Date__c < :Date.today().addDays(3) AND Estimated_Value__c > 10.5
        WITH USER_MODE GROUP BY Offering__c, CALENDAR_YEAR(CreatedDate) HAVING COUNT(Id) > 1]`);
    assert.ok(query);
    assert.deepEqual(names(query), [
        'Offering__c',
        'Id',
        'Estimated_Value__c',
        'CreatedDate',
        'Account__c',
        'CreatedDate',
        'Offering__c',
        'Next_Step_Date__c',
        'Estimated_Value__c',
        'Offering__c',
        'CreatedDate',
        'Id'
    ]);
    assert.equal(query.joins[0]?.from.text, 'Product2');
    assert.deepEqual(names(query.joins[0]!), ['Offering__c', 'IsActive']);
});

test('offsets point at the names in the file, and comments and strings hide bracketed text', () => {
    const source = `// [SELECT X FROM Y]\nString s = '[SELECT X FROM Y]';\nList<Account> a = [\n    SELECT Name\n    FROM Account\n];`;
    const queries = parse(source);
    assert.equal(queries.length, 1);
    assert.equal(source.slice(queries[0]!.fields[0]!.offset).startsWith('Name'), true);
    assert.equal(apexText(source).position(queries[0]!.from.offset).line, 5);
});

test('unreadable queries throw a SoqlError with an offset', () => {
    const text = apexText('x = [SELECT Id FROM];');
    const [range] = findInlineQueries(text);
    assert.throws(
        () => parseSoql(text, range!.start, range!.end),
        (error: unknown) => error instanceof SoqlError && error.offset > 0
    );
});

test('the tokens other readers build on: binds, date literals and strings keep their kind, comments vanish', () => {
    const source =
        "[SELECT Id FROM Asset WHERE Id IN : ids /* the page */ AND CreatedDate = LAST_N_DAYS:30 AND Name = '('] ";
    const text = apexText(source);
    const [range] = findInlineQueries(text);
    const tokens = tokenizeSoql(text, range!.start, range!.end);
    const kinds = tokens.map((t) => `${t.kind}:${t.text}`);
    assert.deepEqual(kinds.slice(4), [
        'ident:WHERE',
        'ident:Id',
        'ident:IN',
        'bind:: ids',
        'ident:AND',
        'ident:CreatedDate',
        'punct:=',
        'literal:LAST_N_DAYS:30',
        'ident:AND',
        'ident:Name',
        'punct:=',
        'string:('
    ]);
    assert.equal(source.slice(tokens[7]!.offset).startsWith(': ids'), true);

    // a reader of its own grammar over the same cursor: a quoted bracket is a value, not punctuation
    class Probe extends SoqlCursor {
        read(): string[] {
            const seen: string[] = [];
            while (!this.done()) {
                if (this.accept('(')) seen.push('open');
                else if (this.accept('AND')) seen.push('and');
                else seen.push(this.next().kind);
            }
            return seen;
        }
        from(): void {
            this.expectWord('FROM');
        }
    }
    const tail: SoqlToken[] = tokens.slice(-3);
    assert.deepEqual(new Probe(tail, range!.end).read(), ['ident', 'punct', 'string']);
    assert.deepEqual(new Probe(tokenizeSoql(apexText("('a' AND"), 0, 8), 8).read(), ['open', 'string', 'and']);
    assert.throws(
        () => new Probe([], 42).from(),
        (error: unknown) => error instanceof SoqlError && error.offset === 42 && /ends unexpectedly/.test(error.message)
    );
});
