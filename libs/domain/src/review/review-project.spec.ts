import type { ParsedProject } from '@app/importer';
import { type RegionProfileOverrides, regionProfile } from '../scoring/region-profile';
import { indicator, placeholder, qualitative, quantitative, range } from '../testing/target-fixtures';
import type { Target } from '../targets/target';
import type { Finding } from './finding';
import { type ReviewIndicator, type ReviewProject, reviewProject, suggestReviewGrade } from './review-project';

const CLEAN: ReviewProject = {
  name: '对口帮扶干部培训',
  amount: 1_000_000,
  goal: '完成年度干部培训任务，提高帮扶干部履职能力',
  goalReference: null,
  indicators: [
    indicator('数量指标', '培训人数', quantitative('gte', 390, '人')),
    indicator('质量指标', '培训合格率', quantitative('gte', 95, '%')),
    indicator('时效指标', '培训完成时限', quantitative('lte', 12, '月')),
    indicator('成本指标', '人均培训成本', quantitative('lte', 4000, '元/人')),
    indicator('社会效益指标', '帮扶地区干部履职能力达标率', quantitative('gte', 90, '%')),
    indicator('可持续影响指标', '帮扶长效机制', qualitative('建立并运行')),
    indicator('服务对象满意度指标', '参训人员满意度', quantitative('gte', 90, '%')),
  ],
};
const SATISFACTION = 6;

const withIndicator = (index: number, replacement: Partial<ReviewIndicator>): ReviewProject => ({
  ...CLEAN,
  indicators: CLEAN.indicators.map((original, at) => (at === index ? { ...original, ...replacement } : original)),
});
const adding = (...extra: ReviewIndicator[]): ReviewProject => ({ ...CLEAN, indicators: [...CLEAN.indicators, ...extra] });
const target = (annualTarget: Target | null) => ({ annualTarget });
const withoutIndicators = (goal: string | null, goalReference: string | null = null): ReviewProject => ({
  ...CLEAN,
  goal,
  goalReference,
  indicators: [],
});
const onlyLevels = (...level2s: string[]): ReviewProject => ({
  ...CLEAN,
  indicators: level2s.map((level2, index) => indicator(level2, `指标${index}`, quantitative('gte', 1, '个'))),
});
const weighted = (...weights: (number | null)[]): ReviewProject => ({
  ...CLEAN,
  indicators: CLEAN.indicators.map((original, index) => ({ ...original, weight: weights[index] ?? null })),
});
const EIGHTY_FIVE = [20, 10, 10, 10, 15, 10, 10];

type Row = [code: string, scenario: string, project: ReviewProject, fires: Finding['severity'] | null, indicatorIndex?: number | null, overrides?: RegionProfileOverrides];

