/**
 * The next best thing to an Apex compiler: resolves every use of the project's own Apex and of the data model
 * against their declarations.
 *
 * - Calls `Class.method(...)`, `variable.method(...)`, `method(...)` and `new Class(...)` of project classes
 *   must name a declared method or constructor with that number of parameters; `x.member` on a project type
 *   must name a declared field, property, inner type or enum value.
 * - Fields named on sObjects (`record.Field__c`, `record.Lookup__r`, `new Object__c(Field__c = ...)`,
 *   `Object__c.Field__c`) must exist on that object in force-app/main/default/objects, and every `__c`, `__r`
 *   and `__mdt` name anywhere in the Apex must exist in the data model.
 * - `System.Label.X` must be a custom label; a label passed to `String.format` must not contain a lone
 *   apostrophe (MessageFormat would swallow it and the placeholders after it).
 * - Components' `@salesforce/apex/Class.method` imports must name an `@AuraEnabled` static method; the keys
 *   of the parameter object in calls and in `@wire` must be its parameter names; `@wire` needs
 *   `cacheable=true`.
 *
 * Types come from declarations (Apex has no `var`), so locals, parameters, fields, casts, `new`, method return
 * types and list indexing are followed; a use it cannot type (system classes, SOQL results) is left alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
    ArrayExpressionContext,
    AssignExpressionContext,
    BlockContext,
    CastExpressionContext,
    CatchClauseContext,
    ClassDeclarationContext,
    ConstructorDeclarationContext,
    DotExpressionContext,
    EnhancedForControlContext,
    EnumDeclarationContext,
    ForStatementContext,
    IdPrimaryContext,
    InterfaceDeclarationContext,
    LocalVariableDeclarationContext,
    MethodCallContext,
    MethodCallExpressionContext,
    MethodDeclarationContext,
    NewExpressionContext,
    PrimaryExpressionContext,
    SubExpressionContext,
    ThisPrimaryContext,
    type ExpressionContext,
    type ExpressionListContext,
    type FormalParametersContext
} from '@apexdevtools/apex-parser';
import { FORCE_APP, parseApex, ROOT, type ApexFile } from './apexSource';
import { declaredType, type ApexMember, type ApexType } from './apexModel';
import { readDataModel, type DataModel } from './dataModel';

export interface Problem {
    file: string;
    line: number;
    message: string;
}

type TypeInfo =
    | { kind: 'class'; type: ApexType; isStatic: boolean }
    | { kind: 'sobject'; name: string }
    | { kind: 'sobjectType'; name: string }
    | { kind: 'list'; of: TypeInfo | null };

/** Methods every Apex object has. */
const OBJECT_METHODS = new Set(['equals', 'hashcode', 'tostring', 'clone']);

/** What the checks need of a parse-tree node. */
interface Node {
    children?: unknown[] | null;
    start?: { line: number } | null;
}

function childrenOf(node: unknown): unknown[] {
    return (node as Node).children ?? [];
}

function argCount(list: ExpressionListContext | null): number {
    return list ? list.expression_list().length : 0;
}

/** Source without comments and string literals (keeps line breaks so lines stay right). */
export function stripCommentsAndStrings(source: string): string {
    return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\])*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** Levenshtein distance, for "did you mean" on misspelt class names. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

class ApexIndex {
    readonly top = new Map<string, ApexType>();

    constructor(types: ApexType[]) {
        for (const type of types) if (type.kind !== 'trigger') this.top.set(type.name.toLowerCase(), type);
    }

    /** A project type by name as seen from inside `from` (inner types of enclosing classes first). */
    resolveClass(name: string, from: ApexType | null): ApexType | null {
        const parts = name.toLowerCase().split('.');
        let found: ApexType | null = null;
        for (let scope = from; scope && !found; scope = scope.outer) {
            found = scope.inner.find((t) => t.name.toLowerCase() === parts[0]) ?? null;
            if (!found && scope.name.toLowerCase() === parts[0] && !scope.outer) found = scope;
        }
        found = found ?? this.top.get(parts[0]) ?? null;
        for (const part of parts.slice(1)) {
            found = found?.inner.find((t) => t.name.toLowerCase() === part) ?? null;
        }
        return found;
    }

