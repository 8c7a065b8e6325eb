/**
 * A declaration model of the project's Apex, read from the parse tree: classes (with inner classes,
 * interfaces and enums), their fields, properties, methods and constructors, with parameter lists,
 * annotations, initialisers and ApexDoc comments. The contract test and the cross-reference check read it.
 */
import {
    ClassDeclarationContext,
    CompilationUnitContext,
    EnumDeclarationContext,
    InterfaceDeclarationContext,
    type ClassBodyDeclarationContext,
    type FormalParametersContext,
    type InterfaceBodyContext,
    type ModifierContext
} from '@apexdevtools/apex-parser';
import { parseApex, type ApexFile, type ParsedApex } from './apexSource';

export interface ApexParam {
    type: string;
    name: string;
}

export interface ApexMember {
    kind: 'field' | 'property' | 'method' | 'constructor';
    name: string;
    /** Declared type as written without spaces (`List<X>`), `void` for void methods, '' for constructors. */
    type: string;
    params: ApexParam[];
    isStatic: boolean;
    /** Annotation names in lower case, with their text: `auraenabled` -> `@AuraEnabled(cacheable=true)`. */
    annotations: Map<string, string>;
    hasInitializer: boolean;
    /** The ApexDoc comment right before the declaration, or null. */
    doc: string | null;
    line: number;
}

export interface ApexType {
    kind: 'class' | 'interface' | 'enum' | 'trigger';
    /** Simple name (`Settings`). */
    name: string;
    /** Qualified name (`CrossSellPanelData.Settings`). */
    fullName: string;
    outer: ApexType | null;
    superclass: string | null;
    members: ApexMember[];
    inner: ApexType[];
    enumValues: string[];
    annotations: Map<string, string>;
    file: string;
    line: number;
}

function annotationsOf(modifiers: ModifierContext[]): Map<string, string> {
    const found = new Map<string, string>();
    for (const modifier of modifiers) {
        const annotation = modifier.annotation();
        if (annotation) found.set(annotation.id().getText().toLowerCase(), annotation.getText());
    }
    return found;
}

function isStatic(modifiers: ModifierContext[]): boolean {
    return modifiers.some((m) => m.STATIC() !== null);
}

function paramsOf(formal: FormalParametersContext): ApexParam[] {
    const list = formal.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p) => ({ type: p.typeRef().getText(), name: p.id().getText() }));
}

/** The `/** ... *\/` comment that ends right before `offset` (only whitespace between), or null. */
export function docBefore(source: string, offset: number): string | null {
    const before = source.slice(0, offset).trimEnd();
    if (!before.endsWith('*/')) return null;
    const start = before.lastIndexOf('/**');
    return start < 0 ? null : before.slice(start);
}

/** Any parse-tree node: where it starts. */
interface Located {
    start: { start: number; line: number };
}

function startOffset(ctx: Located): number {
    return ctx.start.start;
}

function memberOf(decl: ClassBodyDeclarationContext, source: string): ApexMember | null {
    const member = decl.memberDeclaration();
    if (!member) return null;
    const modifiers = decl.modifier_list();
    const base = {
        isStatic: isStatic(modifiers),
        annotations: annotationsOf(modifiers),
        doc: docBefore(source, startOffset(decl)),
        line: decl.start.line
    };
    const method = member.methodDeclaration();
    if (method) {
        return {
            ...base,
            kind: 'method',
            name: method.id().getText(),
            type: method.VOID() ? 'void' : method.typeRef().getText(),
            params: paramsOf(method.formalParameters()),
            hasInitializer: false
        };
    }
    const ctor = member.constructorDeclaration();
    if (ctor) {
        const names = ctor.qualifiedName().getText().split('.');
        return {
            ...base,
            kind: 'constructor',
            name: names[names.length - 1],
            type: '',
            params: paramsOf(ctor.formalParameters()),
            hasInitializer: false
        };
    }
    const property = member.propertyDeclaration();
    if (property) {
        return {
            ...base,
            kind: 'property',
            name: property.id().getText(),
            type: property.typeRef().getText(),
            params: [],
            hasInitializer: false
        };
    }
    const field = member.fieldDeclaration();
    if (field) {
        // `Integer a = 1, b;` declares several: the model keeps the first; Crossway declares one per line.
        const declarators = field.variableDeclarators().variableDeclarator_list();
        return {
            ...base,
            kind: 'field',
            name: declarators[0].id().getText(),
            type: field.typeRef().getText(),
            params: [],
            hasInitializer: declarators[0].expression() !== null
        };
    }
    return null;
}

