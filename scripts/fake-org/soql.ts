/**
 * The subset of SOQL the scripts and the sf CLI send: field lists with parent relationship paths, COUNT(),
 * WHERE with AND/OR/NOT, comparison operators, IN/NOT IN, LIKE and null, ORDER BY, LIMIT and OFFSET.
 * Anything else is a MALFORMED_QUERY, as a real org would answer for bad syntax.
 */
import { ApiError } from './errors';

export type Literal = string | number | boolean | null;

export type Condition =
    | { kind: 'and' | 'or'; left: Condition; right: Condition }
    | { kind: 'not'; inner: Condition }
    | { kind: 'compare'; path: string; op: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like'; value: Literal }
    | { kind: 'in'; path: string; values: Literal[]; negated: boolean };

export interface OrderBy {
    path: string;
    descending: boolean;
    nullsLast: boolean;
}

export interface Query {
    fields: string[];
    count: boolean;
    from: string;
    where: Condition | null;
    orderBy: OrderBy[];
    limit: number | null;
    offset: number;
}

interface Token {
    type: 'word' | 'string' | 'number' | 'symbol';
    value: string;
}

function malformed(message: string): ApiError {
    return new ApiError(400, 'MALFORMED_QUERY', message);
}

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
        } else if (c === "'") {
            let value = '';
            i++;
            while (i < text.length && text[i] !== "'") {
                if (text[i] === '\\' && i + 1 < text.length) {
                    const next = text[i + 1];
                    value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
                    i += 2;
                } else {
                    value += text[i++];
                }
            }
            if (i >= text.length) throw malformed('unexpected end of query: unterminated string');
            i++;
            tokens.push({ type: 'string', value });
        } else if (/[-\d]/.test(c)) {
            const match = /^-?\d+(\.\d+)?(-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?)?/.exec(text.slice(i));
            if (!match) throw malformed(`unexpected token '${c}'`);
            tokens.push({ type: match[2] ? 'string' : 'number', value: match[0] });
            i += match[0].length;
        } else if (/[A-Za-z_]/.test(c)) {
            const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
            tokens.push({ type: 'word', value: match![0] });
            i += match![0].length;
        } else {
            const two = text.slice(i, i + 2);
            if (two === '!=' || two === '<=' || two === '>=' || two === '<>') {
                tokens.push({ type: 'symbol', value: two === '<>' ? '!=' : two });
                i += 2;
            } else if ('(),=<>'.includes(c)) {
                tokens.push({ type: 'symbol', value: c });
                i++;
            } else {
                throw malformed(`unexpected token '${c}'`);
            }
        }
    }
    return tokens;
}