    /**
     * A project class that an unknown name is probably a misspelling of (system classes are not listed, so
     * only names within two edits of a project class are reported).
     */
    nearMiss(name: string): string | null {
        const lower = name.toLowerCase();
        if (this.top.has(lower)) return null;
        for (const type of this.top.values()) {
            if (editDistance(lower, type.name.toLowerCase()) <= 2) return type.name;
        }
        return null;
    }

    /** The type and its project superclasses; `external` is true when the chain ends outside the project. */
    lineage(type: ApexType): { chain: ApexType[]; external: boolean } {
        const chain: ApexType[] = [];
        let external = false;
        for (let t: ApexType | null = type; t; ) {
            chain.push(t);
            if (!t.superclass) break;
            const parent = this.resolveClass(t.superclass, t.outer ?? t);
            if (!parent) external = true;
            t = parent;
        }
        return { chain, external };
    }

    members(type: ApexType, name: string, kinds: ApexMember['kind'][]): { member: ApexMember; owner: ApexType }[] {
        const lower = name.toLowerCase();
        return this.lineage(type).chain.flatMap((owner) =>
            owner.members
                .filter((m) => kinds.includes(m.kind) && m.name.toLowerCase() === lower)
                .map((member) => ({ member, owner }))
        );
    }
}

class FileChecker {
    private readonly scopes: Map<string, string>[] = [];
    private current: ApexType | null = null;
    readonly problems: Problem[] = [];

    constructor(
        private readonly file: ApexFile,
        private readonly index: ApexIndex,
        private readonly model: DataModel
    ) {}

    private report(node: { start?: { line: number } | null }, message: string): void {
        this.problems.push({ file: this.file.path, line: node.start?.line ?? 0, message });
    }

    private declare(name: string, type: string): void {
        this.scopes[this.scopes.length - 1]?.set(name.toLowerCase(), type);
    }

    private local(name: string): string | null {
        for (let i = this.scopes.length - 1; i >= 0; i--) {
            const found = this.scopes[i].get(name.toLowerCase());
            if (found) return found;
        }
        return null;
    }

    private withScope(action: () => void): void {
        this.scopes.push(new Map());
        try {
            action();
        } finally {
            this.scopes.pop();
        }
    }

    /** Type information of a declared type name, seen from `from`. */
    private typeFromText(text: string, from: ApexType | null): TypeInfo | null {
        const clean = text.replace(/\s+/g, '');
        const list = /^List<(.+)>$/i.exec(clean) ?? /^(.+)\[\]$/.exec(clean);
        if (list) return { kind: 'list', of: this.typeFromText(list[1], from) };
        if (/^(Set|Map)</i.test(clean)) return null;
        const type = this.index.resolveClass(clean, from);
        if (type) return { kind: 'class', type, isStatic: false };
        if (this.model.objects.has(clean.toLowerCase())) return { kind: 'sobject', name: clean.toLowerCase() };
        return null;
    }

    private memberType(found: { member: ApexMember; owner: ApexType }): TypeInfo | null {
        return this.typeFromText(found.member.type, found.owner);
    }

