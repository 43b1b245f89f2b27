import {
  type CompletionPossibility,
  DEFAULT_REGION_PROFILE,
  ENTRY_RULE_CODES,
  type Finding,
  type IndicatorEntry,
  type Period,
  PROJECT_RULES,
  type QualitativeGrade,
  type ReviewIndicator,
  type Target,
  entryDeadline,
  monitorProject,
  reviewEntries,
  reviewProject,
  scoreProject,
} from '@app/domain';
import { createHash } from 'node:crypto';
import type { BulkColumn } from '../database/bulk-insert';
import { uuidV7 } from '../database/uuid-v7';
import type { FlagSubjectType, WarningLight } from '../database/entities';

/** A project's own columns the evaluator reads, as Postgres returns them (numerics as strings). */
export interface ProjectRow {
  id: string;
  name: string;
  amount: string | null;
  goal: string | null;
  goalReference: string | null;
}

/**
 * A project as the evaluator reads it: its columns, its 执行数 for the period, and its indicators with their actuals
 * as one JSON text, an INDICATOR_VALUES array per indicator in position order (null when it has none). One text per
 * project, rather than a row per indicator and per actual, is parsed in one call and hashed as it came.
 */
export interface ProjectSource extends ProjectRow {
  spent: string | null;
  indicators: string | null;
}

const targetValues = (prefix: 'annual' | 'period') =>
  ['Raw', 'Kind', 'Comparator', 'Value', 'Upper', 'Unit', 'Per'].map((field) => `i."${prefix}${field}"${field === 'Value' || field === 'Upper' ? '::text' : ''}`);

/**
 * The SQL values of an indicator (`i`) and of its actual for the period (`a`, null columns when there is none), in
 * the order of IndicatorValues. Numerics travel as text, as Postgres prints them.
 */
export const INDICATOR_VALUES = [
  'i.id',
  'i.level1',
  'i.level2',
  'i.name',
  'i.key',
  'i.weight::text',
  ...targetValues('annual'),
  ...targetValues('period'),
  'a.id IS NOT NULL',
  'a.value::text',
  'a.text',
  'a.grade',
  'a."deviationCategory"',
  'a."deviationText"',
  'a.possibility',
  'a.suggestion',
].join(', ');

type TargetValues = [
  raw: TargetRow['raw'],
  kind: TargetRow['kind'],
  comparator: TargetRow['comparator'],
  value: TargetRow['value'],
  upper: TargetRow['upper'],
  unit: TargetRow['unit'],
  per: TargetRow['per'],
];
type IndicatorValues = [
  id: string,
  level1: string | null,
  level2: string | null,
  name: string,
  key: boolean,
  weight: string | null,
  ...annual: TargetValues,
  ...period: TargetValues,
  hasActual: boolean,
  value: string | null,
  text: string | null,
  grade: QualitativeGrade | null,
  deviationCategory: string | null,
  deviationText: string | null,
  possibility: CompletionPossibility | null,
  suggestion: string | null,
];

export interface IndicatorRow {
  id: string;
  level1: string | null;
  level2: string | null;
  name: string;
  key: boolean;
  weight: string | null;
  annual: TargetRow;
  period: TargetRow;
}

export interface TargetRow {
  raw: string | null;
  kind: Target['kind'] | null;
  comparator: Target['comparator'];
  value: string | null;
  upper: string | null;
  unit: string | null;
  per: Target['per'];
}

export interface ActualRow {
  indicatorId: string;
  value: string | null;
  text: string | null;
  grade: QualitativeGrade | null;
  deviationCategory: string | null;
  deviationText: string | null;
  possibility: CompletionPossibility | null;
  suggestion: string | null;
  /** A reviewer's override on this indicator × period (scorecards), kept across re-scoring. */
  overrideScore: string | null;
  overrideReason: string | null;
}

export interface Override {
  score: string;
  reason: string | null;
}

export interface ProjectInputs {
  project: ProjectRow;
  indicators: IndicatorRow[];
  /** Keyed by indicator id. */
  actuals: Map<string, ActualRow>;
  spent: string | null;
}

