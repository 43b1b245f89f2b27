import { gradeFor, round2 } from '@app/domain';
import { MonitoringSheet, SelfEvaluationContext, SelfEvaluationIndicator, SelfEvaluationSheet } from './report-data';

/**
 * Demonstration data in the shape the evaluation stores, for the sample render script, the render
 * benchmark and the specs. `variant` changes names and figures so that no two sheets are identical.
 */
export function sampleSelfEvaluationSheet(variant = 0): SelfEvaluationSheet {
  const indicator = (
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string | null,
    weight: number,
    score: number | null,
    deviationReason: string | null = null,
  ): SelfEvaluationIndicator => ({ level1, level2, name, target, actual, weight, score, deviationReason });
  const trained = 360 + (variant % 40);
  const indicators = [
    indicator('产出指标', '数量指标', '人员到位率', '100%', '100%', 10, 10),
    indicator('产出指标', '数量指标', '培训人数', '≥390人', `${trained}人`, 10, round2((trained / 390) * 10),
      '部分学员因防汛任务缺席，下年度将分批次组织补训。'),
    indicator('产出指标', '数量指标', '媒体宣传报道', '不低于30篇', '34篇', 10, 10),
    indicator('产出指标', '质量指标', '交办任务完成率', '完成率达到100%', '100%', 10, 10),
    indicator('产出指标', '时效指标', '驻镇帮镇扶村资金拨付及时率', '≥95%', '91%', 10, 9.58,
      '两笔资金因项目验收延迟拨付，已建立拨付台账按月跟踪。'),
    indicator('效益指标', '社会效益指标', '帮扶镇村集体经济收入增长', '有所提升', '达成年度指标', 15, 13.5),
    indicator('效益指标', '可持续影响指标', '驻镇帮扶长效机制', '建立并运行', null, 15, null),
    indicator('满意度指标', '服务对象满意度指标', '帮扶镇村群众满意度', '≥90%', '93%', 10, 10),
  ];
  const executed = 8_415_300 + variant * 100;
  const fundsScore = round2((executed / 9_620_000) * 10);
  // Unscored indicators are left out and the total re-scaled to 100 (domain.md §4.1).
  const scored = indicators.filter(({ score }) => score !== null);
  const scoredWeight = scored.reduce((sum, { weight }) => sum + weight, 10);
  const totalScore = round2((scored.reduce((sum, { score }) => sum + score!, fundsScore) / scoredWeight) * 100);
  return {
    year: 2025,
    projectName: `乡村振兴驻镇帮镇扶村工作经费${variant === 0 ? '' : `（${variant}）`}`,
    department: '广州市协作办公室',
    unitName: '广州市协作办公室',
    funds: {
      total: { initialBudget: 9_120_000, annualBudget: 9_620_000, executed, weight: 10, score: fundsScore },
      fiscal: { initialBudget: 9_120_000, annualBudget: 9_120_000, executed: executed - 400_000 },
      carryOver: { initialBudget: 0, annualBudget: 500_000, executed: 400_000 },
      other: { initialBudget: null, annualBudget: null, executed: null },
      executionShortfallReason: '部分帮扶项目验收延至次年一季度，尾款未能在年内支付。',
    },
    goal: {
      expected: '通过工作经费保障，完成省委、省政府交给广州市的乡村振兴驻镇帮镇扶村工作任务。',
      actual: '保障驻镇帮镇扶村工作队正常运转，完成年度帮扶任务，媒体宣传报道和培训均达到年度目标。',
    },
    indicators,
    totalScore,
    grade: gradeFor(totalScore),
  };
}

export function sampleSelfEvaluationContext(): SelfEvaluationContext {
  return { category: '特定目标类', parentProject: '对口帮扶和乡村振兴', dataAsOf: '2025-12-31', actualsEntered: 7 };
}

export function sampleMonitoringSheet(projectCount = 3): MonitoringSheet {
  return {
    year: 2025,
    throughMonth: 6,
    department: '广州市协作办公室',
    unitName: '广州市协作办公室',
    projects: Array.from({ length: projectCount }, (_, index) => ({
      name: `东西部协作工作经费（第${index + 1}批）`,
      funds: { initialBudget: 2_000_000, annualBudget: 2_400_000, executedToDate: 900_000 + index * 150_000, expectedAnnualExecution: 2_300_000 },
      budgetLight: index === 0 ? 'yellow' : 'green',
      goal: '组织开展东西部协作交流活动，推动产业合作项目落地。',
      goalProgress: '上半年完成交流活动4场，签约产业合作项目2个。',
      indicators: [
        {
          level1: '产出指标', level2: '数量指标', name: '举办交流活动场次', target: '≥8场', actualToDate: '4场',
          expectedAnnual: '8场', deviationCategories: [], deviationReason: null, likelihood: 'certain', suggestion: null, light: 'green',
        },
        {
          level1: '产出指标', level2: '数量指标', name: '签约产业合作项目', target: '≥6个', actualToDate: '2个',
          expectedAnnual: '5个', deviationCategories: ['经费保障', '其他'], deviationReason: '部分合作方资金未到位，签约推迟。',
          likelihood: 'possible', suggestion: '下半年加强项目对接，争取四季度集中签约。', light: 'yellow',
        },
        {
          level1: '效益指标', level2: '经济效益指标', name: '带动协作地区产业投资', target: '≥5亿元', actualToDate: '1.2亿元',
          expectedAnnual: '4亿元', deviationCategories: ['其他'], deviationReason: '受市场环境影响，投资进度放缓。',
          likelihood: 'impossible', suggestion: '申请调整年度指标值。', light: 'red',
        },
        {
          level1: '满意度指标', level2: '服务对象满意度指标', name: '协作地区满意度', target: '≥90%', actualToDate: null,
          expectedAnnual: '≥90%', deviationCategories: [], deviationReason: null, likelihood: 'certain', suggestion: null, light: null,
        },
      ],
    })),
  };
}
