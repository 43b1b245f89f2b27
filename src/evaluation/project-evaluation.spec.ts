import { type Period, parsePeriod } from '@app/domain';
import {
  ActualRow,
  IndicatorRow,
  Override,
  ProjectInputs,
  ProjectSource,
  TargetRow,
  evaluateProject,
  inputsHash,
  readProjectInputs,
  toEntry,
  toTarget,
} from './project-evaluation';

const NO_TARGET: TargetRow = { raw: null, kind: null, comparator: null, value: null, upper: null, unit: null, per: null };
const target = (raw: string, value: string | null, kind: TargetRow['kind'] = 'quantitative'): TargetRow => ({
  ...NO_TARGET,
  raw,
  kind,
  comparator: kind === 'quantitative' ? 'gte' : null,
  value,
  unit: kind === 'quantitative' ? '个' : null,
});

const indicator = (id: string, level1: string, level2: string, annual: TargetRow): IndicatorRow => ({
  id,
  level1,
  level2,
  name: `${level2} ${id}`,
  key: false,
  weight: null,
  annual,
  period: NO_TARGET,
});

const actual = (indicatorId: string, value: string | null, extra: Partial<ActualRow> = {}): ActualRow => ({
  indicatorId,
  value,
  text: null,
  grade: null,
  deviationCategory: null,
  deviationText: null,
  possibility: null,
  suggestion: null,
  overrideScore: null,
  overrideReason: null,
  ...extra,
});

function inputs(actuals: ActualRow[], annual2 = target('≥10个', '10')): ProjectInputs {
  return {
    project: { id: 'p1', name: '示例项目', amount: '100000.00', goal: '完成建设任务', goalReference: null },
    indicators: [
      indicator('i1', '产出指标', '数量指标', target('≥100个', '100')),
      indicator('i2', '效益指标', '社会效益指标', annual2),
      indicator('i3', '满意度指标', '服务对象满意度指标', target('≥90%', '90')),
    ],
    actuals: new Map(actuals.map((row) => [row.indicatorId, row])),
    spent: '100000.00',
  };
}

/** The source Postgres would return for these inputs (INDICATOR_VALUES per indicator). */
function sourceOf({ project, indicators, actuals, spent }: ProjectInputs): ProjectSource {
  const targetValues = (t: TargetRow) => [t.raw, t.kind, t.comparator, t.value, t.upper, t.unit, t.per];
  const values = indicators.map((row) => {
    const actual = actuals.get(row.id);
    return [
      ...[row.id, row.level1, row.level2, row.name, row.key, row.weight, ...targetValues(row.annual), ...targetValues(row.period)],
      ...[actual !== undefined, actual?.value, actual?.text, actual?.grade, actual?.deviationCategory, actual?.deviationText],
      ...[actual?.possibility, actual?.suggestion],
    ].map((value) => value ?? null);
  });
  return { ...project, spent, indicators: values.length > 0 ? JSON.stringify(values) : null };
}

const NO_OVERRIDES = new Map<string, Override>();
const hashOf = (projectInputs: ProjectInputs, period: Period, asOf: string, overrides = NO_OVERRIDES) => {
  const source = sourceOf(projectInputs);
  return inputsHash(source, readProjectInputs(source, overrides), period, asOf);
};

const YEAR = parsePeriod('2025');
const BEFORE_DEADLINE = '2025-12-01';

describe(toEntry.name, () => {
  it("carries a reviewer's override into the scoring input, and none when there is no override", () => {
    expect(toEntry(actual('i1', '80', { overrideScore: '7.50', overrideReason: '目标值设定偏低' }))?.override).toEqual({
      score: 7.5,
      reason: '目标值设定偏低',
    });
    expect(toEntry(actual('i1', '80'))?.override).toBeNull();
  });

  it('joins the 偏差原因 category and text into one reason, and none when both are blank', () => {
    expect(toEntry(actual('i1', '1', { deviationCategory: '经费保障', deviationText: '资金下达较晚' }))?.deviationReason).toBe('经费保障：资金下达较晚');
    expect(toEntry(actual('i1', '1', { deviationText: '  ' }))?.deviationReason).toBeNull();
  });
});

describe(toTarget.name, () => {
  it('reads numeric columns as numbers and an absent target as null', () => {
    expect(toTarget(target('≥100个', '100'))).toMatchObject({ kind: 'quantitative', comparator: 'gte', value: 100 });
    expect(toTarget(NO_TARGET)).toBeNull();
  });
});

