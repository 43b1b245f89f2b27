import { type CompletionPossibility, type Period, type QualitativeGrade, type TargetKind, parseQualitativeGrade } from '@app/domain';
import type { EvidenceRef } from '../database/entities';

/** 偏差原因 categories of the 监控表 (domain.md §6.2). */
export const DEVIATION_CATEGORIES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;

/** What a clerk typed, from JSON or a sheet cell: still unchecked. */
export interface EntryInput {
  value?: unknown;
  grade?: unknown;
  text?: unknown;
  deviationCategory?: unknown;
  deviationText?: unknown;
  possibility?: unknown;
  suggestion?: unknown;
  evidence?: EvidenceRef[];
}

/** An entry ready to store: money-safe decimal string, enum grade and possibility. */
export interface EntryValues {
  value: string | null;
  grade: QualitativeGrade | null;
  text: string | null;
  deviationCategory: string | null;
  deviationText: string | null;
  possibility: CompletionPossibility | null;
  suggestion: string | null;
  evidence: EvidenceRef[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const GRADE_CHOICES = ['达成', '部分达成', '未达成'] as const;
export const POSSIBILITY_CHOICES = ['确定能', '有可能', '完全不可能'] as const;
const GRADES: readonly QualitativeGrade[] = ['achieved', 'partial', 'not_achieved'];
const POSSIBILITIES: readonly CompletionPossibility[] = ['certain', 'possible', 'impossible'];
const POSSIBILITY_WORDS: Record<string, CompletionPossibility> = {
  确定能: 'certain',
  有可能: 'possible',
  完全不可能: 'impossible',
  不可能: 'impossible',
};
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const MAX_TEXT = 2000;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** `1,234.5` → `1234.5`; null when the input is not a plain decimal number. */
export function decimalString(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && !/e/i.test(String(value)) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const compact = value.trim().replace(/,/g, '');
  return DECIMAL.test(compact) ? compact : null;
}

export function parseGrade(value: string): QualitativeGrade | null {
  const trimmed = value.trim();
  return GRADES.find((grade) => grade === trimmed) ?? parseQualitativeGrade(trimmed);
}

function parsePossibility(value: unknown): CompletionPossibility | null {
  const text = String(value).trim();
  return POSSIBILITIES.find((p) => p === text) ?? POSSIBILITY_WORDS[text] ?? POSSIBILITIES[Number(text) - 1] ?? null;
}

/**
 * Checks one entry against its indicator's target kind (定量 → a number, 定性 → one of the three grades,
 * domain.md §3.2) and the period (完成目标可能性 only for monitoring periods), and normalises it for storage.
 */
export function readEntry(input: EntryInput, targetKind: TargetKind | null, period: Period): { values: EntryValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const text = (field: keyof EntryInput): string | null => {
    const raw = input[field];
    if (isBlank(raw)) return null;
    if (typeof raw !== 'string') return fail(field, '应为文字'), null;
    if (raw.length > MAX_TEXT) return fail(field, `不能超过 ${MAX_TEXT} 字`), null;
    return raw.trim();
  };

  let value: string | null = null;
  if (!isBlank(input.value)) {
    value = decimalString(input.value);
    if (targetKind === 'qualitative') fail('value', '定性指标的实际完成值应填写等级（达成 / 部分达成 / 未达成），不是数字');
    else if (value === null) fail('value', `实际完成值“${String(input.value)}”不是数字；定量指标请填写数字，文字请填在说明中`);
  } else if (targetKind === 'quantitative') {
    fail('value', '定量指标须填写数字形式的实际完成值');
  }

  let grade: QualitativeGrade | null = null;
  if (!isBlank(input.grade)) {
    grade = typeof input.grade === 'string' ? parseGrade(input.grade) : null;
    if (targetKind === 'quantitative') fail('grade', '定量指标填写数字形式的实际完成值，不填等级');
    else if (grade === null) fail('grade', `等级“${String(input.grade)}”无法识别，应为 ${GRADE_CHOICES.join('、')} 之一`);
  } else if (targetKind === 'qualitative') {
    fail('grade', `定性指标须填写等级：${GRADE_CHOICES.join('、')}`);
  }

  const deviationCategory = text('deviationCategory');
  if (deviationCategory && !(DEVIATION_CATEGORIES as readonly string[]).includes(deviationCategory)) {
    fail('deviationCategory', `偏差原因类别“${deviationCategory}”应为 ${DEVIATION_CATEGORIES.join('、')} 之一`);
  }

  let possibility: CompletionPossibility | null = null;
  if (!isBlank(input.possibility)) {
    possibility = parsePossibility(input.possibility);
    if (period.kind === 'year') fail('possibility', '完成目标可能性只在年中监控期间填写，全年自评不填');
    else if (possibility === null) fail('possibility', `完成目标可能性“${String(input.possibility)}”应为 ${POSSIBILITY_CHOICES.join('、')} 之一`);
  }

  const values: EntryValues = {
    value,
    grade,
    text: text('text'),
    deviationCategory,
    deviationText: text('deviationText'),
    possibility,
    suggestion: text('suggestion'),
    evidence: input.evidence ?? [],
  };
  return { values, errors };
}
