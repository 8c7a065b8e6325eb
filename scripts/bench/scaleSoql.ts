/**
 * Reads the inline SOQL of Crossway's Apex for the scale model: which method each query sits in, the object it
 * scans, its aggregate functions, GROUP BY, WHERE conditions (as a tree of normalised atoms), LIMIT and
 * sub-queries; and which methods call which, so the model can follow a panel load or a batch chunk from its
 * entry point down to the queries it issues. It reads only what the model needs and throws on anything else,
 * so a query the model does not understand fails loudly instead of being counted wrong. Finding the queries and
 * splitting them into tokens is the metadata checker's SOQL reader's work, so the two read every query alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApexText, apexText, matchingBracket } from '../checks/metadata/core/apexText';
import {
    findInlineQueries,
    SOQL_COMPARISON,
    SOQL_KEYWORDS,
    SoqlCursor,
    SoqlError,
    type SoqlToken,
    tokenizeSoql
} from '../checks/metadata/core/soql';

export type Condition =
    | { kind: 'and' | 'or'; parts: Condition[] }
    | { kind: 'not'; part: Condition }
    | { kind: 'atom'; text: string };

export interface Soql {
    /** The object (top level) or child relationship (sub-query) in FROM. */
    from: string;
    /** Aggregate functions in the select list, upper case: COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX. */
    aggregates: string[];
    /** True for COUNT() with no field, which returns an Integer. */
    countOnly: boolean;
    /** Fields selected outside aggregates and sub-queries. */
    fields: string[];
    groupBy: string[];
    where?: Condition;
    /** A literal number, or a bind name such as `:MAX_OFFERINGS`. */
    limit?: number | string;
    children: Soql[];
}

export interface ApexQuery {
    className: string;
    method: string;
    /** `Class.method`. */
    id: string;
    text: string;
    soql: Soql;
}

export interface ApexMethod {
    className: string;
    name: string;
    body: string;
}

export interface ApexClassSource {
    name: string;
    source: string;
    /** `static final Integer NAME = 123;` constants. */
    constants: Map<string, number>;
    methods: ApexMethod[];
    queries: ApexQuery[];
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/** A bind as the model names it (`:MAX_ROWS`), whatever white space the Apex puts after the colon. */
const bindName = (token: SoqlToken): string => token.text.replace(/\s+/g, '');

/**
 * The model's grammar over the metadata checker's tokens: the select list's fields and aggregates, FROM, WHERE
 * as a condition tree, GROUP BY, ORDER BY, LIMIT and WITH. Anything else throws, so that a query the model does
 * not understand fails loudly instead of being counted wrong.
 */
class Parser extends SoqlCursor {
    query(): Soql {
        this.expectWord('SELECT');
        const result: Soql = { from: '', aggregates: [], countOnly: false, fields: [], groupBy: [], children: [] };
        do {
            this.selectItem(result);
        } while (this.accept(','));
        this.expectWord('FROM');
        result.from = this.next().text;
        while (!this.done() && !this.isPunct(this.peek(), ')')) {
            const token = this.next();
            const word = token.upper;
            if (word === 'WHERE') result.where = this.condition();
            else if (word === 'WITH') this.next();
            else if (word === 'GROUP') {
                this.expectWord('BY');
                do result.groupBy.push(this.next().text);
                while (this.accept(','));
            } else if (word === 'ORDER') {
                this.expectWord('BY');
                this.orderList();
            } else if (word === 'LIMIT') {
                const limit = this.next();
                result.limit = limit.kind === 'number' ? Number(limit.text) : bindName(limit);
            } else throw new SoqlError(`unexpected ${word} in SOQL`, token.offset);
        }
        return result;
    }

