/**
 * Counts, without an org, the SOQL queries an Apex entry point can issue: every query literal and
 * `Database.query` reached through the project's own calls (static `Class.method(...)` and unqualified
 * `method(...)`), taking the larger branch of an `if`, a ternary, a `switch` or a `catch`. A query reached
 * inside a loop is reported, because then the count grows with the data. The panel read's budget is 8.
 */
import {
    CatchClauseContext,
    ClassDeclarationContext,
    CondExpressionContext,
    DoWhileStatementContext,
    DotExpressionContext,
    EnhancedForControlContext,
    ForStatementContext,
    IfStatementContext,
    MethodCallContext,
    MethodDeclarationContext,
    SoqlLiteralContext,
    SwitchStatementContext,
    TryStatementContext,
    WhileStatementContext,
    type ExpressionListContext
} from '@apexdevtools/apex-parser';
import { parseApex, type ApexFile } from './apexSource';

interface Method {
    /** `Class.method` (outer class name for inner classes: `Outer.Inner.method`). */
    label: string;
    owner: string;
    node: MethodDeclarationContext;
    params: number;
}

export interface Budget {
    /** Upper bound of queries one call issues. */
    queries: number;
    /** `Class.method: ...` for each query reached inside a loop. */
    inLoops: string[];
}

interface TreeNode {
    children?: unknown[] | null;
}

function children(node: unknown): unknown[] {
    return (node as TreeNode).children ?? [];
}

function args(list: ExpressionListContext | null): number {
    return list ? list.expression_list().length : 0;
}

/** Call graph of the project's Apex methods, with query counts per method. */
export class QueryBudget {
    private readonly methods = new Map<string, Method[]>();
    private readonly memo = new Map<Method, Budget>();
    private readonly active = new Set<Method>();

    constructor(files: ApexFile[]) {
        for (const file of files) {
            const parsed = parseApex(file);
            if (parsed.errors.length) continue;
            this.collect(parsed.unit, []);
        }
    }

    private collect(node: unknown, classes: string[]): void {
        if (node instanceof ClassDeclarationContext) {
            const path = [...classes, node.id().getText()];
            children(node).forEach((c) => this.collect(c, path));
            return;
        }
        if (node instanceof MethodDeclarationContext) {
            const owner = classes.join('.');
            const name = node.id().getText();
            const method: Method = {
                label: `${owner}.${name}`,
                owner,
                node,
                params: node.formalParameters().formalParameterList()?.formalParameter_list().length ?? 0
            };
            const key = `${owner}.${name}`.toLowerCase();
            this.methods.set(key, [...(this.methods.get(key) ?? []), method]);
            return;
        }
        children(node).forEach((c) => this.collect(c, classes));
    }

    private find(owner: string, name: string, argCount: number): Method | null {
        const candidates = this.methods.get(`${owner}.${name}`.toLowerCase()) ?? [];
        return candidates.find((m) => m.params === argCount) ?? null;
    }

    /** The method a call names, looked up in the calling class and its enclosing classes, or by class name. */
    private resolve(caller: Method, qualifier: string | null, name: string, argCount: number): Method | null {
        if (qualifier) {
            return (
                this.find(qualifier, name, argCount) ??
                this.find(`${caller.owner.split('.')[0]}.${qualifier}`, name, argCount)
            );
        }
        const parts = caller.owner.split('.');
        for (let i = parts.length; i > 0; i--) {
            const found = this.find(parts.slice(0, i).join('.'), name, argCount);
            if (found) return found;
        }
        return null;
    }

    /** The budget of `Class.method` (the overload with `argCount` parameters). */
    of(label: string, argCount: number): Budget {
        const dot = label.lastIndexOf('.');
        const method = this.find(label.slice(0, dot), label.slice(dot + 1), argCount);
        if (!method) throw new Error(`no method ${label} with ${argCount} parameter(s)`);
        return this.methodBudget(method);
    }

    private methodBudget(method: Method): Budget {
        const known = this.memo.get(method);
        if (known) return known;
        if (this.active.has(method)) return { queries: 0, inLoops: [] };
        this.active.add(method);
        const budget = this.count(method.node.block(), method);
        this.active.delete(method);
        this.memo.set(method, budget);
        return budget;
    }

