/**
 * Reads the inline SOQL of Crossway's Apex for the scale model: which method each query sits in, the object it
 * scans, its aggregate functions, GROUP BY, WHERE conditions (as a tree of normalised atoms), LIMIT and
 * sub-queries; and which methods call which, so the model can follow a panel load or a batch chunk from its
 * entry point down to the queries it issues. It reads only what the model needs and throws on anything else,
 * so a query the model does not understand fails loudly instead of being counted wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apexText, matchingBracket } from '../checks/metadata/core/apexText';
import { findInlineQueries } from '../checks/metadata/core/soql';

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

const KEYWORDS = new Set([
    'SELECT',
    'FROM',
    'WHERE',
    'WITH',
    'GROUP',
    'BY',
    'HAVING',
    'ORDER',
    'LIMIT',
    'OFFSET',
    'FOR',
    'AND',
    'OR',
    'NOT',
    'IN',
    'LIKE',
    'INCLUDES',
    'EXCLUDES',
    'ASC',
    'DESC',
    'NULLS',
    'FIRST',
    'LAST'
]);
const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const OPERATORS = new Set(['=', '!=', '<>', '<', '>', '<=', '>=']);

interface Token {
    text: string;
    upper: string;
    kind: 'word' | 'bind' | 'number' | 'string' | 'punct';
}

function tokenize(query: string): Token[] {
    const tokens: Token[] = [];
    const pattern = /\s*(:\s*[A-Za-z_][\w.]*|'[^']*'|\d+(?:\.\d+)?|[A-Za-z_][\w.]*|<=|>=|!=|<>|[(),=<>])/y;
    let at = 0;
    while (at < query.length) {
        if (/^\s*$/.test(query.slice(at))) break;
        pattern.lastIndex = at;
        const match = pattern.exec(query);
        if (!match) throw new Error(`cannot read SOQL at "${query.slice(at, at + 30)}"`);
        const text = match[1]!.replace(/\s+/g, '');
        const kind: Token['kind'] = text.startsWith(':')
            ? 'bind'
            : text.startsWith("'")
              ? 'string'
              : /^\d/.test(text)
                ? 'number'
                : /^[A-Za-z_]/.test(text)
                  ? 'word'
                  : 'punct';
        tokens.push({ text, upper: text.toUpperCase(), kind });
        at = pattern.lastIndex;
    }
    return tokens;
}

class Parser {
    private at = 0;
    constructor(private readonly tokens: Token[]) {}

    done(): boolean {
        return this.at >= this.tokens.length;
    }
    private peek(offset = 0): Token | undefined {
        return this.tokens[this.at + offset];
    }
    private next(): Token {
        const token = this.tokens[this.at++];
        if (!token) throw new Error('SOQL ends too early');
        return token;
    }
    private accept(upper: string): boolean {
        if (this.peek()?.upper === upper) {
            this.at++;
            return true;
        }
        return false;
    }
    private expect(upper: string): void {
        const token = this.next();
        if (token.upper !== upper) throw new Error(`expected ${upper}, found ${token.text}`);
    }

    query(): Soql {
        this.expect('SELECT');
        const result: Soql = { from: '', aggregates: [], countOnly: false, fields: [], groupBy: [], children: [] };
        do {
            this.selectItem(result);
        } while (this.accept(','));
        this.expect('FROM');
        result.from = this.next().text;
        while (!this.done() && this.peek()!.upper !== ')') {
            const word = this.next().upper;
            if (word === 'WHERE') result.where = this.condition();
            else if (word === 'WITH') this.next();
            else if (word === 'GROUP') {
                this.expect('BY');
                do result.groupBy.push(this.next().text);
                while (this.accept(','));
            } else if (word === 'ORDER') {
                this.expect('BY');
                this.orderList();
            } else if (word === 'LIMIT') {
                const token = this.next();
                result.limit = token.kind === 'number' ? Number(token.text) : token.text;
            } else throw new Error(`unexpected ${word} in SOQL`);
        }
        return result;
    }

    private orderList(): void {
        do {
            this.next();
            while (['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST'].includes(this.peek()?.upper ?? '')) this.next();
        } while (this.accept(','));
    }

    private selectItem(result: Soql): void {
        if (this.accept('(')) {
            result.children.push(this.query());
            this.expect(')');
            return;
        }
        const token = this.next();
        if (this.peek()?.upper === '(') {
            this.next();
            if (!AGGREGATES.has(token.upper)) throw new Error(`unknown function ${token.text}`);
            result.aggregates.push(token.upper);
            if (this.accept(')')) {
                result.countOnly = true;
                return;
            }
            this.next();
            this.expect(')');
        } else {
            result.fields.push(token.text);
        }
        const alias = this.peek();
        if (alias && alias.kind === 'word' && !KEYWORDS.has(alias.upper)) this.next();
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
            this.expect(')');
            return inner;
        }
        return this.atom();
    }

    private atom(): Condition {
        const field = this.next().text;
        let operator = this.next().upper;
        if (operator === 'NOT') operator = `NOT ${this.next().upper}`;
        if (!OPERATORS.has(operator) && !['IN', 'NOT IN', 'LIKE'].includes(operator)) {
            throw new Error(`unknown operator ${operator} after ${field}`);
        }
        const value = this.next();
        if (value.upper === '(') throw new Error(`literal lists and semi-joins are not modelled (${field})`);
        const shown = value.kind === 'string' ? "'?'" : value.kind === 'word' ? value.upper : value.text;
        return { kind: 'atom', text: `${field} ${operator === '<>' ? '!=' : operator} ${shown}` };
    }
}

/** Parses one query's text (without the brackets). */
export function parseQuery(text: string): Soql {
    const parser = new Parser(tokenize(text));
    const query = parser.query();
    if (!parser.done()) throw new Error('unexpected text after the query');
    return query;
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
            soql: parseQuery(queryText)
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