describe('import-time review rules R01–R18 (domain.md §7.2)', () => {
  it('finds nothing wrong with a well-formed project', () => {
    expect(reviewProject(CLEAN)).toEqual([]);
  });

  it.each<Row>([
    ['R01', 'goal only points to another table', withoutIndicators('详见单位的项目绩效目标表'), 'error', null],
    ['R01', 'goal reference set and no indicators', withoutIndicators('年度目标见附件', '详见单位的项目绩效目标表'), 'error', null],
    ['R01', 'no goal and no indicators', withoutIndicators(null), 'error', null],
    ['R01', 'a goal reference with indicators present', { ...CLEAN, goalReference: '详见单位的项目绩效目标表' }, null],
    ['R02', 'only 产出 indicators', onlyLevels('数量指标', '质量指标'), 'error', null],
    ['R02', 'only 效益 indicators', onlyLevels('社会效益指标'), 'error', null],
    ['R02', 'a real goal but no indicators', withoutIndicators('完成年度培训任务'), 'error', null],
    ['R02', 'no level labels at all', { ...CLEAN, indicators: CLEAN.indicators.map((row) => ({ ...row, level1: null, level2: null })) }, 'error', null],
    ['R02', '产出 and 效益 both present', onlyLevels('数量指标', '经济效益指标'), null],
    ['R03', 'no 满意度 indicator', { ...CLEAN, indicators: CLEAN.indicators.slice(0, SATISFACTION) }, 'warning', null],
    ['R03', '满意度 placed under 效益 (legacy layout)', withIndicator(SATISFACTION, { level1: '效益指标' }), null],
    ['R04', 'placeholder 待单位补充', withIndicator(0, target(placeholder())), 'error', 0],
    ['R04', 'XX written for the number', withIndicator(0, target(qualitative('XX人'))), 'error', 0],
    ['R04', 'asterisks', withIndicator(0, target(qualitative('**'))), 'error', 0],
    ['R04', 'a slash', withIndicator(0, target(qualitative('/'))), 'error', 0],
    ['R04', 'a dash', withIndicator(0, target(qualitative('—'))), 'error', 0],
    ['R04', '待定', withIndicator(0, target(qualitative('待定'))), 'error', 0],
    ['R04', 'no annual target', withIndicator(0, target(null)), 'error', 0],
    ['R04', 'a placeholder period target', withIndicator(0, { periodTarget: placeholder('XX') }), 'error', 0],
    ['R04', 'a negative number is a value, not a placeholder', withIndicator(4, target(quantitative('gte', -5, '%', { raw: '≥-5%' }))), null],
    ['R04', 'text that merely starts with 暂无', withIndicator(5, target(qualitative('暂无安全事故'))), null],
    ['R05', 'quantitative target without a unit', withIndicator(0, target(quantitative('gte', 390))), 'error', 0],
    ['R05', 'a percentage has its unit', withIndicator(1, target(quantitative('eq', 100, '%'))), null],
    ['R06', 'quantitative without a comparator', withIndicator(0, target({ ...quantitative('gte', 390, '人'), comparator: null })), 'error', 0],
    ['R06', 'quantitative without a number', withIndicator(0, target({ ...quantitative('gte', 390, '人'), value: null })), 'error', 0],
    ['R06', 'a range is 定量(其他), not R06', withIndicator(1, { annualTarget: range(80, 90, '%'), explanation: '抽检合格率' }), null],
    ['R07', 'vague 有所提升 without a measure', withIndicator(5, target(qualitative('有所提升'))), 'warning', 5],
    ['R07', 'vague 显著改善 without a measure', withIndicator(5, target(qualitative('显著改善'))), 'warning', 5],
    ['R07', 'vague text with a measure in 指标解释', withIndicator(5, { annualTarget: qualitative('有所提升'), explanation: '以年度考核排名衡量' }), null],
    ['R07', 'a plain qualitative target', withIndicator(5, target(qualitative('合规'))), null],
    ['R08', '资金支付率 as an output', withIndicator(0, { name: '资金支付率' }), 'warning', 0],
    ['R08', '预算执行率 as a benefit', withIndicator(4, { name: '预算执行率' }), 'warning', 4],
    ['R08', 'a real output', withIndicator(0, { name: '培训期数' }), null],
    ['R09', '生态效益 code with a name about 知名度', adding(indicator('生态效益指标', '提升援藏工作知名度', qualitative('提升'), { explanation: '媒体报道次数' })), 'warning', 7],
    ['R09', '社会成本 level with the name 可持续影响指标', withIndicator(3, indicator('社会成本指标', '可持续影响指标', quantitative('lte', 1, '项'))), 'warning', 3],
    ['R09', '满意度 named under 质量', withIndicator(1, { name: '培训满意度' }), 'warning', 1],
    ['R09', '效益 wording under 产出', withIndicator(0, { name: '带动就业人数' }), 'warning', 0],
    ['R09', '二级 from another 一级', withIndicator(0, { level1: '产出指标', level2: '社会效益指标', name: '帮扶项目数' }), 'warning', 0],
    ['R09', 'a 生态效益 name under 生态效益', adding(indicator('生态效益指标', '森林覆盖率', quantitative('gte', 60, '%'))), null],
    ['R09', '产出-成本 and 一级 成本 together', adding(indicator('经济成本指标', '项目总成本', quantitative('lte', 900_000, '元'))), 'warning', null],
    ['R10', 'an empty name', withIndicator(0, { name: ' ' }), 'error', 0],
    ['R10', 'a name over 100 characters', withIndicator(0, { name: '培'.repeat(101) }), 'error', 0],
    ['R10', 'a name of exactly 100 characters', withIndicator(0, { name: '培'.repeat(100) }), null],
    ['R10', 'a duplicate name', adding(indicator('数量指标', '培训人数', quantitative('gte', 10, '人'))), 'warning', 7],
    ['R11', 'task completion rate below 100 %', withIndicator(1, { name: '培训任务完成率' }), 'warning', 1],
    ['R11', 'task completion rate of 100 %', withIndicator(1, { name: '培训任务完成率', annualTarget: quantitative('gte', 100, '%') }), null],
    ['R11', 'satisfaction below 80 %', withIndicator(SATISFACTION, target(quantitative('gte', 75, '%'))), 'warning', SATISFACTION],
    ['R11', 'satisfaction of 80 %', withIndicator(SATISFACTION, target(quantitative('gte', 80, '%'))), null],
    ['R11', 'target not above last year’s actual', withIndicator(0, { lastYearActual: 400 }), 'warning', 0],
    ['R11', 'target above last year’s actual', withIndicator(0, { lastYearActual: 300 }), null],
    ['R11', 'cost limit looser than last year’s actual', withIndicator(3, { lastYearActual: 3500 }), 'warning', 3],
    ['R11', 'no last-year figure given', CLEAN, null],
    ['R12', 'cost set as ≥', withIndicator(3, target(quantitative('gte', 4000, '元/人'))), 'warning', 3],
    ['R12', 'cost above the project budget', withIndicator(3, target(quantitative('lte', 2_000_000, '元'))), 'error', 3],
    ['R12', 'cost above the spending standard', withIndicator(3, { spendingStandard: 3000 }), 'error', 3],
    ['R12', 'cost within the spending standard', withIndicator(3, { spendingStandard: 5000 }), null],
    ['R13', 'annual count above the period count', withIndicator(0, { periodTarget: quantitative('gte', 300, '人') }), 'error', 0],
    ['R13', 'annual count within the period count', withIndicator(0, { periodTarget: quantitative('gte', 1200, '人') }), null],
    ['R13', 'rates are not cumulative', withIndicator(1, { level2: '数量指标', periodTarget: quantitative('gte', 90, '%') }), null],
    ['R14', 'a zero weight', weighted(0, 10, 10, 10, 30, 20, 10), 'error', 0],
    ['R14', 'weights summing to 85', weighted(...EIGHTY_FIVE), 'error', null],
    ['R14', 'weights summing to 90', weighted(20, 10, 10, 10, 20, 10, 10), null],
    ['R14', 'weights on only some indicators', weighted(20, 10), null],
    ['R14', 'weights summing to 80 where 执行率 has 20', weighted(20, 10, 10, 10, 10, 10, 10), null, null, { weights: { execution: 20 } }],
    ['R15', 'four of seven qualitative', { ...CLEAN, indicators: CLEAN.indicators.map((row, index) => (index < 3 ? { ...row, annualTarget: qualitative('完成') } : row)) }, 'warning', null],
    ['R15', 'four of seven qualitative under a 60 % threshold', { ...CLEAN, indicators: CLEAN.indicators.map((row, index) => (index < 3 ? { ...row, annualTarget: qualitative('完成') } : row)) }, null, null, { qualitativeShareAbove: 60 }],
    [
      'R15',
      'exactly half qualitative is not above the threshold',
      {
        ...CLEAN,
        indicators: [...CLEAN.indicators, indicator('社会效益指标', '帮扶成效', qualitative('明显'), { explanation: '以考核结果衡量' })].map((row, index) =>
          index < 2 ? { ...row, annualTarget: qualitative('完成') } : row,
        ),
      },
      null,
    ],
    ['R16', 'a rate above 100 %', withIndicator(1, target(quantitative('gte', 120, '%'))), 'error', 1],
    ['R16', 'a bare rate above 100 % (eq)', withIndicator(1, target(quantitative('eq', 105, '%'))), 'error', 1],
    ['R16', 'a negative rate', withIndicator(1, target(quantitative('gte', -5, '%'))), 'error', 1],
    ['R16', 'a range reaching above 100 %', withIndicator(1, { annualTarget: range(80, 110, '%'), explanation: '抽检' }), 'error', 1],
    ['R16', 'a growth rate above 100 %', withIndicator(1, { name: '产值增长率', annualTarget: quantitative('gte', 120, '%') }), null],
    ['R16', 'a ceiling above 100 %', withIndicator(1, target(quantitative('lte', 110, '%'))), null],
    ['R17', 'a range without an explanation', withIndicator(1, target(range(80, 90, '%'))), 'error', 1],
    ['R17', 'a range with an explanation', withIndicator(1, { annualTarget: range(80, 90, '%'), explanation: '按抽检合格率计' }), null],
    ['R18', 'no core indicator where the region requires one', CLEAN, 'info', null, { requireCoreIndicator: true }],
    ['R18', 'a core indicator present', withIndicator(0, { key: true }), null, null, { requireCoreIndicator: true }],
    ['R18', 'a region without the requirement', CLEAN, null],
  ])('%s %s', (code, _scenario, project, fires, indicatorIndex = null, overrides = {}) => {
    const findings = reviewProject(project, regionProfile(overrides)).filter((finding) => finding.code === code);
    if (!fires) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: fires, indicatorIndex });
    const subject = indicatorIndex === null ? project.name : project.indicators[indicatorIndex].name.trim() || `第${indicatorIndex + 1}项`;
    expect(findings[0].message).toContain(subject);
  });
});