function typeOf(
    ctx: ClassDeclarationContext | InterfaceDeclarationContext | EnumDeclarationContext,
    modifiers: ModifierContext[],
    outer: ApexType | null,
    file: ApexFile
): ApexType {
    const name = ctx.id().getText();
    const type: ApexType = {
        kind:
            ctx instanceof ClassDeclarationContext
                ? 'class'
                : ctx instanceof EnumDeclarationContext
                  ? 'enum'
                  : 'interface',
        name,
        fullName: outer ? `${outer.fullName}.${name}` : name,
        outer,
        superclass: ctx instanceof ClassDeclarationContext && ctx.EXTENDS() ? ctx.typeRef().getText() : null,
        members: [],
        inner: [],
        enumValues: [],
        annotations: annotationsOf(modifiers),
        file: file.path,
        line: ctx.start.line
    };
    if (ctx instanceof EnumDeclarationContext) {
        type.enumValues =
            ctx
                .enumConstants()
                ?.id_list()
                .map((id) => id.getText()) ?? [];
    } else if (ctx instanceof ClassDeclarationContext) {
        for (const decl of ctx.classBody().classBodyDeclaration_list()) {
            const item = memberOf(decl, file.source);
            if (item) type.members.push(item);
            const inner = decl.memberDeclaration();
            const innerDecl = inner?.classDeclaration() ?? inner?.interfaceDeclaration() ?? inner?.enumDeclaration();
            if (innerDecl) type.inner.push(typeOf(innerDecl, decl.modifier_list(), type, file));
        }
    } else {
        const body: InterfaceBodyContext = ctx.interfaceBody();
        for (const method of body.interfaceMethodDeclaration_list()) {
            type.members.push({
                kind: 'method',
                name: method.id().getText(),
                type: method.VOID() ? 'void' : method.typeRef().getText(),
                params: paramsOf(method.formalParameters()),
                isStatic: false,
                annotations: new Map(),
                hasInitializer: false,
                doc: docBefore(file.source, startOffset(method)),
                line: method.start.line
            });
        }
    }
    return type;
}

/** The top-level type declared by a parsed file (a trigger becomes a type without members). */
export function declaredType(parsed: ParsedApex): ApexType | null {
    const unit = parsed.unit;
    if (unit instanceof CompilationUnitContext) {
        const decl = unit.typeDeclaration();
        const ctx = decl?.classDeclaration() ?? decl?.interfaceDeclaration() ?? decl?.enumDeclaration();
        return ctx ? typeOf(ctx, decl.modifier_list(), null, parsed.file) : null;
    }
    return {
        kind: 'trigger',
        name: unit.id(0).getText(),
        fullName: unit.id(0).getText(),
        outer: null,
        superclass: null,
        members: [],
        inner: [],
        enumValues: [],
        annotations: new Map(),
        file: parsed.file.path,
        line: unit.start.line
    };
}

/** Parses the files and returns their declared types (files that do not parse are skipped). */
export function modelOf(files: ApexFile[]): ApexType[] {
    const types: ApexType[] = [];
    for (const file of files) {
        const parsed = parseApex(file);
        if (parsed.errors.length) continue;
        const type = declaredType(parsed);
        if (type) types.push(type);
    }
    return types;
}

/** Every type, inner ones included. */
export function allTypes(types: ApexType[]): ApexType[] {
    return types.flatMap((t) => [t, ...allTypes(t.inner)]);
}
