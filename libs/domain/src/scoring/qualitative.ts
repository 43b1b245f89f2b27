import type { QualitativeGrade } from './indicator-input';
import type { RegionProfile } from './region-profile';
import { round2 } from './round';

/** The wording of each grade on the 自评表 (§3.2). */
export const QUALITATIVE_GRADE_LABELS: Record<QualitativeGrade, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  not_achieved: '未达成年度指标且效果较差',
};

/** Checked in this order: "未达成…" contains "达成…", so the negative wording must win. */
const GRADE_PATTERNS: [QualitativeGrade, RegExp][] = [
  ['not_achieved', /^未(?:达成|达到|完成)/],
  ['partial', /^部分(?:达成|达到|完成)/],
  ['achieved', /^(?:已)?(?:达成|达到|完成)(?:年度|预期)?(?:指标|目标)?$|^(?:达成|达到)(?:年度|预期)/],
];

/**
 * Reads the 自评 and monitoring wordings and their synonyms (达成预期指标, 达成目标, 达到预期目标,
 * 部分达成目标并具有一定效果, 未达成目标且效果较差 …) as one of the three grades.
 */
export function parseQualitativeGrade(text: string | null | undefined): QualitativeGrade | null {
  const compact = (text ?? '').replace(/[\s，,。.；;、]/g, '');
  return GRADE_PATTERNS.find(([, pattern]) => pattern.test(compact))?.[0] ?? null;
}

/** The score range a grade allows, in points; `max` is inclusive only for 达成 (bands are half-open). */
export interface ScoreBand {
  min: number;
  max: number;
  maxInclusive: boolean;
  midpoint: number;
}

export function qualitativeBand(grade: QualitativeGrade, weight: number, profile: RegionProfile): ScoreBand {
  const { achieved, partial } = profile.qualitativeBands;
  const [low, high] = grade === 'achieved' ? [achieved, 100] : grade === 'partial' ? [partial, achieved] : [0, partial];
  return {
    min: (weight * low) / 100,
    max: (weight * high) / 100,
    maxInclusive: grade === 'achieved',
    midpoint: (weight * (low + high)) / 200,
  };
}

export function describeBand(band: ScoreBand): string {
  return `[${round2(band.min)}, ${round2(band.max)}${band.maxInclusive ? ']' : ')'}`;
}

/** Any score from 0 to the weight, for quantitative indicators. */
export function fullBand(weight: number): ScoreBand {
  return { min: 0, max: weight, maxInclusive: true, midpoint: weight / 2 };
}

export function isInBand(score: number, band: ScoreBand): boolean {
  return score >= band.min && (band.maxInclusive ? score <= band.max : score < band.max);
}