describe('the suggested review grade', () => {
  const finding = (code: string, severity: Finding['severity']): Finding => ({ code, severity, message: '', indicatorIndex: null });

  it.each([
    ['no findings', [], '优'],
    ['only info', [finding('R18', 'info')], '优'],
    ['a warning', [finding('R03', 'warning'), finding('R18', 'info')], '良'],
    ['an error', [finding('R05', 'error'), finding('R03', 'warning')], '中'],
    ['a project with no targets at all', [finding('R01', 'error')], '差'],
  ] as const)('%s → %s', (_scenario, findings, grade) => {
    expect(suggestReviewGrade(findings)).toBe(grade);
  });
});

describe('reviewing what the importer produced', () => {
  it('takes a ParsedProject without conversion and flags its placeholders', () => {
    const parsed: ParsedProject = {
      unitCode: null,
      unitName: '广州市协作办公室',
      parentProject: null,
      name: '对口支援工作经费',
      category: '特定目标类',
      amount: 500_000,
      funding: null,
      goal: '保障对口支援工作正常开展',
      goalReference: null,
      indicators: [
        { seq: 1, level1: '产出指标', level2: '数量指标', name: '派驻干部人数', key: false, periodTarget: placeholder(), annualTarget: placeholder() },
        { seq: 2, level1: '效益指标', level2: '社会效益指标', name: '受援地区发展', key: false, periodTarget: null, annualTarget: qualitative('正向提升') },
      ],
    };
    const codes = reviewProject(parsed).map((finding) => `${finding.code}@${finding.indicatorIndex}`);
    expect(codes).toEqual(expect.arrayContaining(['R04@0', 'R03@null', 'R07@1']));
  });
});
