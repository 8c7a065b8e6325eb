/**
 * A small static SOQL reader for inline Apex queries (`[SELECT ... FROM ...]`): it finds which object each
 * query (and sub-query) reads and every field path it names, with offsets into the Apex file, so the
 * references can be checked against the model. It is not a validator of SOQL grammar; what it cannot read it
 * reports as unreadable rather than guessing.
 *
 * Its tokens, keyword sets and token cursor are exported for the scale model's query reader
 * (scripts/bench/scaleSoql.ts), which parses the same inline queries into a different shape: one lexer means a
 * query reads the same to both, and a fix to the lexer reaches both.
 */
import type { ApexText } from './apexText';

export type SoqlClause = 'select' | 'where' | 'group' | 'having' | 'order';

export interface SoqlName {
    text: string;
    offset: number;
    /** Where a field appears (set for field references only). */
    clause?: SoqlClause;
    /** Upper-case name of the innermost function it is an argument of (`SUM`, `CALENDAR_YEAR`). */
    function?: string;
}

export interface SoqlComparison {
    field: SoqlName;
    /** String literals compared with the field (`= 'Won'`, `IN ('Won', 'Lost')`). */
    values: SoqlName[];
}

export interface SoqlQuery {
    from: SoqlName;
    alias?: string;
    /** Field paths relative to the FROM object (alias already removed). */
    fields: SoqlName[];
    comparisons: SoqlComparison[];
    /** Sub-queries in the select list: their FROM is a child relationship of this query's object. */
    children: SoqlQuery[];
    /** Sub-queries in conditions (semi- and anti-joins): their FROM is an object. */
    joins: SoqlQuery[];
}

export interface SoqlToken {
    /** `bind` is a whole Apex bind expression (`:ids`, `:Date.today().addDays(3)`); `literal` a date literal. */
    kind: 'ident' | 'string' | 'number' | 'punct' | 'bind' | 'literal';
    /** The source text; a string literal's contents without the quotes and with escapes resolved. */
    text: string;
    /** Upper-case text, for keyword tests. */
    upper: string;
    offset: number;
}

const DATE_LITERAL =
    /^(TODAY|YESTERDAY|TOMORROW|(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR|FISCAL_QUARTER|FISCAL_YEAR|90_DAYS)|(LAST|NEXT)_N_\w+|N_\w+_AGO)$/;
const VALUE_WORDS = new Set(['NULL', 'TRUE', 'FALSE']);
const CLAUSES = new Set([
    'FROM',
    'WHERE',
    'WITH',
    'GROUP',
    'HAVING',
    'ORDER',
    'LIMIT',
    'OFFSET',
    'FOR',
    'ALL',
    'USING',
    'UPDATE'
]);
const CONDITION_WORDS = new Set([
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
    'LAST',
    'BY',
    'ROLLUP',
    'CUBE',
    'ABOVE',
    'BELOW',
    'AT',
    'ABOVE_OR_BELOW'
]);
const COMPARISON = new Set(['=', '!=', '<>', '<', '>', '<=', '>=']);
/** The comparison operators a condition can put between a field and a value. */
export const SOQL_COMPARISON: ReadonlySet<string> = COMPARISON;
/** Every word with a meaning in SOQL's grammar: one of these after a select item is not that item's alias. */
export const SOQL_KEYWORDS: ReadonlySet<string> = new Set(['SELECT', ...CLAUSES, ...CONDITION_WORDS]);
/** Functions whose arguments are not field names. */
const NON_FIELD_FUNCTIONS = new Set(['FIELDS', 'GEOLOCATION']);

/**
 * Splits the query between `start` and `end` of an Apex file into tokens, reading structure from the masked text
 * (so comments vanish and brackets inside strings do not count) and token text from the source.
 */
