/**
 * The SOAP `executeAnonymous` call that `sf apex run` makes (POST /services/Soap/s/<version>/<orgId>), as far as an
 * org without an Apex runtime can answer it: the session is checked, the code is compiled for real against the
 * Apex grammar (@apexdevtools/apex-parser) and the project's classes, which an org the project was deployed to
 * has, and a compile problem is answered as an org answers it (`compiled` false, line, column, problem). Code
 * that compiles is recorded, not run: tests read what was sent from `FakeOrg.executedApex`.
 */
import { join } from 'node:path';
import { anonymousSyntaxErrors, constructedTypes, findApexFiles } from '../checks/apex/apexSource';

export interface AnonymousResult {
    compiled: boolean;
    success: boolean;
    line: number;
    column: number;
    compileProblem: string | null;
}

/** Class names of the deployed app: the .cls files of a force-app folder. */
export function deployedClasses(forceApp: string): Set<string> {
    return new Set(
        findApexFiles([join(forceApp, 'classes')])
            .filter((file) => file.kind === 'class')
            .map((file) => file.path.replace(/^.*\/|\.cls$/g, '').toLowerCase())
    );
}

function unescapeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

/** The session id and the Apex code of an executeAnonymous envelope, or undefined when it is not one. */
export function readEnvelope(envelope: string): { sessionId: string; code: string } | undefined {
    const session = /<(?:\w+:)?sessionId>([^<]*)<\/(?:\w+:)?sessionId>/.exec(envelope);
    const code = /<(?:\w+:)?apexcode>([\s\S]*?)<\/(?:\w+:)?apexcode>/.exec(envelope);
    if (!session || !code) return undefined;
    return { sessionId: session[1]!.trim(), code: unescapeXml(code[1]!) };
}

/** Compiles anonymous Apex: grammar first, then every `new Type(` must name a class of the org or of System. */
export function compileAnonymous(code: string, classes: Set<string>): AnonymousResult {
    const syntax = anonymousSyntaxErrors('anonymous', code);
    if (syntax.length) {
        const match = /^anonymous:(\d+):(\d+) (.*)$/.exec(syntax[0]!);
        return {
            compiled: false,
            success: false,
            line: Number(match?.[1] ?? -1),
            column: Number(match?.[2] ?? -1),
            compileProblem: match?.[3] ?? syntax[0]!
        };
    }
    for (const { type, line, column } of constructedTypes(code)) {
        // Types of the platform the admin scripts may construct; a project class must be deployed.
        if (!classes.has(type.toLowerCase()) && !['Map', 'Set', 'List'].includes(type)) {
            return { compiled: false, success: false, line, column, compileProblem: `Invalid type: ${type}` };
        }
    }
    return { compiled: true, success: true, line: -1, column: -1, compileProblem: null };
}

/** The SOAP response `sf apex run` reads. */
export function executeAnonymousResponse(result: AnonymousResult): string {
    const problem =
        result.compileProblem === null
            ? '<compileProblem xsi:nil="true"/>'
            : `<compileProblem>${result.compileProblem.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</compileProblem>`;
    return (
        '<?xml version="1.0" encoding="UTF-8"?>' +
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
        'xmlns="http://soap.sforce.com/2006/08/apex" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<soapenv:Header><DebuggingInfo><debugLog>' +
        (result.success ? 'Execute Anonymous: compiled by the local Salesforce API (no Apex runtime)' : '') +
        '</debugLog></DebuggingInfo></soapenv:Header>' +
        '<soapenv:Body><executeAnonymousResponse><result>' +
        `<column>${result.column}</column>${problem}<compiled>${result.compiled}</compiled>` +
        '<exceptionMessage xsi:nil="true"/><exceptionStackTrace xsi:nil="true"/>' +
        `<line>${result.line}</line><success>${result.success}</success>` +
        '</result></executeAnonymousResponse></soapenv:Body></soapenv:Envelope>'
    );
}
