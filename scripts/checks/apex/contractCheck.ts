/**
 * Compares the data contract (TypeScript interfaces in lwc/crossSellEngine/contract.ts, starting at
 * `PanelData`) with the Apex wrapper classes that the controller returns (`CrossSellPanelData` and its inner
 * classes). The rule it encodes, which is how Lightning serialises Apex to JavaScript:
 *
 * - every TypeScript field has an `@AuraEnabled` public instance field or property of the same name, and
 *   no Apex field is left over;
 * - `string` (and string-literal unions) <- Id, String, Date, Datetime; `number` <- Decimal, Integer,
 *   Double, Long; `boolean` <- Boolean; `T[]` <- List<T>; an interface <- the inner class of that name;
 * - a field typed `| null` says so in its ApexDoc (the word "null"); a field that may not be null never
 *   mentions null, and when it is a number, boolean or list it has an initialiser, so it cannot be null;
 * - no contract field is an Apex reserved word (Apex could not declare it).
 */
import ts from 'typescript';
import { parseApex, type ApexFile } from './apexSource';
import { declaredType, type ApexMember, type ApexType } from './apexModel';

type Shape =
    | { kind: 'string' | 'number' | 'boolean' }
    | { kind: 'array'; of: Shape }
    | { kind: 'ref'; name: string }
    | { kind: 'unknown'; text: string };

interface ContractField {
    name: string;
    shape: Shape;
    nullable: boolean;
}

export const ROOT_INTERFACE = 'PanelData';
export const ROOT_CLASS = 'CrossSellPanelData';

/** Apex reserved keywords (Apex Developer Guide, "Reserved Keywords"). */
export const APEX_RESERVED = new Set(
    (
        'abstract activate and any array as asc autonomous begin bigdecimal blob boolean break bulk by byte case ' +
        'cast catch char class collect commit const continue currency date datetime decimal default delete desc ' +
        'do double else end enum exception exit export extends false final finally float for from global goto ' +
        'group having hint if implements import in inner insert instanceof int integer interface into join like ' +
        'limit list long loop map merge new not null nulls number object of on or outer override package ' +
        'parallel pragma private protected public retrieve return rollback select set short sobject sort static ' +
        'string super switch synchronized system testmethod then this throw time transaction trigger true try ' +
        'undelete update upsert using virtual void webservice when where while'
    ).split(' ')
);

const STRING_TYPES = new Set(['id', 'string', 'date', 'datetime']);
const NUMBER_TYPES = new Set(['decimal', 'integer', 'double', 'long']);

/** Reads every interface of the contract with its fields. */
export function readContract(source: string): Map<string, ContractField[]> {
    const file = ts.createSourceFile('contract.ts', source, ts.ScriptTarget.Latest, true);
    const aliases = new Map<string, ts.TypeNode>();
    const interfaces = new Map<string, ts.InterfaceDeclaration>();
    file.forEachChild((node) => {
        if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
        if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    });

    const shapeOf = (node: ts.TypeNode): Shape => {
        if (node.kind === ts.SyntaxKind.StringKeyword) return { kind: 'string' };
        if (node.kind === ts.SyntaxKind.NumberKeyword) return { kind: 'number' };
        if (node.kind === ts.SyntaxKind.BooleanKeyword) return { kind: 'boolean' };
        if (ts.isArrayTypeNode(node)) return { kind: 'array', of: shapeOf(node.elementType) };
        if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { kind: 'string' };
        if (ts.isUnionTypeNode(node)) {
            const shapes = node.types.map(shapeOf);
            if (shapes.every((s) => s.kind === 'string')) return { kind: 'string' };
        }
        if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
            const name = node.typeName.text;
            const alias = aliases.get(name);
            if (alias) return shapeOf(alias);
            if (interfaces.has(name)) return { kind: 'ref', name };
        }
        return { kind: 'unknown', text: node.getText(file) };
    };

    const result = new Map<string, ContractField[]>();
    for (const [name, decl] of interfaces) {
        const fields: ContractField[] = [];
        for (const member of decl.members) {
            if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
            let type = member.type;
            let nullable = false;
            if (ts.isUnionTypeNode(type)) {
                const rest = type.types.filter(
                    (t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)
                );
                nullable = rest.length < type.types.length;
                if (nullable) type = rest.length === 1 ? rest[0] : ts.factory.createUnionTypeNode(rest);
            }
            fields.push({ name: member.name.text, shape: shapeOf(type), nullable });
        }
        result.set(name, fields);
    }
    return result;
}

