import {
  type Level1Pool,
  isPositiveTarget as isPositive,
  isReverseTarget as isReverse,
  isScorableTarget,
  level1OfLevel2,
  level1Pool,
} from '../scoring/indicator-input';
import type { RegionProfile } from '../scoring/region-profile';
import type { Target } from '../targets/target';
import { LEVEL1 } from '../taxonomy/indicator-levels';
import type { Finding, Severity } from './finding';
import type { ReviewIndicator, ReviewProject } from './review-project';

export type ProjectRule = (project: ReviewProject, profile: RegionProfile) => Finding[];

const MAX_NAME_LENGTH = 100;
const SOFT_SATISFACTION_BELOW = 80;
const SATISFACTION_LEVEL2 = '服务对象满意度指标';
const OUTPUT_COST_LEVEL2 = '成本指标';
const QUANTITY_LEVEL2 = '数量指标';

const POINTER_GOAL = /^详见/;
/** Text that stands in for a value: only symbols, XX/××, or 待定/待补充. A bare `-` test would reject negative numbers. */
const PLACEHOLDER_SYMBOLS = /^[\s*＊_＿/／\\—–\-－~～·.。…]*$/;
const PLACEHOLDER_WORDS = /^(?:待定|暂定|待填报|暂无)[。.…\s]*$|^待(?:单位)?补充|(?<![A-Za-z])[Xx×]{2,}(?![A-Za-z])/;
const VAGUE_TARGET = /有所|进一步|显著|明显|较好|有效|提升|提高|改善|增强|加强/;
const INPUT_AS_OUTPUT = /资金到位率|预算执行率|资金支付率|支付进度|资金拨付|拨付率|拨付进度|人员投入|资金使用率/;
const BENEFIT_WORDING = /^(?:带动|促进|推动|拉动|改善|提升|提高|增强)/;
const TASK_COMPLETION = /完成率/;
const GROWTH_RATE = /增长|增幅|增速|增加|下降|降低|减少|变化|同比|环比|偏差|误差/;

/** Words that place a name under a 二级 (R09): a name matching another 二级's words and not its own is misplaced. */
const LEVEL2_WORDS: Record<string, RegExp> = {
  经济效益指标: /经济|收入|增收|创收|产值|利润|税收|营业|销售|投资|消费/,
  社会效益指标: /社会|知名度|影响力|认知度|群众|民生|就业|宣传|公共服务|文化|教育|医疗|安全|稳定|帮扶/,
  生态效益指标: /生态|环境|污染|排放|绿化|节能|减排|碳|水质|空气|植被|森林|水土|垃圾/,
  可持续影响指标: /可持续|长效|长期/,
  经济成本指标: /经济成本|成本|费用|单价|资金|支出/,
  社会成本指标: /社会成本/,
  生态环境成本指标: /环境成本/,
};

const LEVEL2_NAMES = Object.keys(LEVEL2_WORDS);

const LEGACY_PLACEMENTS = new Set([`${LEVEL1.benefit}/${SATISFACTION_LEVEL2}`]);

type Build = (severity: Severity, message: string, details?: Record<string, unknown>) => Finding;

function projectFinding(code: string): Build {
  return (severity, message, details) => ({ code, severity, message, indicatorIndex: null, ...(details && { details }) });
}

/** Runs `check` on every indicator; it returns findings built with the indicator's index and name. */
function perIndicator(
  code: string,
  check: (indicator: ReviewIndicator, build: Build, index: number, project: ReviewProject, profile: RegionProfile) => Finding[] | Finding | null,
): ProjectRule {
  // A loop, not flatMap with a closure per indicator: review runs on every evaluation, and that was half its time.
  return (project, profile) => {
    const findings: Finding[] = [];
    let index = 0;
    const build: Build = (severity, message, details) => {
      const { name } = project.indicators[index];
      return { code, severity, message: `指标“${name.trim() || `第${index + 1}项`}”${message}`, indicatorIndex: index, details: { name, ...details } };
    };
    for (; index < project.indicators.length; index++) {
      const found = check(project.indicators[index], build, index, project, profile);
      if (Array.isArray(found)) findings.push(...found);
      else if (found) findings.push(found);
    }
    return findings;
  };
}