/** The project's inputs from its source, with the reviewers' overrides (by indicator id) on the actuals they score. */
export function readProjectInputs(source: ProjectSource, overrides: ReadonlyMap<string, Override>): ProjectInputs {
  const indicators: IndicatorRow[] = [];
  const actuals = new Map<string, ActualRow>();
  // By index: destructuring with rest elements copied each array, and cost as much again as parsing the text.
  for (const values of source.indicators === null ? [] : (JSON.parse(source.indicators) as IndicatorValues[])) {
    const id = values[0];
    indicators.push({
      id,
      level1: values[1],
      level2: values[2],
      name: values[3],
      key: values[4],
      weight: values[5],
      annual: { raw: values[6], kind: values[7], comparator: values[8], value: values[9], upper: values[10], unit: values[11], per: values[12] },
      period: { raw: values[13], kind: values[14], comparator: values[15], value: values[16], upper: values[17], unit: values[18], per: values[19] },
    });
    if (!values[20]) continue;
    const override = overrides.get(id);
    actuals.set(id, {
      indicatorId: id,
      value: values[21],
      text: values[22],
      grade: values[23],
      deviationCategory: values[24],
      deviationText: values[25],
      possibility: values[26],
      suggestion: values[27],
      overrideScore: override?.score ?? null,
      overrideReason: override?.reason ?? null,
    });
  }
  const { id, name, amount, goal, goalReference, spent } = source;
  return { project: { id, name, amount, goal, goalReference }, indicators, actuals, spent };
}

export interface IndicatorResult {
  indicatorId: string;
  status: string;
  ratio: string | null;
  score: string | null;
  weight: string;
  explanation: Record<string, unknown>;
}

export interface FlagResult {
  subjectType: FlagSubjectType;
  subjectId: string;
  projectId: string;
  code: string;
  /** The entry period judged; null for findings on the target table. */
  period: string | null;
  severity: Finding['severity'];
  message: string;
  details: Record<string, unknown>;
}

export interface ProjectResult {
  projectId: string;
  score: string | null;
  grade: string | null;
  executionRate: string | null;
  executionScore: string | null;
  light: WarningLight | null;
  explanation: Record<string, unknown>;
  indicators: IndicatorResult[];
  flags: FlagResult[];
}

/**
 * Import-time rules the evaluator runs again (targets can change when placeholders are filled). R07, R11, R12 and
 * R16 read 指标解释, last year's actual or the spending standard, which the import does not store: their import
 * findings stay as they were.
 */
export const RECHECKED_PROJECT_RULES: readonly string[] = Object.keys(PROJECT_RULES).filter(
  (code) => !['R07', 'R11', 'R12', 'R16'].includes(code),
);
/** Entry-time rules judge one period; their findings carry it as `details.period`. */
export const ENTRY_RULES: readonly string[] = ENTRY_RULE_CODES;

/**
 * The initial schema stores grades as 优/良/中/差 and possibilities as likely/uncertain/unlikely; the actuals branch
 * migrates both enums to the domain's values. Both read the same: 优 and 良 lie in the 达成 band (80–100 %), 中 in
 * 部分达成 (60–80 %), 差 below.
 */
const RATIO_LIMIT = 999_999;

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

export function toTarget(row: TargetRow): Target | null {
  if (row.kind === null) return null;
  return {
    raw: row.raw ?? '',
    kind: row.kind,
    comparator: row.comparator,
    value: toNumber(row.value),
    upper: toNumber(row.upper),
    unit: row.unit,
    per: row.per,
  };
}

export function toIndicator(row: IndicatorRow): ReviewIndicator {
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    key: row.key,
    weight: toNumber(row.weight),
    annualTarget: toTarget(row.annual),
    periodTarget: toTarget(row.period),
  };
}

export function toEntry(row: ActualRow | undefined): IndicatorEntry | null {
  if (!row) return null;
  const reason = [row.deviationCategory, row.deviationText].filter((part) => part?.trim()).join('：');
  return {
    value: toNumber(row.value),
    text: row.text,
    grade: row.grade,
    deviationReason: reason || null,
    possibility: row.possibility,
    suggestion: row.suggestion,
    override: row.overrideScore === null ? null : { score: Number(row.overrideScore), reason: row.overrideReason ?? '' },
  };
}

/**
 * A digest of everything the result depends on, including whether the entry deadline has passed (the one input
 * that is the calendar, not a row): an unchanged hash means an unchanged result. The source's texts go in as read,
 * each with its length (so no text can pass for two), and the overrides applied to its actuals.
 */
export function inputsHash(source: ProjectSource, inputs: ProjectInputs, period: Period, asOf: string): string {
  let text = `${period.text}${asOf > entryDeadline(period) ? '+' : '-'}`;
  for (const value of [source.name, source.amount, source.goal, source.goalReference, source.spent, source.indicators]) text += digestText(value);
  for (const actual of inputs.actuals.values()) {
    if (actual.overrideScore !== null) text += `${actual.indicatorId}${digestText(actual.overrideScore)}${digestText(actual.overrideReason)}`;
  }
  return createHash('sha256').update(text).digest('hex');
}

