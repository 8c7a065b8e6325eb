/**
 * Small helpers shared by the offering and specialist scores.
 */
import type { Reason, ScorePart } from './types';

/** Scores are rounded so that equal evidence gives exactly equal scores (ties then break by name). */
export function round(value: number, digits = 6): number {
    const factor = digits === 6 ? 1e6 : 10 ** digits;
    return Math.round(value * factor) / factor;
}

export function part(key: string, weight: number, value: number): ScorePart {
    return { key, weight, value: round(value), points: round(weight * value) };
}

/** A reason paired with the points behind it, so the strongest reasons come first. */
export interface WeightedReason {
    reason: Reason;
    points: number;
}

/** Strongest first (penalties count by their size); equal strength keeps the order given. */
export function orderReasons(weighted: WeightedReason[]): Reason[] {
    return weighted
        .map((entry, position) => ({ entry, position }))
        .sort((a, b) => Math.abs(b.entry.points) - Math.abs(a.entry.points) || a.position - b.position)
        .map(({ entry }) => entry.reason);
}

/** Plain string order, independent of the browser's locale. */
export function compareText(a: string | null | undefined, b: string | null | undefined): number {
    const left = a ?? '';
    const right = b ?? '';
    return left < right ? -1 : left > right ? 1 : 0;
}

/** An amount as a short, locale-neutral figure: 950, 12k, 120k, 1.5M. */
export function compactAmount(amount: number): string {
    const abs = Math.abs(amount);
    if (abs >= 1e9) return `${trim(amount / 1e9)}B`;
    if (abs >= 1e6) return `${trim(amount / 1e6)}M`;
    if (abs >= 1e3) return `${trim(amount / 1e3)}k`;
    return String(Math.round(amount));
}

function trim(value: number): string {
    const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
    return String(rounded);
}
