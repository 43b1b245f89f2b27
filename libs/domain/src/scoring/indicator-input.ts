import type { Target } from '../targets/target';
import { INDICATOR_LEVELS, LEVEL1 } from '../taxonomy/indicator-levels';

/** One indicator as the scorer needs it: plain data the evaluation worker builds from its rows. */
export interface IndicatorForScoring {
  level1: string | null;
  level2: string | null;
  name: string;
  key?: boolean;
  /** 分值 set by the unit; derived from the 一级 weight when absent (see deriveWeights). */
  weight?: number | null;
  annualTarget: Target | null;
  periodTarget?: Target | null;
}

export type QualitativeGrade = 'achieved' | 'partial' | 'not_achieved';

/** The cumulative 实际完成值 for a period: a number, a text, or a qualitative grade. */
export interface Actual {
  value?: number | null;
  text?: string | null;
  grade?: QualitativeGrade | null;
  /** A reviewer's score with the reason, kept for the audit trail. */
  override?: { score: number; reason: string } | null;
}

/** A target that can be scored at all: not absent, empty or a placeholder. */
export function isScorableTarget(target: Target | null | undefined): target is Target {
  return !!target && target.kind !== 'placeholder' && target.kind !== 'missing';
}

/** ≥, > and bare numbers count upwards (正向); ≤ and < downwards (反向). */
export function isPositiveTarget(target: Target): boolean {
  return target.comparator === 'gte' || target.comparator === 'gt' || target.comparator === 'eq';
}

export function isReverseTarget(target: Target): boolean {
  return target.comparator === 'lte' || target.comparator === 'lt';
}

export type Level1Pool = 'output' | 'benefit' | 'satisfaction' | 'cost';

const POOL_BY_LEVEL1: Record<string, Level1Pool> = {
  [LEVEL1.output]: 'output',
  [LEVEL1.benefit]: 'benefit',
  [LEVEL1.satisfaction]: 'satisfaction',
  [LEVEL1.cost]: 'cost',
};

const LEVEL1_BY_LEVEL2 = new Map(
  INDICATOR_LEVELS.flatMap((level1) => level1.level2.map((level2) => [level2.name, level1.name] as const)),
);

/** The canonical 一级 of an indicator, taken from its level2 when level1 is missing. */
export function canonicalLevel1(indicator: Pick<IndicatorForScoring, 'level1' | 'level2'>): string | null {
  if (indicator.level1 && indicator.level1 in POOL_BY_LEVEL1) return indicator.level1;
  return (indicator.level2 && LEVEL1_BY_LEVEL2.get(indicator.level2)) ?? null;
}

export function level1Pool(indicator: Pick<IndicatorForScoring, 'level1' | 'level2'>): Level1Pool | null {
  const level1 = canonicalLevel1(indicator);
  return level1 ? POOL_BY_LEVEL1[level1] : null;
}

export function level1OfLevel2(level2: string): string | null {
  return LEVEL1_BY_LEVEL2.get(level2) ?? null;
}

export function hasActual(actual: Actual | null | undefined): actual is Actual {
  return (
    !!actual &&
    (actual.value != null || !!actual.text?.trim() || actual.grade != null || actual.override != null)
  );
}