export function parseSoql(text: string): Query {
    const tokens = tokenize(text);
    let pos = 0;
    const peek = (): Token | undefined => tokens[pos];
    const isWord = (word: string): boolean => peek()?.type === 'word' && peek()!.value.toUpperCase() === word;
    const expectWord = (word: string): void => {
        if (!isWord(word)) throw malformed(`expecting '${word}', found '${peek()?.value ?? 'end of query'}'`);
        pos++;
    };
    const expectSymbol = (symbol: string): void => {
        if (peek()?.value !== symbol)
            throw malformed(`expecting '${symbol}', found '${peek()?.value ?? 'end of query'}'`);
        pos++;
    };
    const name = (): string => {
        const token = tokens[pos++];
        if (token?.type !== 'word') throw malformed(`unexpected token: '${token?.value ?? 'end of query'}'`);
        return token.value;
    };

    expectWord('SELECT');
    const fields: string[] = [];
    let count = false;
    for (;;) {
        if (isWord('COUNT') && tokens[pos + 1]?.value === '(') {
            pos += 2;
            expectSymbol(')');
            count = true;
        } else if (peek()?.value === '(') {
            throw malformed('subqueries are not supported by the local API');
        } else {
            fields.push(name());
        }
        if (peek()?.value !== ',') break;
        pos++;
    }
    if (count && fields.length) throw malformed('COUNT() must be the only element in the SELECT list');
    expectWord('FROM');
    const from = name();

    const literal = (): Literal => {
        const token = tokens[pos++];
        if (!token) throw malformed('unexpected end of query');
        if (token.type === 'string') return token.value;
        if (token.type === 'number') return Number(token.value);
        if (token.type === 'word') {
            const upper = token.value.toUpperCase();
            if (upper === 'NULL') return null;
            if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
        }
        throw malformed(`unexpected token: '${token.value}'`);
    };

    const primary = (): Condition => {
        if (peek()?.value === '(') {
            pos++;
            const inner = orExpr();
            expectSymbol(')');
            return inner;
        }
        if (isWord('NOT')) {
            pos++;
            return { kind: 'not', inner: primary() };
        }
        const path = name();
        let negated = false;
        if (isWord('NOT')) {
            pos++;
            negated = true;
        }
        if (isWord('IN')) {
            pos++;
            expectSymbol('(');
            const values: Literal[] = [literal()];
            while (peek()?.value === ',') {
                pos++;
                values.push(literal());
            }
            expectSymbol(')');
            return { kind: 'in', path, values, negated };
        }
        if (negated) throw malformed("expecting 'IN' after 'NOT'");
        if (isWord('LIKE')) {
            pos++;
            return { kind: 'compare', path, op: 'like', value: literal() };
        }
        const op = tokens[pos++]?.value;
        if (!op || !['=', '!=', '<', '>', '<=', '>='].includes(op)) {
            throw malformed(`unexpected token: '${op ?? 'end of query'}'`);
        }
        return { kind: 'compare', path, op: op as '=', value: literal() };
    };
    const andExpr = (): Condition => {
        let left = primary();
        while (isWord('AND')) {
            pos++;
            left = { kind: 'and', left, right: primary() };
        }
        return left;
    };
    const orExpr = (): Condition => {
        let left = andExpr();
        while (isWord('OR')) {
            pos++;
            left = { kind: 'or', left, right: andExpr() };
        }
        return left;
    };

    let where: Condition | null = null;
    if (isWord('WHERE')) {
        pos++;
        where = orExpr();
    }
    const orderBy: OrderBy[] = [];
    if (isWord('ORDER')) {
        pos++;
        expectWord('BY');
        for (;;) {
            const path = name();
            let descending = false;
            if (isWord('ASC') || isWord('DESC')) descending = tokens[pos++].value.toUpperCase() === 'DESC';
            let nullsLast = descending;
            if (isWord('NULLS')) {
                pos++;
                nullsLast = name().toUpperCase() === 'LAST';
            }
            orderBy.push({ path, descending, nullsLast });
            if (peek()?.value !== ',') break;
            pos++;
        }
    }
    let limit: number | null = null;
    let offset = 0;
    if (isWord('LIMIT')) {
        pos++;
        limit = Number(literal());
    }
    if (isWord('OFFSET')) {
        pos++;
        offset = Number(literal());
    }
    if (pos < tokens.length) throw malformed(`unexpected token: '${tokens[pos].value}'`);
    return { fields, count, from, where, orderBy, limit, offset };
}

/** Every field path a query reads (to validate them against the schema). */
export function conditionPaths(condition: Condition | null): string[] {
    if (!condition) return [];
    switch (condition.kind) {
        case 'and':
        case 'or':
            return [...conditionPaths(condition.left), ...conditionPaths(condition.right)];
        case 'not':
            return conditionPaths(condition.inner);
        default:
            return [condition.path];
    }
}

function likeToRegExp(pattern: string): RegExp {
    const escaped = pattern
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.');
    return new RegExp(`^${escaped}$`, 'is');
}

function compareValues(a: unknown, b: Literal): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}

/** Evaluates a condition; `read` returns the value at a field path of the current record. */
export function evaluate(condition: Condition, read: (path: string) => unknown): boolean {
    switch (condition.kind) {
        case 'and':
            return evaluate(condition.left, read) && evaluate(condition.right, read);
        case 'or':
            return evaluate(condition.left, read) || evaluate(condition.right, read);
        case 'not':
            return !evaluate(condition.inner, read);
        case 'in': {
            const value = read(condition.path) ?? null;
            const found = condition.values.some((v) =>
                v === null ? value === null : value !== null && compareValues(value, v) === 0
            );
            return condition.negated ? !found : found;
        }
        case 'compare': {
            const value = read(condition.path) ?? null;
            const target = condition.value;
            if (condition.op === 'like') return value !== null && likeToRegExp(String(target)).test(String(value));
            if (target === null || value === null) {
                const same = target === value;
                return condition.op === '=' ? same : condition.op === '!=' ? !same : false;
            }
            const diff = compareValues(value, target);
            switch (condition.op) {
                case '=':
                    return diff === 0;
                case '!=':
                    return diff !== 0;
                case '<':
                    return diff < 0;
                case '>':
                    return diff > 0;
                case '<=':
                    return diff <= 0;
                default:
                    return diff >= 0;
            }
        }
    }
}

export function compareForOrder(a: unknown, b: unknown, order: OrderBy): number {
    const aNull = a === null || a === undefined;
    const bNull = b === null || b === undefined;
    if (aNull || bNull) {
        if (aNull && bNull) return 0;
        return (aNull ? 1 : -1) * (order.nullsLast ? 1 : -1);
    }
    const diff = compareValues(a, b as Literal);
    return order.descending ? -diff : diff;
}
