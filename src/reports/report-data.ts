import type { Grade, Light } from '@app/domain';

/**
 * Plain data behind the 自评表, 自评报告 and 绩效监控表 (domain.md §5, §5.1, §6). Money is in 元 here;
 * the forms show it in 万元. Scores and grades are the evaluation's results, never recomputed here.
 */

/** One line of a funds block, in 元; null where the unit has no figure. */
export interface FundsAmounts {
  initialBudget: number | null;
  annualBudget: number | null;
  executed: number | null;
}

export interface SelfEvaluationFunds {
  /** 年度资金总额: the only funds row that carries 分值 and 得分 (domain.md §4.2). */
  total: FundsAmounts & { weight: number; score: number | null };
  /** 其中：当年财政拨款 / 上年结转资金 / 其他资金. */
  fiscal: FundsAmounts;
  carryOver: FundsAmounts;
  other: FundsAmounts;
  /** The unit's explanation when 执行率 is below 90 %, as entered. */
  executionShortfallReason: string | null;
}

export interface SelfEvaluationIndicator {
  level1: string;
  level2: string;
  name: string;
  /** 年度指标值 as written, e.g. `≥390人`. */
  target: string;
  /** 实际完成值 as entered, e.g. `412人` or `达成年度指标`; null when nothing was entered. */
  actual: string | null;
  weight: number;
  /** null when the indicator could not be scored (no actual, placeholder target). */
  score: number | null;
  deviationReason: string | null;
}

export interface SelfEvaluationSheet {
  year: number;
  projectName: string;
  department: string;
  unitName: string;
  funds: SelfEvaluationFunds;
  goal: { expected: string | null; actual: string | null };
  /** In form order: rows of one 一级 and, inside it, one 二级 are contiguous. */
  indicators: SelfEvaluationIndicator[];
  totalScore: number;
  grade: Grade;
}

/** What the 自评报告 may say beyond the sheet, all of it stored with the project. */
export interface SelfEvaluationContext {
  category: string | null;
  parentProject: string | null;
  /** Last day of the period the actuals describe, e.g. `2025-12-31`. */
  dataAsOf: string;
  /** Number of actual values the unit entered for the period. */
  actualsEntered: number;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  subsections: ReportSection[];
}

export interface SelfEvaluationReport {
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

export const DEVIATION_CATEGORIES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];

export type CompletionLikelihood = 'certain' | 'possible' | 'impossible';

export interface MonitoringIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** 1–N月执行情况: the cumulative actual at the end of month N, as entered. */
  actualToDate: string | null;
  /** 全年预计完成情况. */
  expectedAnnual: string | null;
  deviationCategories: DeviationCategory[];
  deviationReason: string | null;
  likelihood: CompletionLikelihood | null;
  suggestion: string | null;
  light: Light | null;
}

export interface MonitoringProject {
  name: string;
  funds: {
    initialBudget: number | null;
    annualBudget: number | null;
    executedToDate: number | null;
    expectedAnnualExecution: number | null;
  };
  budgetLight: Light | null;
  goal: string | null;
  goalProgress: string | null;
  indicators: MonitoringIndicator[];
}

export interface MonitoringSheet {
  year: number;
  /** N of 1–N月. */
  throughMonth: number;
  department: string;
  unitName: string;
  projects: MonitoringProject[];
}
