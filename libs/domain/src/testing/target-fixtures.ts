import type { ReviewIndicator } from '../review/review-project';
import type { Comparator, Target, TargetPer } from '../targets/target';
import { INDICATOR_LEVELS } from '../taxonomy/indicator-levels';

const SYMBOL: Record<Comparator, string> = { gte: '≥', gt: '>', eq: '', lte: '≤', lt: '<' };

/** A parsed quantitative target as the importer would produce it (spec fixtures only). */
export function quantitative(comparator: Comparator, value: number, unit: string | null = null, extra: Partial<Target> = {}): Target {
  const per: TargetPer | null = extra.per ?? null;
  const perText = per === 'month' ? '每月' : per === 'quarter' ? '每季度' : '';
  return { raw: `${perText}${SYMBOL[comparator]}${value}${unit ?? ''}`, kind: 'quantitative', comparator, value, unit, per, ...extra };
}

export function range(lower: number, upper: number, unit: string | null = null): Target {
  return { raw: `${lower}${unit ?? ''}-${upper}${unit ?? ''}`, kind: 'quantitative', comparator: null, value: lower, unit, per: null, upper };
}

export function qualitative(raw: string): Target {
  return { raw, kind: 'qualitative', comparator: null, value: null, unit: null, per: null };
}

export function placeholder(raw = '待单位补充...'): Target {
  return { raw, kind: 'placeholder', comparator: null, value: null, unit: null, per: null };
}

export function indicator(level2: string | null, name: string, annualTarget: Target | null, extra: Partial<ReviewIndicator> = {}): ReviewIndicator {
  const level1 = INDICATOR_LEVELS.find((level) => level.level2.some((candidate) => candidate.name === level2))?.name ?? null;
  return { level1, level2, name, key: false, annualTarget, periodTarget: null, ...extra };
}
