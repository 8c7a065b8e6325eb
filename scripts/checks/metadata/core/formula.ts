/**
 * Reads a Salesforce formula (field formulas, validation rule conditions) into the field references it makes,
 * each with the innermost function it is an argument of, and the picklist values ISPICKVAL compares with.
 */

export interface FormulaReference {
    /** Field path as written (`Status__c`, `Account__r.Industry`). */
    path: string;
    /** Offset in the formula text. */
    offset: number;
    /** Upper-case name of the innermost enclosing function, or undefined at top level. */
    enclosingFunction?: string;
}

export interface FormulaPicklistTest {
    path: string;
    value: string;
    offset: number;
}

export interface FormulaReading {
    references: FormulaReference[];
    picklistTests: FormulaPicklistTest[];
}

const WORDS = new Set(['TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT']);

interface Token {
    kind: 'ident' | 'string' | 'other';
    text: string;
    offset: number;
}

function tokenize(formula: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < formula.length) {
        const c = formula[i]!;
        if (/\s/.test(c)) {
            i++;
        } else if (c === '/' && formula[i + 1] === '*') {
            const end = formula.indexOf('*/', i + 2);
            i = end < 0 ? formula.length : end + 2;
        } else if (c === '"' || c === "'") {
            let j = i + 1;
            let value = '';
            while (j < formula.length && formula[j] !== c) {
                if (formula[j] === '\\') j++;
                value += formula[j] ?? '';
                j++;
            }
            tokens.push({ kind: 'string', text: value, offset: i });
            i = j + 1;
        } else if (/[A-Za-z_$]/.test(c)) {
            let j = i;
            // Polymorphic paths (`Owner:User.Name`) are kept whole and not checked.
            while (j < formula.length && /[\w$.:]/.test(formula[j]!)) j++;
            tokens.push({ kind: 'ident', text: formula.slice(i, j), offset: i });
            i = j;
        } else if (/[0-9]/.test(c)) {
            let j = i;
            while (j < formula.length && /[0-9.]/.test(formula[j]!)) j++;
            tokens.push({ kind: 'other', text: formula.slice(i, j), offset: i });
            i = j;
        } else {
            tokens.push({ kind: 'other', text: c, offset: i });
            i++;
        }
    }
    return tokens;
}

export function readFormula(formula: string): FormulaReading {
    const tokens = tokenize(formula);
    const references: FormulaReference[] = [];
    const picklistTests: FormulaPicklistTest[] = [];
    /** Function name per open parenthesis ('' for grouping parentheses). */
    const stack: string[] = [];
    for (let k = 0; k < tokens.length; k++) {
        const token = tokens[k]!;
        const next = tokens[k + 1];
        if (token.kind === 'other' && token.text === '(') stack.push('');
        else if (token.kind === 'other' && token.text === ')') stack.pop();
        if (token.kind !== 'ident') continue;
        const upper = token.text.toUpperCase();
        if (next?.text === '(') {
            stack.push(upper);
            k++;
            if (upper === 'ISPICKVAL') {
                const field = tokens[k + 1];
                const comma = tokens[k + 2];
                const value = tokens[k + 3];
                if (field?.kind === 'ident' && comma?.text === ',' && value?.kind === 'string') {
                    picklistTests.push({ path: field.text, value: value.text, offset: value.offset });
                }
            }
            continue;
        }
        if (WORDS.has(upper) || token.text.startsWith('$') || token.text.includes(':')) continue;
        const enclosing = stack.length ? stack[stack.length - 1] || undefined : undefined;
        const reference: FormulaReference = { path: token.text, offset: token.offset };
        if (enclosing) reference.enclosingFunction = enclosing;
        references.push(reference);
    }
    return { references, picklistTests };
}