const isPointerOnly = (project: ReviewProject): boolean =>
  project.indicators.length === 0 && (!project.goal?.trim() || POINTER_GOAL.test(project.goal.trim()) || !!project.goalReference);

const isSatisfaction = (indicator: ReviewIndicator): boolean =>
  level1Pool(indicator) === 'satisfaction' || indicator.level2 === SATISFACTION_LEVEL2;

const isCost = (indicator: ReviewIndicator): boolean => level1Pool(indicator) === 'cost' || indicator.level2 === OUTPUT_COST_LEVEL2;

const isQuantitative = (target: Target | null | undefined): target is Target & { value: number } =>
  target?.kind === 'quantitative' && target.value != null;

const hasExplanation = (indicator: ReviewIndicator): boolean => !!indicator.explanation?.trim();

function isPlaceholder(target: Target): boolean {
  const raw = target.raw.trim();
  return !isScorableTarget(target) || PLACEHOLDER_SYMBOLS.test(raw) || PLACEHOLDER_WORDS.test(raw);
}

const LEVEL1_LABEL: Record<Level1Pool, string> = {
  output: LEVEL1.output,
  benefit: LEVEL1.benefit,
  satisfaction: LEVEL1.satisfaction,
  cost: LEVEL1.cost,
};

export const PROJECT_RULES: Record<string, ProjectRule> = {
  R01: (project) => {
    if (!isPointerOnly(project)) return [];
    const goal = project.goalReference ?? project.goal?.trim();
    return [
      projectFinding('R01')(
        'error',
        `项目“${project.name}”没有绩效指标，绩效目标${goal ? `只写了“${goal}”` : '为空'}，须补充完整的绩效目标和指标`,
        { goal: project.goal ?? null, goalReference: project.goalReference ?? null },
      ),
    ];
  },

  R02: (project) => {
    if (isPointerOnly(project)) return [];
    const pools = new Set(project.indicators.map(level1Pool));
    const missing = (['output', 'benefit'] as const).filter((pool) => !pools.has(pool)).map((pool) => LEVEL1_LABEL[pool]);
    return missing.length
      ? [projectFinding('R02')('error', `项目“${project.name}”缺少${missing.join('和')}，须按一级指标补充`, { missing })]
      : [];
  },

  R03: (project) =>
    project.indicators.length > 0 && !project.indicators.some(isSatisfaction)
      ? [projectFinding('R03')('warning', `项目“${project.name}”没有满意度指标；有服务对象的项目应设置服务对象满意度指标，否则自评时其分值将调至产出和效益指标`)]
      : [],

  R04: perIndicator('R04', (indicator, build) => {
    const annual = indicator.annualTarget;
    const blanks = [
      ...(!annual || isPlaceholder(annual) ? [`年度指标值“${annual?.raw || '空'}”`] : []),
      ...(indicator.periodTarget && isPlaceholder(indicator.periodTarget) ? [`实施周期指标值“${indicator.periodTarget.raw || '空'}”`] : []),
    ];
    return blanks.length
      ? build('error', `的${blanks.join('、')}是占位内容，须填写实际的指标值`, { annual: annual?.raw ?? null, period: indicator.periodTarget?.raw ?? null })
      : null;
  }),

  R05: perIndicator('R05', (indicator, build) => {
    const target = indicator.annualTarget;
    return target?.kind === 'quantitative' && target.comparator && !target.unit
      ? build('error', `是定量指标（${target.raw}），但没有度量单位，须注明单位（如“人”“次”“%”）`, { raw: target.raw })
      : null;
  }),

  R06: perIndicator('R06', (indicator, build) => {
    const target = indicator.annualTarget;
    if (target?.kind !== 'quantitative' || target.upper != null) return null;
    return !target.comparator || target.value == null
      ? build('error', `是定量指标，但指标值“${target.raw}”缺少比较符（≥、≤、=）或不是数值`, { raw: target.raw })
      : null;
  }),

  R07: perIndicator('R07', (indicator, build) => {
    const target = indicator.annualTarget;
    return target?.kind === 'qualitative' && VAGUE_TARGET.test(target.raw) && !hasExplanation(indicator)
      ? build('warning', `的指标值“${target.raw}”表述笼统，能量化的应写成具体数值，或在指标解释中写明衡量方法`, { raw: target.raw })
      : null;
  }),

  R08: perIndicator('R08', (indicator, build) => {
    const pool = level1Pool(indicator);
    return (pool === 'output' || pool === 'benefit') && INPUT_AS_OUTPUT.test(indicator.name)
      ? build('warning', `反映的是资金投入或过程（预算执行率另行计分），不宜作为${LEVEL1_LABEL[pool]}`, { level1: LEVEL1_LABEL[pool] })
      : null;
  }),

  R09: (project, profile) => [...misplacedIndicators(project, profile), ...duplicatedCost(project)],

  R10: perIndicator('R10', (indicator, build, index, project) => {
    const name = indicator.name.trim();
    if (!name) return build('error', '的名称为空，须填写三级指标名称');
    if (name.length > MAX_NAME_LENGTH) {
      return build('error', `的名称有 ${name.length} 个字，超过 ${MAX_NAME_LENGTH} 字上限，须精简`, { length: name.length });
    }
    const first = project.indicators.findIndex((other) => other.name.trim() === name);
    return first < index ? build('warning', `与第${first + 1}项指标重名，须合并或区分`, { firstIndex: first }) : null;
  }),

  R11: perIndicator('R11', (indicator, build) => {
    const target = indicator.annualTarget;
    if (!isQuantitative(target)) return null;
    const soft: string[] = [];
    const percentFloor = target.unit === '%' && isPositive(target);
    if (percentFloor && TASK_COMPLETION.test(indicator.name) && target.value < 100) soft.push(`任务完成率目标仅 ${target.value}%，低于 100%`);
    if (percentFloor && isSatisfaction(indicator) && target.value < SOFT_SATISFACTION_BELOW) {
      soft.push(`满意度目标仅 ${target.value}%，低于 ${SOFT_SATISFACTION_BELOW}%`);
    }
    const last = indicator.lastYearActual;
    if (last != null && ((isPositive(target) && target.value <= last) || (isReverse(target) && target.value >= last))) {
      soft.push(`目标值 ${target.value} 未优于上年实际 ${last}`);
    }
    return soft.length ? build('warning', `目标偏低：${soft.join('；')}`, { reasons: soft }) : null;
  }),

  R12: perIndicator('R12', (indicator, build, _index, project) => {
    const target = indicator.annualTarget;
    if (!isCost(indicator) || !isQuantitative(target)) return null;
    const findings: Finding[] = [];
    if (!isReverse(target)) findings.push(build('warning', `是成本指标，一般应设为“≤”（不高于），现为“${target.raw}”`, { raw: target.raw }));
    if (target.unit === '元' && project.amount != null && target.value > project.amount) {
      findings.push(build('error', `的成本 ${target.value} 元超过项目预算 ${project.amount} 元`, { value: target.value, amount: project.amount }));
    }
    const standard = indicator.spendingStandard;
    if (standard != null && target.value > standard) {
      findings.push(build('error', `的成本 ${target.value} 超过预算支出标准 ${standard}`, { value: target.value, standard }));
    }
    return findings;
  }),

  R13: perIndicator('R13', (indicator, build) => {
    const { annualTarget: annual, periodTarget: period } = indicator;
    if (!isQuantitative(annual) || !isQuantitative(period)) return null;
    const cumulative = indicator.level2 === QUANTITY_LEVEL2 || isCost(indicator);
    const comparable = annual.unit === period.unit && annual.per === period.per && annual.unit !== '%';
    return cumulative && comparable && annual.value > period.value
      ? build('error', `的年度指标值 ${annual.raw} 大于实施周期指标值 ${period.raw}，累计数量或成本的年度值不应超过实施周期值`, {
          annual: annual.value,
          period: period.value,
        })
      : null;
  }),

  R14: (project, profile) => {
    const weights = project.indicators.map((indicator) => indicator.weight);
    const nonPositive = nonPositiveWeights(project, profile);
    const expected = 100 - profile.weights.execution;
    const given = weights.filter((weight): weight is number => weight != null);
    const sum = given.reduce((total, weight) => total + weight, 0);
    const sumWrong = given.length > 0 && given.length === weights.length && Math.abs(sum - expected) > 0.005;
    return sumWrong
      ? [
          ...nonPositive,
          projectFinding('R14')(
            'error',
            `项目“${project.name}”的指标分值合计 ${Number(sum.toFixed(2))}，应为 ${expected}（另有预算执行率 ${profile.weights.execution} 分）`,
            { sum, expected },
          ),
        ]
      : nonPositive;
  },

  R15: (project, profile) => {
    const kinds = project.indicators.map((indicator) => indicator.annualTarget?.kind).filter((kind) => kind === 'quantitative' || kind === 'qualitative');
    const share = kinds.length ? (kinds.filter((kind) => kind === 'qualitative').length / kinds.length) * 100 : 0;
    return share > profile.qualitativeShareAbove
      ? [
          projectFinding('R15')('warning', `项目“${project.name}”的定性指标占 ${Math.round(share)}%，超过 ${profile.qualitativeShareAbove}%；应以定量指标为主`, {
            share,
          }),
        ]
      : [];
  },

  R16: perIndicator('R16', (indicator, build) => {
    const target = indicator.annualTarget;
    if (!isQuantitative(target) || target.unit !== '%' || GROWTH_RATE.test(indicator.name)) return null;
    const overHundred = (isPositive(target) || target.upper != null) && Math.max(target.value, target.upper ?? 0) > 100;
    return target.value < 0 || overHundred
      ? build('error', `的比率目标 ${target.raw} 超出 0–100% 的合理范围`, { value: target.value, upper: target.upper ?? null })
      : null;
  }),

  R17: perIndicator('R17', (indicator, build) =>
    indicator.annualTarget?.upper != null && !hasExplanation(indicator)
      ? build('error', `的指标值“${indicator.annualTarget.raw}”是区间或公式（定量其他），须在指标值说明中写明计算和评分方法`)
      : null,
  ),

  R18: (project, profile) =>
    profile.requireCoreIndicator && project.indicators.length > 0 && !project.indicators.some((indicator) => indicator.key)
      ? [projectFinding('R18')('info', `项目“${project.name}”没有标注核心绩效指标（★）`)]
      : [],
};