export function tokenizeSoql(text: ApexText, start: number, end: number): SoqlToken[] {
    const { masked, source } = text;
    const tokens: SoqlToken[] = [];
    const push = (kind: SoqlToken['kind'], from: number, to: number, value?: string): void => {
        const t = value ?? source.slice(from, to);
        tokens.push({ kind, text: t, upper: t.toUpperCase(), offset: from });
    };
    let i = start;
    const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
    while (i < end) {
        const c = masked[i]!;
        if (/\s/.test(c)) {
            i++;
        } else if (c === "'") {
            let j = i + 1;
            while (j < end && masked[j] !== "'") j++;
            push('string', i, j + 1, source.slice(i + 1, j).replace(/\\(.)/g, '$1'));
            i = j + 1;
        } else if (c === ':') {
            // A bind expression: an Apex expression up to the next SOQL-level space or punctuation.
            let j = i + 1;
            while (j < end && /\s/.test(masked[j]!)) j++;
            for (;;) {
                while (j < end && (isWord(masked[j]) || masked[j] === '.')) j++;
                const k = masked[j];
                if (k === '(' || k === '[' || k === '{') {
                    let depth = 0;
                    for (; j < end; j++) {
                        if ('([{'.includes(masked[j]!)) depth++;
                        else if (')]}'.includes(masked[j]!) && --depth === 0) break;
                    }
                    j++;
                } else if (k === '<' && isWord(masked[j - 1])) {
                    while (j < end && masked[j] !== '>') j++;
                    j++;
                } else if (k === ' ' && /^new$/i.test(source.slice(Math.max(i + 1, j - 3), j).trim())) {
                    j++;
                } else break;
            }
            push('bind', i, j);
            i = j;
        } else if (/[0-9]/.test(c) || ((c === '-' || c === '+') && /[0-9]/.test(masked[i + 1] ?? ''))) {
            let j = i + 1;
            while (j < end && /[0-9A-Za-z:.+\-]/.test(masked[j]!)) j++;
            push('number', i, j);
            i = j;
        } else if (isWord(c)) {
            let j = i;
            while (j < end && (isWord(masked[j]) || (masked[j] === '.' && isWord(masked[j + 1])))) j++;
            const word = source.slice(i, j);
            if (DATE_LITERAL.test(word.toUpperCase())) {
                if (masked[j] === ':' && /[0-9]/.test(masked[j + 1] ?? '')) {
                    j++;
                    while (j < end && /[0-9]/.test(masked[j]!)) j++;
                }
                push('literal', i, j);
            } else push('ident', i, j);
            i = j;
        } else {
            const two = masked.slice(i, i + 2);
            if (['!=', '<>', '<=', '>='].includes(two)) {
                push('punct', i, i + 2);
                i += 2;
            } else {
                push('punct', i, i + 1);
                i++;
            }
        }
    }
    return tokens;
}

export class SoqlError extends Error {
    constructor(
        message: string,
        readonly offset: number
    ) {
        super(message);
    }
}

/**
 * A cursor over one query's tokens with the reads every SOQL parser needs. Each parser extends it with its own
 * grammar; running out of tokens and a wrong keyword are SoqlErrors with an offset, so both say where.
 */
export class SoqlCursor {
    protected pos = 0;
    constructor(
        protected readonly tokens: SoqlToken[],
        /** Where the query ends: the offset of an error found at its end. */
        protected readonly endOffset: number
    ) {}

    done(): boolean {
        return this.pos >= this.tokens.length;
    }

    offset(): number {
        return this.tokens[this.pos]?.offset ?? this.endOffset;
    }

    protected peek(ahead = 0): SoqlToken | undefined {
        return this.tokens[this.pos + ahead];
    }

    protected next(): SoqlToken {
        const token = this.tokens[this.pos++];
        if (!token) throw new SoqlError('query ends unexpectedly', this.endOffset);
        return token;
    }

    protected isWord(token: SoqlToken | undefined, ...words: string[]): boolean {
        return token?.kind === 'ident' && words.includes(token.upper);
    }

    /** Punctuation by its text: a string literal with the same text (`'('`) is not punctuation. */
    protected isPunct(token: SoqlToken | undefined, text: string): boolean {
        return token?.kind === 'punct' && token.text === text;
    }

    /** Takes the next token when it is the keyword or punctuation `text` (keywords in upper case). */
    protected accept(text: string): boolean {
        const token = this.peek();
        if (!this.isWord(token, text) && !this.isPunct(token, text)) return false;
        this.pos++;
        return true;
    }

    protected expectWord(word: string): SoqlToken {
        const token = this.next();
        if (!this.isWord(token, word)) throw new SoqlError(`expected ${word}, found ${token.text}`, token.offset);
        return token;
    }

    protected closeParen(): void {
        const token = this.next();
        if (token.text !== ')') throw new SoqlError(`expected ), found ${token.text}`, token.offset);
    }
}

class Parser extends SoqlCursor {
    private clause: SoqlClause = 'select';
    private functions: string[] = [];