    private orderList(): void {
        do {
            this.next();
            while (this.isWord(this.peek(), 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST')) this.next();
        } while (this.accept(','));
    }

    private selectItem(result: Soql): void {
        if (this.accept('(')) {
            result.children.push(this.query());
            this.closeParen();
            return;
        }
        const token = this.next();
        if (this.accept('(')) {
            if (!AGGREGATES.has(token.upper)) throw new SoqlError(`unknown function ${token.text}`, token.offset);
            result.aggregates.push(token.upper);
            if (this.accept(')')) {
                result.countOnly = true;
                return;
            }
            this.next();
            this.closeParen();
        } else {
            result.fields.push(token.text);
        }
        const alias = this.peek();
        if (alias?.kind === 'ident' && !SOQL_KEYWORDS.has(alias.upper)) this.next();
    }

    condition(): Condition {
        const parts = [this.conjunction()];
        while (this.accept('OR')) parts.push(this.conjunction());
        return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
    }

    private conjunction(): Condition {
        const parts = [this.negation()];
        while (this.accept('AND')) parts.push(this.negation());
        return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
    }

    private negation(): Condition {
        if (this.accept('NOT')) return { kind: 'not', part: this.negation() };
        if (this.accept('(')) {
            const inner = this.condition();
            this.closeParen();
            return inner;
        }
        return this.atom();
    }

    private atom(): Condition {
        const field = this.next().text;
        const operatorToken = this.next();
        let operator = operatorToken.upper;
        if (operator === 'NOT') operator = `NOT ${this.next().upper}`;
        if (!SOQL_COMPARISON.has(operator) && !['IN', 'NOT IN', 'LIKE'].includes(operator)) {
            throw new SoqlError(`unknown operator ${operator} after ${field}`, operatorToken.offset);
        }
        const value = this.next();
        if (this.isPunct(value, '(')) {
            throw new SoqlError(`literal lists and semi-joins are not modelled (${field})`, value.offset);
        }
        const shown =
            value.kind === 'string'
                ? "'?'"
                : value.kind === 'ident' || value.kind === 'literal'
                  ? value.upper
                  : value.kind === 'bind'
                    ? bindName(value)
                    : value.text;
        return { kind: 'atom', text: `${field} ${operator === '<>' ? '!=' : operator} ${shown}` };
    }
}

/** Parses the query between `start` (after '[') and `end` (the ']') of an Apex file; offsets are the file's. */
function parseInline(text: ApexText, start: number, end: number): Soql {
    const parser = new Parser(tokenizeSoql(text, start, end), end);
    const query = parser.query();
    if (!parser.done()) throw new SoqlError('unexpected text after the query', parser.offset());
    return query;
}

/** Parses one query's text (without the brackets). */
export function parseQuery(text: string): Soql {
    return parseInline(apexText(text), 0, text.length);
}

/** The atoms of a condition, in order. */
export function atoms(condition: Condition | undefined): string[] {
    if (!condition) return [];
    if (condition.kind === 'atom') return [condition.text];
    if (condition.kind === 'not') return atoms(condition.part);
    return condition.parts.flatMap(atoms);
}

const METHOD_HEADER =
    /\b(?:public|private|protected|global|static)\s+(?:(?:static|override|virtual|abstract)\s+)*[\w<>,.\s]+?\s+(\w+)\s*\([^)]*\)\s*\{/g;

/** Reads one Apex class: constants, method bodies and the inline queries of each method. */
export function readApexClass(name: string, source: string): ApexClassSource {
    const text = apexText(source);
    const constants = new Map<string, number>();
    for (const match of text.masked.matchAll(/\bstatic\s+final\s+Integer\s+(\w+)\s*=\s*(\d+)\s*;/g)) {
        constants.set(match[1]!, Number(match[2]));
    }
    const methods: (ApexMethod & { start: number; end: number })[] = [];
    for (const match of text.masked.matchAll(METHOD_HEADER)) {
        const open = match.index + match[0].length - 1;
        const end = matchingBracket(text.masked, open);
        if (end < 0) continue;
        methods.push({ className: name, name: match[1]!, body: text.masked.slice(open, end + 1), start: open, end });
    }
    const queries: ApexQuery[] = findInlineQueries(text).map(({ start, end }) => {
        const owner = methods.filter((m) => m.start < start && m.end > end).sort((a, b) => b.start - a.start)[0];
        if (!owner) throw new Error(`${name}: a query outside any method`);
        const queryText = source.slice(start, end).replace(/\s+/g, ' ').trim();
        return {
            className: name,
            method: owner.name,
            id: `${name}.${owner.name}`,
            text: queryText,
            soql: parseInline(text, start, end)
        };
    });
    return {
        name,
        source,
        constants,
        methods: methods.map(({ className, name: method, body }) => ({ className, name: method, body })),
        queries
    };
}

/** Every Apex class of a folder (test classes too: they are simply never reached from an entry point). */
export function readApexClasses(dir: string): Map<string, ApexClassSource> {
    const classes = new Map<string, ApexClassSource>();
    for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.cls'))
        .sort()) {
        const name = file.replace(/\.cls$/, '');
        classes.set(name, readApexClass(name, readFileSync(join(dir, file), 'utf8')));
    }
    return classes;
}

/**
 * Queries reached from an entry method (`Class.method`), following calls to other methods of the same class
 * (`name(`) and of other classes (`Class.name(`), each method once. Returns the query ids in the order found.
 */
export function reachableQueries(classes: Map<string, ApexClassSource>, entry: string): string[] {
    const seen = new Set<string>();
    const found: string[] = [];
    const visit = (className: string, method: string): void => {
        const key = `${className}.${method}`;
        if (seen.has(key)) return;
        seen.add(key);
        const apexClass = classes.get(className);
        if (!apexClass) return;
        for (const query of apexClass.queries) {
            if (query.method === method && !found.includes(query.id)) found.push(query.id);
        }
        for (const body of apexClass.methods.filter((m) => m.name === method).map((m) => m.body)) {
            // `Class.method(` calls another class; a bare `method(` (not `variable.method(`) this class.
            for (const call of body.matchAll(/\b([A-Z]\w*)\s*\.\s*([a-z]\w*)\s*\(/g)) {
                if (classes.has(call[1]!)) visit(call[1]!, call[2]!);
            }
            for (const call of body.matchAll(/(?<![.\w])\s*([a-z]\w*)\s*\(/g)) visit(className, call[1]!);
        }
    };
    const [className, method] = entry.split('.') as [string, string];
    visit(className, method);
    return found;
}

/** All queries of the classes whose name ends with `Selector`. */
export function selectorQueries(classes: Map<string, ApexClassSource>): ApexQuery[] {
    return [...classes.values()].filter((c) => c.name.endsWith('Selector')).flatMap((c) => c.queries);
}
