import {
  Actual as ScoringActual,
  Grade,
  DEFAULT_REGION_PROFILE,
  deriveWeights,
  IndicatorForScoring,
  monitorProject,
  parseQualitativeGrade,
  QUALITATIVE_GRADE_LABELS,
  Period,
} from '@app/domain';
import type { CompletionPossibility, QualitativeGrade, TargetColumns } from '../database/entities';
import { toTarget } from '../evaluation/project-evaluation';
import {
  DEVIATION_CATEGORIES,
  DeviationCategory,
  MonitoringProject,
  SelfEvaluationContext,
  SelfEvaluationSheet,
} from './report-data';

/** A project as the report loader reads it: NUMERIC columns arrive as exact decimal strings. */
export interface ProjectRow {
  id: string;
  name: string;
  unitName: string;
  departmentName: string | null;
  category: string | null;
  parentName: string | null;
  amount: string | null;
  fundingFiscal: string | null;
  fundingSpecialAccount: string | null;
  fundingOther: string | null;
  goal: string | null;
  /** Cumulative 执行数 at the end of the period. */
  executed: string | null;
  score: string | null;
  grade: Grade | null;
  executionScore: string | null;
}

/** An indicator with its stored evaluation and actual for the period (all null when absent). */
export interface IndicatorRow {
  id: string;
  projectId: string;
  level1: string | null;
  level2: string | null;
  name: string;
  key: boolean;
  weight: string | null;
  annualTarget: TargetColumns;
  evaluatedWeight: string | null;
  evaluatedScore: string | null;
  actualValue: string | null;
  actualText: string | null;
  actualGrade: QualitativeGrade | null;
  deviationCategory: string | null;
  deviationText: string | null;
  possibility: CompletionPossibility | null;
  suggestion: string | null;
}

const toNumber = (decimal: string | null): number | null => (decimal === null ? null : Number(decimal));

function sumOrNull(...decimals: (string | null)[]): number | null {
  const present = decimals.filter((decimal): decimal is string => decimal !== null);
  return present.length === 0 ? null : present.reduce((total, decimal) => total + Number(decimal), 0);
}

export function forScoring(row: IndicatorRow): IndicatorForScoring {
  return { level1: row.level1, level2: row.level2, name: row.name, key: row.key, weight: toNumber(row.weight), annualTarget: toTarget(row.annualTarget) };
}

export function scoringActual(row: IndicatorRow): ScoringActual | null {
  if (row.actualValue === null && row.actualText === null && row.actualGrade === null) return null;
  return { value: toNumber(row.actualValue), text: row.actualText, grade: row.actualGrade ?? parseQualitativeGrade(row.actualText) };
}

/** 实际完成值 as the unit entered it: a number carries the target's unit (`412人`), else the text, else the grade's wording. */
export function actualText(row: IndicatorRow): string | null {
  if (row.actualValue !== null) return `${Number(row.actualValue)}${row.annualTarget.unit ?? ''}`;
  return row.actualText ?? (row.actualGrade && QUALITATIVE_GRADE_LABELS[row.actualGrade]);
}

/** 一级 / 二级 / 三级 and 年度指标值, as both forms print them. */
function formRowLabels(row: IndicatorRow) {
  return { level1: row.level1 ?? '', level2: row.level2 ?? '', name: row.name, target: row.annualTarget.raw ?? '' };
}

/** The evaluation's weights where it stored them, else the same derivation the scorer uses. */
function weights(indicators: IndicatorRow[]): number[] {
  const derived = deriveWeights(indicators.map(forScoring), DEFAULT_REGION_PROFILE);
  return indicators.map((row, index) => toNumber(row.evaluatedWeight) ?? derived[index]);
}

function deviationReason(row: IndicatorRow): string | null {
  if (row.deviationCategory === null) return row.deviationText;
  return row.deviationText === null ? row.deviationCategory : `${row.deviationCategory}：${row.deviationText}`;
}

export function selfEvaluationSheet(project: ProjectRow, indicators: IndicatorRow[], year: number): SelfEvaluationSheet {
  const budget = toNumber(project.amount);
  const indicatorWeights = weights(indicators);
  return {
    year,
    projectName: project.name,
    department: project.departmentName ?? project.unitName,
    unitName: project.unitName,
    funds: {
      total: {
        initialBudget: budget,
        annualBudget: budget,
        executed: toNumber(project.executed),
        weight: DEFAULT_REGION_PROFILE.weights.execution,
        score: toNumber(project.executionScore),
      },
      fiscal: { initialBudget: toNumber(project.fundingFiscal), annualBudget: toNumber(project.fundingFiscal), executed: null },
      carryOver: { initialBudget: null, annualBudget: null, executed: null },
      other: {
        initialBudget: sumOrNull(project.fundingSpecialAccount, project.fundingOther),
        annualBudget: sumOrNull(project.fundingSpecialAccount, project.fundingOther),
        executed: null,
      },
      executionShortfallReason: null,
    },
    goal: { expected: project.goal, actual: null },
    indicators: indicators.map((row, index) => ({
      ...formRowLabels(row),
      actual: actualText(row),
      weight: indicatorWeights[index],
      score: toNumber(row.evaluatedScore),
      deviationReason: deviationReason(row),
    })),
    totalScore: Number(project.score),
    grade: project.grade!,
  };
}

export function selfEvaluationContext(project: ProjectRow, indicators: IndicatorRow[], period: Period): SelfEvaluationContext {
  return {
    category: project.category,
    parentProject: project.parentName,
    dataAsOf: period.endDate,
    actualsEntered: indicators.filter((row) => scoringActual(row) !== null).length,
  };
}

function deviationCategories(row: IndicatorRow): DeviationCategory[] {
  return DEVIATION_CATEGORIES.filter((category) => category === row.deviationCategory);
}

/** One project of the 监控表, with the 双监控 lights of domain.md §6.3 for the cumulative actuals to date. */
export function monitoringProject(project: ProjectRow, indicators: IndicatorRow[], period: Period): MonitoringProject {
  const budget = toNumber(project.amount);
  const executed = toNumber(project.executed);
  const lights = monitorProject({
    indicators: indicators.map(forScoring),
    actuals: indicators.map(scoringActual),
    budget,
    spent: executed,
    period,
  });
  return {
    name: project.name,
    funds: { initialBudget: budget, annualBudget: budget, executedToDate: executed, expectedAnnualExecution: null },
    budgetLight: lights.budget.light,
    goal: project.goal,
    goalProgress: null,
    indicators: indicators.map((row, index) => ({
      ...formRowLabels(row),
      actualToDate: actualText(row),
      expectedAnnual: null,
      deviationCategories: deviationCategories(row),
      deviationReason: row.deviationText,
      likelihood: row.possibility,
      suggestion: row.suggestion,
      light: lights.indicators[index].light,
    })),
  };
}