describe(readProjectInputs.name, () => {
  it('reads every column of the indicators and their actuals into its field, and overrides onto the actuals they score', () => {
    const read = inputs([
      actual('i1', '80', { text: '基本完成', deviationCategory: '经费保障', deviationText: '资金下达较晚', possibility: 'possible', suggestion: '加快进度' }),
      actual('i3', null, { grade: 'partial' }),
    ]);
    read.indicators[0] = { ...read.indicators[0], key: true, weight: '20.00', period: { ...target('≥50个', '50'), upper: '60', per: 'month' } };
    const overrides = new Map([
      ['i1', { score: '7.50', reason: '目标值设定偏低' }],
      ['i2', { score: '5.00', reason: '无实际值，不应生效' }],
    ]);
    const expected = { ...read, actuals: new Map(read.actuals) };
    expected.actuals.set('i1', { ...read.actuals.get('i1')!, overrideScore: '7.50', overrideReason: '目标值设定偏低' });
    expect(readProjectInputs(sourceOf(read), overrides)).toEqual(expected);
  });

  it('reads a project without indicators', () => {
    const empty = { ...inputs([]), indicators: [] };
    expect(readProjectInputs(sourceOf(empty), NO_OVERRIDES)).toEqual(empty);
  });
});

describe(inputsHash.name, () => {
  const base = inputs([actual('i1', '100')]);

  it.each([
    ['an actual changes', inputs([actual('i1', '99')]), YEAR, BEFORE_DEADLINE],
    ['an actual is added', inputs([actual('i1', '100'), actual('i2', '10')]), YEAR, BEFORE_DEADLINE],
    ['a target changes', inputs([actual('i1', '100')], target('≥12个', '12')), YEAR, BEFORE_DEADLINE],
    ['the 执行数 changes', { ...base, spent: '90000.00' }, YEAR, BEFORE_DEADLINE],
    ['the entry deadline passes', base, YEAR, '2026-03-01'],
    ['the period differs', base, parsePeriod('2025-06'), BEFORE_DEADLINE],
  ])('changes when %s', (_, changed, period, asOf) => {
    expect(hashOf(changed, period, asOf)).not.toBe(hashOf(base, YEAR, BEFORE_DEADLINE));
  });

  it("changes when a reviewer overrides an actual's score", () => {
    expect(hashOf(base, YEAR, BEFORE_DEADLINE, new Map([['i1', { score: '7.50', reason: '目标值设定偏低' }]]))).not.toBe(hashOf(base, YEAR, BEFORE_DEADLINE));
  });

  it('tells apart the same characters split differently across two columns', () => {
    const split = { ...base, project: { ...base.project, goal: '完成建设', goalReference: '任务' } };
    const moved = { ...base, project: { ...base.project, goal: '完成建设任', goalReference: '务' } };
    expect(hashOf(split, YEAR, BEFORE_DEADLINE)).not.toBe(hashOf(moved, YEAR, BEFORE_DEADLINE));
  });

  it('stays the same for the same inputs on another day before the deadline', () => {
    expect(hashOf(base, YEAR, '2025-11-01')).toBe(hashOf(inputs([actual('i1', '100')]), YEAR, BEFORE_DEADLINE));
  });
});

describe(evaluateProject.name, () => {
  it('scores every indicator, totals and grades the project, and raises no entry flag when all is met', () => {
    const result = evaluateProject(inputs([actual('i1', '100'), actual('i2', '10'), actual('i3', '95')]), YEAR, BEFORE_DEADLINE);
    expect(result.indicators.map((row) => row.status)).toEqual(['met', 'met', 'met']);
    expect(result).toMatchObject({ score: '100.00', grade: '优', executionRate: '100.000000', light: null });
    expect(result.flags.filter((flag) => flag.details.period === '2025')).toEqual([]);
  });

  it('leaves a placeholder target out as not scorable and flags it R04 on the indicator', () => {
    const result = evaluateProject(inputs([actual('i1', '100'), actual('i3', '95')], target('XX', null, 'placeholder')), YEAR, BEFORE_DEADLINE);
    expect(result.indicators[1]).toMatchObject({ indicatorId: 'i2', status: 'not_scorable', score: null });
    expect(result.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'R04', subjectType: 'indicator', subjectId: 'i2' })]));
  });

  it('flags a target missed without a reason on the indicator, for the period evaluated', () => {
    const result = evaluateProject(inputs([actual('i1', '50'), actual('i2', '10'), actual('i3', '95')]), YEAR, BEFORE_DEADLINE);
    expect(result.flags).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'DEVIATION_REASON_MISSING', subjectId: 'i1', details: expect.objectContaining({ period: '2025' }) })]),
    );
  });

  it('lights a monitoring period, over-shoot as blue', () => {
    const overShooting = { ...inputs([actual('i1', '100'), actual('i2', '10'), actual('i3', '95')]), spent: null };
    const result = evaluateProject(overShooting, parsePeriod('2025-03'), '2025-04-01');
    expect(result.light).toBe('blue');
    expect(result.explanation.light).toBe('blue');
  });
});
