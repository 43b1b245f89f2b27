import type { IndicatorForScoring } from '../scoring/indicator-input';
import { DEFAULT_REGION_PROFILE, type RegionProfile } from '../scoring/region-profile';
import type { Grade } from '../scoring/score-project';
import type { Finding } from './finding';
import { PROJECT_RULES } from './project-rules';

/** An indicator as review sees it; the importer's ParsedIndicator is assignable to it. */
export interface ReviewIndicator extends IndicatorForScoring {
  /** 指标解释 / 指标值说明: formula, scope or how a qualitative target is judged. */
  explanation?: string | null;
  /** Last year's actual, for R11 (soft target); the rule stays silent without it. */
  lastYearActual?: number | null;
  /** 预算支出标准 for cost indicators, for R12; the rule stays silent without it. */
  spendingStandard?: number | null;
}

/** A project as review sees it; the importer's ParsedProject is assignable to it without conversion. */
export interface ReviewProject {
  name: string;
  /** 元 */
  amount?: number | null;
  goal?: string | null;
  goalReference?: string | null;
  indicators: readonly ReviewIndicator[];
}

const ALL_RULES: readonly string[] = Object.keys(PROJECT_RULES);

/** The import-time rules R01–R18 (domain.md §7.2), or those of `codes`, in rule order. */
export function reviewProject(project: ReviewProject, profile: RegionProfile = DEFAULT_REGION_PROFILE, codes: readonly string[] = ALL_RULES): Finding[] {
  const findings: Finding[] = [];
  for (const code of codes) findings.push(...PROJECT_RULES[code](project, profile));
  return findings;
}

/**
 * The grade review suggests (§7.2): a project with no targets at all (R01) is 差, any other error
 * makes it 中, warnings only 良, otherwise 优. Info findings do not lower the grade.
 */
export function suggestReviewGrade(findings: readonly Finding[]): Grade {
  if (findings.some((finding) => finding.code === 'R01')) return '差';
  if (findings.some((finding) => finding.severity === 'error')) return '中';
  if (findings.some((finding) => finding.severity === 'warning')) return '良';
  return '优';
}