const nonPositiveWeights = perIndicator('R14', (indicator, build) =>
  indicator.weight != null && indicator.weight <= 0 ? build('error', `的分值为 ${indicator.weight}，须大于 0`, { weight: indicator.weight }) : null,
);

const misplacedIndicators = perIndicator('R09', (indicator, build) => {
  const reasons: string[] = [];
  if (/满意/.test(indicator.name) && !isSatisfaction(indicator)) reasons.push('是满意度指标，应列在“满意度指标—服务对象满意度指标”下');
  if (level1Pool(indicator) === 'output' && BENEFIT_WORDING.test(indicator.name)) reasons.push('描述的是效益，不宜列为产出指标');
  const level2 = indicator.level2;
  if (level2) {
    const own = LEVEL2_WORDS[level2];
    const other = LEVEL2_NAMES.find((candidate) => candidate !== level2 && LEVEL2_WORDS[candidate].test(indicator.name));
    if (own && other && !own.test(indicator.name)) reasons.push(`名称内容更像“${other}”，与所列二级指标“${level2}”不符`);
    const expectedLevel1 = level1OfLevel2(level2);
    const placement = `${indicator.level1}/${level2}`;
    if (indicator.level1 && expectedLevel1 && indicator.level1 !== expectedLevel1 && !LEGACY_PLACEMENTS.has(placement)) {
      reasons.push(`所列二级指标“${level2}”不属于一级指标“${indicator.level1}”`);
    }
  }
  return reasons.length ? build('warning', `层级可能有误：${reasons.join('；')}（请核对，系统不会自动更正）`, { level1: indicator.level1, level2 }) : null;
});

function duplicatedCost(project: ReviewProject): Finding[] {
  const outputCost = project.indicators.some((indicator) => indicator.level2 === OUTPUT_COST_LEVEL2 && level1Pool(indicator) === 'output');
  const ownCost = project.indicators.some((indicator) => level1Pool(indicator) === 'cost');
  return outputCost && ownCost
    ? [projectFinding('R09')('warning', `项目“${project.name}”同时设有“产出指标—成本指标”和一级“成本指标”，请核对是否重复`)]
    : [];
}