/** The Apex shape of a declared type such as `List<CrossSellPanelData.Holding>`. */
export function apexShape(typeText: string): Shape {
    const text = typeText.replace(/\s+/g, '');
    const list = /^List<(.+)>$/i.exec(text);
    if (list) return { kind: 'array', of: apexShape(list[1]) };
    const lower = text.toLowerCase();
    if (STRING_TYPES.has(lower)) return { kind: 'string' };
    if (NUMBER_TYPES.has(lower)) return { kind: 'number' };
    if (lower === 'boolean') return { kind: 'boolean' };
    const parts = text.split('.');
    return { kind: 'ref', name: parts[parts.length - 1] };
}

function describe(shape: Shape): string {
    switch (shape.kind) {
        case 'array':
            return `${describe(shape.of)}[]`;
        case 'ref':
            return shape.name;
        case 'unknown':
            return `unsupported ${shape.text}`;
        default:
            return shape.kind;
    }
}

function sameShape(contract: Shape, apex: Shape, rootClass: string): boolean {
    if (contract.kind === 'array' && apex.kind === 'array') return sameShape(contract.of, apex.of, rootClass);
    if (contract.kind === 'ref' && apex.kind === 'ref') {
        const expected = contract.name === ROOT_INTERFACE ? rootClass : contract.name;
        return expected === apex.name;
    }
    return contract.kind === apex.kind && contract.kind !== 'unknown';
}

function auraFields(type: ApexType): ApexMember[] {
    return type.members.filter(
        (m) => (m.kind === 'field' || m.kind === 'property') && !m.isStatic && m.annotations.has('auraenabled')
    );
}

const MAY_BE_NULL = /\bnull\b/i;

/** Every difference between the contract and the Apex wrapper, as readable sentences (empty when equal). */
export function compareContract(contractSource: string, apex: ApexFile): string[] {
    const contract = readContract(contractSource);
    const parsed = parseApex(apex);
    if (parsed.errors.length) return [`${apex.path} does not parse: ${parsed.errors[0].message}`];
    const root = declaredType(parsed);
    if (!root || root.name !== ROOT_CLASS) return [`${apex.path} does not declare class ${ROOT_CLASS}`];

    const problems: string[] = [];
    const classes = new Map<string, ApexType>([[ROOT_INTERFACE, root]]);
    for (const inner of root.inner) classes.set(inner.name, inner);

    const seen = new Set<string>();
    const visit = (interfaceName: string): void => {
        if (seen.has(interfaceName)) return;
        seen.add(interfaceName);
        const fields = contract.get(interfaceName);
        const apexClass = classes.get(interfaceName);
        const where = interfaceName === ROOT_INTERFACE ? ROOT_CLASS : `${ROOT_CLASS}.${interfaceName}`;
        if (!fields) {
            problems.push(`contract has no interface ${interfaceName}`);
            return;
        }
        if (!apexClass) {
            problems.push(`${interfaceName}: no inner class ${where} in Apex`);
            return;
        }
        const apexByName = new Map(auraFields(apexClass).map((m) => [m.name, m]));
        for (const field of fields) {
            const label = `${interfaceName}.${field.name}`;
            if (APEX_RESERVED.has(field.name.toLowerCase())) {
                problems.push(`${label}: "${field.name}" is a reserved word in Apex, so no wrapper can carry it`);
            }
            // Apex names are case-insensitive, JSON keys are not: the spelling must match exactly.
            const member = apexByName.get(field.name);
            if (!member) {
                const near = [...apexByName.keys()].find((k) => k.toLowerCase() === field.name.toLowerCase());
                problems.push(
                    near
                        ? `${label}: Apex ${where} spells it "${near}" (JSON keys are case-sensitive)`
                        : `${label}: missing in Apex ${where} (an @AuraEnabled public field)`
                );
                continue;
            }
            apexByName.delete(field.name);
            const shape = apexShape(member.type);
            if (!sameShape(field.shape, shape, ROOT_CLASS)) {
                problems.push(
                    `${label}: contract type ${describe(field.shape)} but Apex ${where}.${member.name} is ${member.type}`
                );
            }
            const saysNull = MAY_BE_NULL.test(member.doc ?? '');
            if (field.nullable && !saysNull) {
                problems.push(`${label}: may be null in the contract, but its ApexDoc does not say when it is null`);
            }
            if (!field.nullable && saysNull) {
                problems.push(`${label}: never null in the contract, but its ApexDoc says it may be null`);
            }
            const defaultable = ['number', 'boolean', 'array'].includes(field.shape.kind);
            if (!field.nullable && defaultable && !member.hasInitializer) {
                problems.push(
                    `${label}: never null in the contract, so Apex ${where}.${member.name} needs an initialiser`
                );
            }
            if (field.shape.kind === 'ref') visit(field.shape.name);
            if (field.shape.kind === 'array' && field.shape.of.kind === 'ref') visit(field.shape.of.name);
        }
        for (const extra of apexByName.keys()) {
            problems.push(`${where}.${extra}: not in the contract interface ${interfaceName}`);
        }
    };
    visit(ROOT_INTERFACE);
    return problems;
}