const digestText = (value: string | null): string => (value === null ? '~' : `${value.length}:${value}`);

/** Scores one project for one period, lights it for a monitoring period, and runs the review rules. */
export function evaluateProject(inputs: ProjectInputs, period: Period, asOf: string): ProjectResult {
  const { project } = inputs;
  const indicators = inputs.indicators.map(toIndicator);
  const entries = inputs.indicators.map((row) => toEntry(inputs.actuals.get(row.id)));
  const budget = toNumber(project.amount);
  const spent = toNumber(inputs.spent);
  const score = scoreProject({ indicators, actuals: entries, budget, spent, period, entriesClosed: asOf > entryDeadline(period) });
  const monitoring = period.throughMonth === 12 ? null : monitorProject({ indicators, actuals: entries, budget, spent, period });

  const indicatorIds = inputs.indicators.map((row) => row.id);
  const targetFindings = reviewProject({ ...project, amount: budget, indicators }, DEFAULT_REGION_PROFILE, RECHECKED_PROJECT_RULES);
  const entryFindings = reviewEntries({ period, asOf, indicators, entries, budget, spent, scores: score.indicators });
  return {
    projectId: project.id,
    score: fixed(score.total, 2),
    grade: score.grade,
    executionRate: fixed(score.execution.rate, 6),
    executionScore: fixed(score.execution.score, 2),
    light: monitoring?.light ?? null,
    explanation: {
      total: score.explanation,
      execution: score.execution.explanation,
      ...(monitoring && { light: monitoring.light, budgetLight: monitoring.budget }),
    },
    indicators: score.indicators.map((result, index) => ({
      indicatorId: inputs.indicators[index].id,
      status: result.status,
      ratio: fixed(result.ratio === null ? null : Math.max(-RATIO_LIMIT, Math.min(RATIO_LIMIT, result.ratio)), 6),
      score: fixed(result.score, 2),
      weight: result.weight.toFixed(2),
      // Target, actual and formula are in the text (and the first two on their own rows); stored apart again they
      // would double the row.
      explanation: {
        text: result.explanation,
        ...(result.overAchieved && { overAchieved: true }),
        ...(result.issue && { issue: result.issue }),
        ...(monitoring && { light: monitoring.indicators[index] }),
      },
    })),
    flags: [...findingFlags(project.id, indicatorIds, targetFindings, null), ...findingFlags(project.id, indicatorIds, entryFindings, period.text)],
  };
}

/** One flag per subject and code, the first finding winning: findings with an indicator index sit on that indicator. */
export function findingFlags(projectId: string, indicatorIds: readonly string[], findings: readonly Finding[], period: string | null): FlagResult[] {
  const flags = new Map<string, FlagResult>();
  for (const finding of findings) {
    const indicatorId = finding.indicatorIndex === null ? undefined : indicatorIds[finding.indicatorIndex];
    const subjectId = indicatorId ?? projectId;
    const key = `${subjectId}/${finding.code}`;
    if (flags.has(key)) continue;
    flags.set(key, {
      subjectType: indicatorId ? 'indicator' : 'project',
      subjectId,
      projectId,
      code: finding.code,
      period,
      severity: finding.severity,
      message: finding.message,
      details: finding.details ?? {},
    });
  }
  return [...flags.values()];
}

export const FLAG_COLUMNS: BulkColumn<FlagResult>[] = [
  // Time-ordered ids: random ones made each insert into the primary key touch a page anywhere in the tree (~3× slower).
  { name: 'id', type: 'uuid', value: () => uuidV7() },
  { name: 'subjectType', type: 'flag_subject_type', value: (r) => r.subjectType },
  { name: 'subjectId', type: 'uuid', value: (r) => r.subjectId },
  { name: 'projectId', type: 'uuid', value: (r) => r.projectId },
  { name: 'code', type: 'varchar', value: (r) => r.code },
  { name: 'period', type: 'varchar', value: (r) => r.period },
  { name: 'severity', type: 'flag_severity', value: (r) => r.severity },
  { name: 'message', type: 'text', value: (r) => r.message },
  { name: 'details', type: 'jsonb', value: (r) => JSON.stringify(r.details) },
];

function fixed(value: number | null, digits: number): string | null {
  return value === null ? null : value.toFixed(digits);
}