    /** What an expression evaluates to, when the declarations say so. */
    private typeOf(expr: ExpressionContext | null): TypeInfo | null {
        if (!expr) return null;
        if (expr instanceof SubExpressionContext) return this.typeOf(expr.expression());
        if (expr instanceof CastExpressionContext) return this.typeFromText(expr.typeRef().getText(), this.current);
        if (expr instanceof NewExpressionContext) {
            return this.typeFromText(expr.creator().createdName().getText(), this.current);
        }
        if (expr instanceof ArrayExpressionContext) {
            const list = this.typeOf(expr.expression(0));
            return list?.kind === 'list' ? list.of : null;
        }
        if (expr instanceof PrimaryExpressionContext) {
            const primary = expr.primary();
            if (primary instanceof ThisPrimaryContext && this.current) {
                return { kind: 'class', type: this.current, isStatic: false };
            }
            if (!(primary instanceof IdPrimaryContext)) return null;
            const name = primary.id().getText();
            const local = this.local(name);
            if (local) return this.typeFromText(local, this.current);
            for (let scope = this.current; scope; scope = scope.outer) {
                const field = this.index.members(scope, name, ['field', 'property'])[0];
                if (field) return this.memberType(field);
            }
            const type = this.index.resolveClass(name, this.current);
            if (type) return { kind: 'class', type, isStatic: true };
            if (this.model.objects.has(name.toLowerCase())) return { kind: 'sobjectType', name: name.toLowerCase() };
            return null;
        }
        if (expr instanceof DotExpressionContext) {
            const left = this.typeOf(expr.expression());
            if (!left) return null;
            const call = expr.dotMethodCall();
            if (call) {
                if (left.kind !== 'class') return null;
                const method = this.index.members(left.type, call.anyId().getText(), ['method'])[0];
                return method ? this.memberType(method) : null;
            }
            const name = expr.anyId().getText();
            if (left.kind === 'class') {
                const field = this.index.members(left.type, name, ['field', 'property'])[0];
                if (field) return this.memberType(field);
                const inner = left.type.inner.find((t) => t.name.toLowerCase() === name.toLowerCase());
                return inner ? { kind: 'class', type: inner, isStatic: true } : null;
            }
            if (left.kind === 'sobject') return this.parentObject(left.name, name);
            return null;
        }
        if (expr instanceof MethodCallExpressionContext) {
            const call = expr.methodCall();
            if (call.id()) {
                for (let scope = this.current; scope; scope = scope.outer) {
                    const method = this.index.members(scope, call.id().getText(), ['method'])[0];
                    if (method) return this.memberType(method);
                }
            }
        }
        return null;
    }

    /** The object a relationship name on `object` leads to (parent side), or null. */
    private parentObject(object: string, name: string): TypeInfo | null {
        const lower = name.toLowerCase();
        const fields = this.model.objects.get(object);
        if (!fields) return null;
        const field = lower.endsWith('__r')
            ? fields.get(lower.replace(/__r$/, '__c'))
            : [...fields.values()].find((f) => f.relationshipName?.toLowerCase() === lower);
        const target = field?.referenceTo?.toLowerCase();
        return target && this.model.objects.has(target) ? { kind: 'sobject', name: target } : null;
    }

    /** Checks a custom field or relationship named on an sObject. */
    private checkSObjectMember(node: Node, object: string, name: string): void {
        const lower = name.toLowerCase();
        const fields = this.model.objects.get(object);
        const objectName = this.model.objectNames.get(object) ?? object;
        if (!fields) return;
        if (lower.endsWith('__c') && !fields.has(lower)) {
            this.report(node, `${objectName}.${name}: no such field in the data model`);
        }
        if (lower.endsWith('__r')) {
            const lookup = fields.get(lower.replace(/__r$/, '__c'));
            const child = this.model.childRelationships.get(object)?.has(lower);
            if (!lookup?.referenceTo && !child) {
                this.report(node, `${objectName}.${name}: no such relationship in the data model`);
            }
        }
        if (!lower.includes('__') && this.model.complete.has(object)) {
            const known =
                fields.has(lower) ||
                [...fields.values()].some((f) => f.relationshipName?.toLowerCase() === lower) ||
                this.model.childRelationships.get(object)?.has(lower);
            if (!known) this.report(node, `${objectName}.${name}: no such field or relationship`);
        }
    }

    private checkCall(node: Node, type: ApexType, name: string, args: number, wantStatic: boolean | null): void {
        const { external } = this.index.lineage(type);
        const methods = this.index.members(type, name, ['method']);
        if (methods.length === 0) {
            if (external || (!wantStatic && OBJECT_METHODS.has(name.toLowerCase()))) return;
            this.report(node, `${type.fullName}.${name}(): no such method`);
            return;
        }
        const candidates = wantStatic ? methods.filter((m) => m.member.isStatic) : methods;
        if (candidates.length === 0) {
            this.report(node, `${type.fullName}.${name}() is not static`);
            return;
        }
        if (!candidates.some((m) => m.member.params.length === args)) {
            const counts = [...new Set(candidates.map((m) => m.member.params.length))].join(' or ');
            this.report(node, `${type.fullName}.${name}() takes ${counts} argument(s), called with ${args}`);
        }
    }