    /** query := SELECT items FROM object [alias] clauses; stops before an unmatched ')' or at the end. */
    query(): SoqlQuery {
        const outer = { clause: this.clause, functions: this.functions };
        this.clause = 'select';
        this.functions = [];
        try {
            return this.queryBody();
        } finally {
            this.clause = outer.clause;
            this.functions = outer.functions;
        }
    }

    private queryBody(): SoqlQuery {
        this.expectWord('SELECT');
        const pending: SoqlName[] = [];
        const children: SoqlQuery[] = [];
        const joins: SoqlQuery[] = [];
        const comparisons: SoqlComparison[] = [];
        this.selectList(pending, children);
        this.expectWord('FROM');
        const fromToken = this.next();
        if (fromToken.kind !== 'ident')
            throw new SoqlError(`expected an object after FROM, found ${fromToken.text}`, fromToken.offset);
        const query: SoqlQuery = {
            from: { text: fromToken.text, offset: fromToken.offset },
            fields: pending,
            comparisons,
            children,
            joins
        };
        const maybeAlias = this.peek();
        if (maybeAlias?.kind === 'ident' && !CLAUSES.has(maybeAlias.upper)) {
            query.alias = this.next().text;
        }
        while (this.peek() && !(this.peek()!.kind === 'punct' && this.peek()!.text === ')')) {
            const token = this.next();
            switch (token.upper) {
                case 'WHERE':
                case 'HAVING':
                    this.clause = token.upper === 'WHERE' ? 'where' : 'having';
                    this.condition(pending, comparisons, joins);
                    break;
                case 'GROUP':
                case 'ORDER':
                    this.clause = token.upper === 'GROUP' ? 'group' : 'order';
                    this.expectWord('BY');
                    this.expressionList(pending);
                    break;
                case 'WITH':
                case 'USING':
                case 'LIMIT':
                case 'OFFSET':
                case 'FOR':
                case 'ALL':
                case 'UPDATE':
                case 'ROWS':
                case 'VIEW':
                case 'REFERENCE':
                case 'SCOPE':
                    this.skipClause();
                    break;
                default:
                    throw new SoqlError(`unexpected ${token.text}`, token.offset);
            }
        }
        if (query.alias) {
            const prefix = `${query.alias.toLowerCase()}.`;
            for (const f of pending) {
                if (f.text.toLowerCase().startsWith(prefix)) {
                    f.offset += prefix.length;
                    f.text = f.text.slice(prefix.length);
                }
            }
        }
        return query;
    }

    private atClauseEnd(): boolean {
        const token = this.peek();
        if (!token) return true;
        if (token.kind === 'punct' && token.text === ')') return true;
        return token.kind === 'ident' && CLAUSES.has(token.upper);
    }

    private skipClause(): void {
        while (!this.atClauseEnd()) this.next();
    }

    private selectList(fields: SoqlName[], children: SoqlQuery[]): void {
        for (;;) {
            const token = this.peek();
            if (!token) throw new SoqlError('query ends unexpectedly', this.endOffset);
            if (token.kind === 'punct' && token.text === '(' && this.isWord(this.peek(1), 'SELECT')) {
                this.next();
                children.push(this.query());
                this.closeParen();
            } else if (this.isWord(token, 'TYPEOF')) {
                while (!this.isWord(this.next(), 'END'));
            } else {
                this.expression(fields);
                const alias = this.peek();
                if (alias?.kind === 'ident' && !this.isWord(alias, 'FROM')) this.next();
            }
            const separator = this.peek();
            if (separator?.kind === 'punct' && separator.text === ',') {
                this.next();
                continue;
            }
            return;
        }
    }

    /** A field path or a function call over expressions. */
    private expression(fields: SoqlName[]): SoqlName | undefined {
        const token = this.next();
        const after = this.peek();
        if (token.kind === 'ident' && after?.kind === 'punct' && after.text === '(') {
            this.next();
            this.functions.push(token.upper);
            const skipArgs = NON_FIELD_FUNCTIONS.has(token.upper);
            let first: SoqlName | undefined;
            while (this.peek() && this.peek()!.text !== ')') {
                const arg = this.peek()!;
                if (arg.kind === 'punct' && arg.text === ',') {
                    this.next();
                } else if (skipArgs || arg.kind !== 'ident') {
                    if (arg.kind === 'ident' && this.peek(1)?.text === '(') this.expression([]);
                    else this.next();
                } else {
                    const name = this.expression(fields);
                    first ??= name;
                }
            }
            this.closeParen();
            this.functions.pop();
            return first;
        }
        if (token.kind === 'ident') {
            const name: SoqlName = { text: token.text, offset: token.offset, clause: this.clause };
            const fn = this.functions[this.functions.length - 1];
            if (fn) name.function = fn;
            fields.push(name);
            return name;
        }
        throw new SoqlError(`expected a field, found ${token.text}`, token.offset);
    }