    private sum(nodes: unknown[], method: Method): Budget {
        return nodes.reduce<Budget>(
            (total, node) => {
                const part = this.count(node, method);
                return { queries: total.queries + part.queries, inLoops: [...total.inLoops, ...part.inLoops] };
            },
            { queries: 0, inLoops: [] }
        );
    }

    /** The larger of alternative branches (their loop findings all count). */
    private max(nodes: unknown[], method: Method): Budget {
        const parts = nodes.map((n) => this.count(n, method));
        return {
            queries: Math.max(0, ...parts.map((p) => p.queries)),
            inLoops: parts.flatMap((p) => p.inLoops)
        };
    }

    private loop(once: unknown[], body: unknown[], method: Method): Budget {
        const before = this.sum(once, method);
        const inside = this.sum(body, method);
        const inLoops = [...before.inLoops, ...inside.inLoops];
        if (inside.queries > 0) inLoops.push(`${method.label}: ${inside.queries} query(ies) inside a loop`);
        return { queries: before.queries + inside.queries, inLoops };
    }

    private count(node: unknown, method: Method): Budget {
        if (node === null || node === undefined) return { queries: 0, inLoops: [] };
        if (node instanceof SoqlLiteralContext) return { queries: 1, inLoops: [] };
        if (node instanceof IfStatementContext) {
            const [then, otherwise] = node.statement_list();
            const condition = this.count(node.parExpression(), method);
            const branches = this.max([then, otherwise ?? null], method);
            return {
                queries: condition.queries + branches.queries,
                inLoops: [...condition.inLoops, ...branches.inLoops]
            };
        }
        if (node instanceof CondExpressionContext) {
            const condition = this.count(node.expression(0), method);
            const branches = this.max([node.expression(1), node.expression(2)], method);
            return {
                queries: condition.queries + branches.queries,
                inLoops: [...condition.inLoops, ...branches.inLoops]
            };
        }
        if (node instanceof SwitchStatementContext) {
            const on = this.count(node.expression(), method);
            const branches = this.max(node.whenControl_list(), method);
            return { queries: on.queries + branches.queries, inLoops: [...on.inLoops, ...branches.inLoops] };
        }
        if (node instanceof TryStatementContext) {
            const body = this.sum([node.block(), node.finallyBlock()], method);
            const handlers = this.max(node.catchClause_list(), method);
            return { queries: body.queries + handlers.queries, inLoops: [...body.inLoops, ...handlers.inLoops] };
        }
        if (node instanceof ForStatementContext) {
            const control = node.forControl();
            const enhanced = control.enhancedForControl();
            // The collection of `for (x : collection)` is evaluated once; everything else repeats.
            return enhanced
                ? this.loop([enhanced.expression()], [node.statement()], method)
                : this.loop([control.forInit()], [control.expression(), control.forUpdate(), node.statement()], method);
        }
        if (node instanceof WhileStatementContext)
            return this.loop([], [node.parExpression(), node.statement()], method);
        if (node instanceof DoWhileStatementContext) return this.loop([], [node.block(), node.parExpression()], method);
        if (node instanceof EnhancedForControlContext) return this.count(node.expression(), method);
        if (node instanceof CatchClauseContext) return this.count(node.block(), method);
        let own: Budget = { queries: 0, inLoops: [] };
        if (node instanceof MethodCallContext && node.id()) {
            const callee = this.resolve(method, null, node.id().getText(), args(node.expressionList()));
            if (callee) own = this.methodBudget(callee);
        }
        if (node instanceof DotExpressionContext && node.dotMethodCall()) {
            const call = node.dotMethodCall();
            const qualifier = node.expression().getText();
            const name = call.anyId().getText();
            if (qualifier.toLowerCase() === 'database' && /^(query|querywithbinds|countquery)$/i.test(name)) {
                own = { queries: 1, inLoops: [] };
            } else if (/^[A-Za-z_][\w.]*$/.test(qualifier)) {
                const callee = this.resolve(method, qualifier, name, args(call.expressionList()));
                if (callee) own = this.methodBudget(callee);
            }
        }
        const rest = this.sum(children(node), method);
        return { queries: own.queries + rest.queries, inLoops: [...own.inLoops, ...rest.inLoops] };
    }
}