    /** Reports a type name (first segment) that is not a project class but nearly one. */
    private checkTypeName(node: { start?: { line: number } | null }, text: string): void {
        const first = text.replace(/<.*$/, '').split('.')[0];
        if (this.index.resolveClass(first, this.current) || this.model.objects.has(first.toLowerCase())) return;
        const near = this.index.nearMiss(first);
        if (near) this.report(node, `${first}: no such class (did you mean ${near}?)`);
    }

    private checkDot(expr: DotExpressionContext): void {
        const text = expr.getText();
        const label = /^(?:System\.)?Label\.(\w+)$/i.exec(text);
        if (label) {
            if (!this.model.labels.has(label[1])) this.report(expr, `${text}: no such custom label`);
            return;
        }
        const left = this.typeOf(expr.expression());
        const qualifier = expr.expression();
        if (!left && qualifier instanceof PrimaryExpressionContext && qualifier.primary() instanceof IdPrimaryContext) {
            this.checkTypeName(expr, qualifier.getText());
        }
        if (!left) return;
        const call = expr.dotMethodCall();
        if (call) {
            const name = call.anyId().getText();
            if (left.kind === 'class')
                this.checkCall(expr, left.type, name, argCount(call.expressionList()), left.isStatic);
            if (left.kind === 'class' && left.type.fullName === 'String' && name.toLowerCase() === 'format') return;
            return;
        }
        const name = expr.anyId().getText();
        if (left.kind === 'sobject' || left.kind === 'sobjectType') {
            this.checkSObjectMember(expr, left.name, name);
            return;
        }
        if (left.kind !== 'class') return;
        const type = left.type;
        const lower = name.toLowerCase();
        const known =
            this.index.members(type, name, ['field', 'property']).length > 0 ||
            type.inner.some((t) => t.name.toLowerCase() === lower) ||
            type.enumValues.some((v) => v.toLowerCase() === lower) ||
            this.index.lineage(type).external;
        if (!known) this.report(expr, `${type.fullName}.${name}: no such field, property or inner type`);
    }