    private expressionList(fields: SoqlName[]): void {
        while (!this.atClauseEnd()) {
            const token = this.peek()!;
            if (token.kind === 'punct' && token.text === ',') this.next();
            else if (token.kind === 'ident' && CONDITION_WORDS.has(token.upper) && this.peek(1)?.text !== '(')
                this.next();
            else if (this.isWord(token, 'ROLLUP', 'CUBE')) {
                this.next();
            } else if (token.kind === 'punct' && token.text === '(') {
                this.next();
                this.expressionList(fields);
                this.closeParen();
            } else this.expression(fields);
        }
    }

    /** WHERE / HAVING: field references, compared values and sub-queries, up to the next clause. */
    private condition(fields: SoqlName[], comparisons: SoqlComparison[], joins: SoqlQuery[]): void {
        let depth = 0;
        let lastField: SoqlName | undefined;
        for (;;) {
            const token = this.peek();
            if (!token) return;
            if (depth === 0 && this.atClauseEnd()) return;
            if (token.kind === 'punct' && token.text === '(' && this.isWord(this.peek(1), 'SELECT')) {
                this.next();
                joins.push(this.query());
                this.closeParen();
                continue;
            }
            if (token.kind === 'punct' && token.text === '(') {
                depth++;
                this.next();
                continue;
            }
            if (token.kind === 'punct' && token.text === ')') {
                depth--;
                this.next();
                continue;
            }
            if (token.kind === 'ident' && !CONDITION_WORDS.has(token.upper) && !VALUE_WORDS.has(token.upper)) {
                lastField = this.expression(fields);
                if (lastField) this.comparedValues(lastField, comparisons);
                continue;
            }
            this.next();
        }
    }

    /** After a field: `= 'x'`, `!= 'x'`, `IN ('x', 'y')`, `NOT IN (...)`, `INCLUDES (...)`. */
    private comparedValues(field: SoqlName, comparisons: SoqlComparison[]): void {
        let token = this.peek();
        if (token && this.isWord(token, 'NOT')) {
            this.next();
            token = this.peek();
        }
        if (!token) return;
        if (token.kind === 'punct' && COMPARISON.has(token.text)) {
            this.next();
            const value = this.peek();
            if (value?.kind === 'string') {
                this.next();
                comparisons.push({ field, values: [{ text: value.text, offset: value.offset }] });
            }
            return;
        }
        if (
            this.isWord(token, 'IN', 'INCLUDES', 'EXCLUDES') &&
            this.peek(1)?.text === '(' &&
            this.peek(2)?.kind === 'string'
        ) {
            this.next();
            this.next();
            const values: SoqlName[] = [];
            while (this.peek() && this.peek()!.text !== ')') {
                const value = this.next();
                if (value.kind === 'string') values.push({ text: value.text, offset: value.offset });
            }
            this.closeParen();
            comparisons.push({ field, values });
        }
    }
}

/** Parses the query between `start` (after '[') and `end` (the ']'). */
export function parseSoql(text: ApexText, start: number, end: number): SoqlQuery {
    const tokens = tokenizeSoql(text, start, end);
    const parser = new Parser(tokens, end);
    const query = parser.query();
    if (!parser.done()) throw new SoqlError('unexpected text after the query', parser.offset());
    return query;
}

/** Every inline query in an Apex file: its bracket offsets. */
export function findInlineQueries(text: ApexText): { start: number; end: number }[] {
    const found: { start: number; end: number }[] = [];
    const pattern = /\[\s*SELECT\b/gi;
    for (let match = pattern.exec(text.masked); match; match = pattern.exec(text.masked)) {
        let depth = 0;
        let end = -1;
        for (let i = match.index; i < text.masked.length; i++) {
            const c = text.masked[i];
            if (c === '[') depth++;
            else if (c === ']' && --depth === 0) {
                end = i;
                break;
            }
        }
        if (end < 0) break;
        found.push({ start: match.index + 1, end });
        pattern.lastIndex = end;
    }
    return found;
}