    private checkFormat(expr: DotExpressionContext): void {
        const call = expr.dotMethodCall();
        if (!call || expr.expression().getText().toLowerCase() !== 'string') return;
        if (call.anyId().getText().toLowerCase() !== 'format') return;
        const first = call.expressionList()?.expression(0)?.getText() ?? '';
        const label = /^(?:System\.)?Label\.(\w+)$/i.exec(first);
        const value = label ? this.model.labels.get(label[1]) : undefined;
        if (value !== undefined && /(^|[^'])'([^']|$)/.test(value)) {
            this.report(
                expr,
                `${label![1]}: a lone apostrophe in a String.format pattern hides what follows; write ''`
            );
        }
    }

    private checkUnqualifiedCall(call: MethodCallContext): void {
        if (!call.id() || !this.current) return;
        const name = call.id().getText();
        const args = argCount(call.expressionList());
        for (let scope: ApexType | null = this.current; scope; scope = scope.outer) {
            if (this.index.members(scope, name, ['method']).length > 0) {
                this.checkCall(call, scope, name, args, null);
                return;
            }
            if (this.index.lineage(scope).external) return;
        }
        this.report(call, `${name}(): no such method in ${this.current.fullName}`);
    }

    private checkNew(expr: NewExpressionContext): void {
        const creator = expr.creator();
        const rest = creator.classCreatorRest();
        if (!rest) return;
        const created = this.typeFromText(creator.createdName().getText(), this.current);
        if (!created) this.checkTypeName(expr, creator.createdName().getText());
        const args = rest.arguments().expressionList()?.expression_list() ?? [];
        if (created?.kind === 'sobject') {
            for (const arg of args) {
                if (arg instanceof AssignExpressionContext) {
                    this.checkSObjectMember(arg, created.name, arg.expression(0).getText());
                }
            }
            return;
        }
        if (created?.kind !== 'class') return;
        const type = created.type;
        const ctors = type.members.filter((m) => m.kind === 'constructor');
        if (ctors.length === 0) {
            if (this.index.lineage(type).external) return;
            if (args.length > 0)
                this.report(expr, `new ${type.fullName}(): no constructor takes ${args.length} argument(s)`);
            return;
        }
        if (!ctors.some((c) => c.params.length === args.length)) {
            const counts = ctors.map((c) => c.params.length).join(' or ');
            this.report(expr, `new ${type.fullName}() takes ${counts} argument(s), called with ${args.length}`);
        }
    }

    private declareParams(params: FormalParametersContext): void {
        for (const p of params.formalParameterList()?.formalParameter_list() ?? []) {
            this.checkTypeName(p, p.typeRef().getText());
            this.declare(p.id().getText(), p.typeRef().getText());
        }
    }

    walk(node: unknown): void {
        if (
            node instanceof ClassDeclarationContext ||
            node instanceof InterfaceDeclarationContext ||
            node instanceof EnumDeclarationContext
        ) {
            const name = node.id().getText();
            const outer = this.current;
            this.current = outer
                ? (outer.inner.find((t) => t.name === name) ?? null)
                : this.index.resolveClass(name, null);
            this.withScope(() => childrenOf(node).forEach((c) => this.walk(c)));
            this.current = outer;
            return;
        }
        if (node instanceof MethodDeclarationContext || node instanceof ConstructorDeclarationContext) {
            this.withScope(() => {
                this.declareParams(node.formalParameters());
                childrenOf(node).forEach((c) => this.walk(c));
            });
            return;
        }
        if (node instanceof BlockContext || node instanceof ForStatementContext || node instanceof CatchClauseContext) {
            this.withScope(() => {
                if (node instanceof CatchClauseContext)
                    this.declare(node.id().getText(), node.qualifiedName().getText());
                childrenOf(node).forEach((c) => this.walk(c));
            });
            return;
        }
        if (node instanceof LocalVariableDeclarationContext) {
            childrenOf(node).forEach((c) => this.walk(c));
            this.checkTypeName(node, node.typeRef().getText());
            for (const d of node.variableDeclarators().variableDeclarator_list()) {
                this.declare(d.id().getText(), node.typeRef().getText());
            }
            return;
        }
        if (node instanceof EnhancedForControlContext) {
            this.walk(node.expression());
            this.declare(node.id().getText(), node.typeRef().getText());
            return;
        }
        if (node instanceof DotExpressionContext) {
            this.checkDot(node);
            this.checkFormat(node);
        }
        if (node instanceof MethodCallContext) this.checkUnqualifiedCall(node);
        if (node instanceof NewExpressionContext) this.checkNew(node);
        childrenOf(node).forEach((c) => this.walk(c));
    }

    /** Every `__c`, `__r` and `__mdt` name must exist somewhere in the data model. */
    checkDataModelNames(): void {
        const fieldNames = new Set<string>();
        const relationships = new Set<string>();
        for (const [, fields] of this.model.objects) {
            for (const field of fields.values()) {
                fieldNames.add(field.name.toLowerCase());
                if (field.referenceTo) relationships.add(field.name.toLowerCase().replace(/__c$/, '__r'));
            }
        }
        for (const [, children] of this.model.childRelationships)
            for (const name of children.keys()) relationships.add(name);
        const lines = stripCommentsAndStrings(this.file.source).split('\n');
        lines.forEach((line, i) => {
            for (const match of line.matchAll(/\b(\w+__(c|r|mdt))\b/gi)) {
                const name = match[1].toLowerCase();
                const suffix = match[2].toLowerCase();
                const known =
                    suffix === 'r'
                        ? relationships.has(name)
                        : this.model.objects.has(name) || (suffix === 'c' && fieldNames.has(name));
                if (!known)
                    this.problems.push({
                        file: this.file.path,
                        line: i + 1,
                        message: `${match[1]}: not in the data model`
                    });
            }
        });
    }
}

/** Cross-references the given Apex files against themselves and the data model. */
export function checkApex(files: ApexFile[], model: DataModel = readDataModel()): Problem[] {
    const parsed = files.map(parseApex);
    const types = parsed.map(declaredType).filter((t): t is ApexType => t !== null);
    const index = new ApexIndex(types);
    const problems: Problem[] = [];
    for (const p of parsed) {
        if (p.errors.length) {
            problems.push({
                file: p.file.path,
                line: p.errors[0].line,
                message: `does not parse: ${p.errors[0].message}`
            });
            continue;
        }
        const checker = new FileChecker(p.file, index, model);
        checker.walk(p.unit);
        checker.checkDataModelNames();
        problems.push(...checker.problems);
    }
    return problems;
}

export interface ComponentFile {
    path: string;
    source: string;
}

/** TypeScript and JavaScript sources of the components (tests and compiled copies of .ts excluded). */
export function findComponentFiles(lwcDir: string = join(FORCE_APP, 'lwc')): ComponentFile[] {
    const files: ComponentFile[] = [];
    for (const bundle of existsSync(lwcDir) ? readdirSync(lwcDir).sort() : []) {
        const dir = join(lwcDir, bundle);
        let entries: string[];
        try {
            entries = readdirSync(dir);
        } catch {
            continue;
        }
        for (const entry of entries.sort()) {
            const isTs = entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !entry.endsWith('.test.ts');
            const isJs = entry.endsWith('.js') && !entries.includes(entry.replace(/\.js$/, '.ts'));
            if (!isTs && !isJs) continue;
            const full = join(dir, entry);
            files.push({ path: relative(ROOT, full), source: readFileSync(full, 'utf8') });
        }
    }
    return files;
}

/** Checks the components' Apex imports and the parameters they pass. */
export function checkComponents(components: ComponentFile[], apexFiles: ApexFile[]): Problem[] {
    const types = apexFiles
        .map(parseApex)
        .map(declaredType)
        .filter((t): t is ApexType => t !== null);
    const index = new ApexIndex(types);
    const problems: Problem[] = [];
    for (const component of components) {
        const sf = ts.createSourceFile(component.path, component.source, ts.ScriptTarget.Latest, true);
        const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        const imported = new Map<string, { method: ApexMember; label: string }>();
        for (const statement of sf.statements) {
            if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
            const match = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(statement.moduleSpecifier.text);
            const local = statement.importClause?.name?.text;
            if (!match || !local) continue;
            const [, className, methodName] = match;
            const label = `${className}.${methodName}`;
            const type = index.top.get(className.toLowerCase());
            const method = type?.members.find((m) => m.kind === 'method' && m.name === methodName);
            if (!type) {
                problems.push({
                    file: component.path,
                    line: lineOf(statement),
                    message: `${label}: no Apex class ${className}`
                });
            } else if (!method) {
                problems.push({
                    file: component.path,
                    line: lineOf(statement),
                    message: `${label}: no such method in ${className}`
                });
            } else if (!method.isStatic || !method.annotations.has('auraenabled')) {
                problems.push({
                    file: component.path,
                    line: lineOf(statement),
                    message: `${label} must be static and @AuraEnabled`
                });
            } else {
                imported.set(local, { method, label });
            }
        }
        const checkParams = (target: { method: ApexMember; label: string }, arg: ts.Expression | undefined): void => {
            if (!arg) return;
            if (!ts.isObjectLiteralExpression(arg)) return;
            const names = new Set(target.method.params.map((p) => p.name));
            for (const prop of arg.properties) {
                const key =
                    prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : null;
                if (key && !names.has(key)) {
                    problems.push({
                        file: component.path,
                        line: lineOf(prop),
                        message: `${target.label}: no parameter "${key}" (parameters: ${[...names].join(', ') || 'none'})`
                    });
                }
            }
        };
        const visit = (node: ts.Node): void => {
            if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
                const callee = node.expression.text;
                const direct = imported.get(callee);
                if (direct) {
                    if (node.arguments.length > 1) {
                        problems.push({
                            file: component.path,
                            line: lineOf(node),
                            message: `${direct.label}: Apex methods take one parameter object, called with ${node.arguments.length} arguments`
                        });
                    }
                    checkParams(direct, node.arguments[0]);
                }
                const first = node.arguments[0];
                const wired =
                    callee === 'wire' && first && ts.isIdentifier(first) ? imported.get(first.text) : undefined;
                if (wired) {
                    if (!/cacheable\s*=\s*true/i.test(wired.method.annotations.get('auraenabled') ?? '')) {
                        problems.push({
                            file: component.path,
                            line: lineOf(node),
                            message: `${wired.label}: @wire needs @AuraEnabled(cacheable=true)`
                        });
                    }
                    checkParams(wired, node.arguments[1]);
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(sf);
    }
    return problems;
}

/** `file:line message` */
export function formatProblem(p: Problem): string {
    return `${p.file}:${p.line} ${p.message}`;
}
