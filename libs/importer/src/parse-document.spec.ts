import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocumentError, parseDocument } from './parse-document';

const fixtures = resolve(__dirname, '../../../test/fixtures/import');
const parseFixture = (kind: 'ok' | 'not-ok', name: string) =>
  parseDocument({ fileName: name, content: readFileSync(join(fixtures, kind, name)) });
const text = (content: string) => parseDocument({ fileName: 'table.txt', content: Buffer.from(content) });

describe(parseDocument.name, () => {
  it.each([
    ['export-columns-operator.tsv', 'columns', 2, 7],
    ['self-evaluation-ziping.csv', 'columns', 1, 4],
    ['monitoring-markdown.md', 'columns', 1, 3],
    ['inline-other-wording.txt', 'inline', 2, 5],
    ['numbered-page-split.tsv', 'numbered', 2, 3],
    ['goals-only.csv', 'goals', 2, 0],
  ])('detects the layout of %s as %s with %d projects and %d indicators', async (name, layout, projects, indicators) => {
    const document = await parseFixture('ok', name);
    expect(document.layout).toBe(layout);
    expect(document.projects).toHaveLength(projects);
    expect(document.projects.flatMap((project) => project.indicators)).toHaveLength(indicators);
  });

  it.each([
    ['invalid-empty.txt', 'EMPTY'],
    ['invalid-no-layout.txt', 'NO_LAYOUT'],
    ['invalid-binary.txt', 'UNREADABLE'],
    ['invalid-corrupt-xlsx.xlsx', 'UNREADABLE'],
  ])('rejects %s with %s and a message naming the file', async (name, code) => {
    const rejection = parseFixture('not-ok', name);
    await expect(rejection).rejects.toBeInstanceOf(DocumentError);
    await expect(rejection).rejects.toMatchObject({ code, message: expect.stringContaining(name) });
  });

  it('covers every not-ok fixture', () => {
    expect(readdirSync(join(fixtures, 'not-ok'))).toHaveLength(4);
  });

  it('rejects an unknown --layout name', async () => {
    await expect(parseDocument({ fileName: 'x.txt', content: Buffer.from('a') }, { layout: 'nope' })).rejects.toMatchObject({
      code: 'UNKNOWN_LAYOUT',
    });
  });

  describe('inline layout', () => {
    const header = '单位代码\t单位名称\t一级项目名称\t二级项目名称\t项目类别\t金额\t绩效指标\n';
    const row = (indicators: string) => text(`单位：万元\n${header}001\t某局\t一级\t某项目\t特定目标类\t28.882\t${indicators}\n`);

    it('converts 万元 amounts to 元', async () => {
      expect((await row('数量指标: 次数≥2次')).projects[0]).toMatchObject({ amount: 288820, unitCode: '001', parentProject: '一级' });
    });

    it.each([
      ['数量指标: 资金支付率≥90%', { level2: '数量指标', name: '资金支付率', key: false }],
      ['社会效益: 认知度定性发挥作用', { level1: '效益指标', name: '认知度', annualTarget: expect.objectContaining({ kind: 'qualitative' }) }],
      ['★举办展会数量≥1次/场', { level1: null, level2: null, name: '举办展会数量', key: true }],
      ['时效指标: 完成年度目标定性2023年', { name: '完成年度目标', annualTarget: expect.objectContaining({ raw: '2023年', kind: 'qualitative' }) }],
      ['社会效益指标: 注重稳定性安全性,可用度≥99%', { name: '注重稳定性安全性,可用度', annualTarget: expect.objectContaining({ value: 99 }) }],
    ])('reads %s', async (cell, expected) => {
      expect((await row(cell)).projects[0].indicators[0]).toMatchObject(expected);
    });

    it('starts a new indicator at a label after a space without a separator', async () => {
      const { indicators } = (await row('社会效益指标:系统定性正常使用 质量指标:系统正常运行率≥98%')).projects[0];
      expect(indicators.map(({ name, level2 }) => [name, level2])).toEqual([
        ['系统', '社会效益指标'],
        ['系统正常运行率', '质量指标'],
      ]);
    });
  });

  describe('numbered layout', () => {
    const header = '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n';
    const item = (seq: number, name: string) => `${seq}、1-产出指标；11-数量指标；${name}；实施周期指标值:≥${seq}；年度指标值:≥${seq}。`;

    it('stitches a page-split list that opens before its named row and one that continues the row above', async () => {
      const document = await text(
        header +
          `甲单位\t10\t10\t\t\t\t\n` +
          `项目一\t1\t1\t\t\t目标一\t${item(1, 'A')}\n` +
          `\t\t\t\t\t\t${item(1, 'B')}${item(2, 'C').slice(0, 10)}\n` +
          `项目二\t2\t2\t\t\t目标二\t${item(2, 'C').slice(10)}${item(3, 'D')}\n` +
          `\t\t\t\t\t。补充\t${item(4, 'E')}\n`,
      );
      expect(document.projects.map((project) => [project.name, project.unitName, project.indicators.map((i) => i.name)])).toEqual([
        ['项目一', '甲单位', ['A']],
        ['项目二', '甲单位', ['B', 'C', 'D', 'E']],
      ]);
      expect(document.projects[1]).toMatchObject({ goal: '目标二。补充', funding: { fiscal: 20000, specialAccount: null, other: null } });
    });

    it.each([
      ['指标值', '1、产出指标；数量指标；补贴企业数；指标值:≥50家。2、满意度指标；满意度；企业满意度；指标值：≥90%。'],
      ['目标值', '1. 产出指标;数量指标;补贴企业数;目标值:≥50家;2. 满意度指标;满意度;企业满意度;目标值:≥90%'],
    ])('reads items whose single value is called %s', async (_label, cell) => {
      const document = await text(`${header}项目\t1\t1\t\t\t目标\t${cell}\n`);
      expect(document.layout).toBe('numbered');
      expect(document.projects[0].indicators).toEqual([
        expect.objectContaining({ seq: 1, level1: '产出指标', level2: '数量指标', name: '补贴企业数', periodTarget: null, annualTarget: expect.objectContaining({ value: 50, unit: '家' }) }),
        expect.objectContaining({ seq: 2, level1: '满意度指标', level2: '服务对象满意度指标', name: '企业满意度', annualTarget: expect.objectContaining({ value: 90 }) }),
      ]);
    });

    it('keeps a level code that disagrees with the name as the document has it', async () => {
      const document = await text(`${header}项目\t1\t1\t\t\t目标\t1、4-成本指标；42-社会成本指标；可持续影响指标；实施周期指标值:100%；年度指标值:100%。\n`);
      expect(document.projects[0].indicators[0]).toMatchObject({ level1: '成本指标', level2: '社会成本指标', name: '可持续影响指标' });
    });
  });

  it('reads a narrative-goal table broken over PDF lines', async () => {
    const document = await text(
      ['部门名称：某市某局 单位：万元', '单位名称 项目名称 金额 绩效目标', '合计 30.00', '某市', '某局', '甲项目 10.00', '推进甲', '工作。', '某市', '某局', '乙项', '目', '20.00', '完成乙。'].join('\n'),
    );
    expect(document.layout).toBe('narrative');
    expect(document.projects.map(({ name, amount, goal, unitName }) => ({ name, amount, goal, unitName }))).toEqual([
      { name: '甲项目', amount: 100000, goal: '推进甲工作。', unitName: '某市某局' },
      { name: '乙项目', amount: 200000, goal: '完成乙。', unitName: '某市某局' },
    ]);
  });

  it('reads project descriptions whose goal points to another table', async () => {
    const document = await text(
      ['甲业务费项目经费情况说明', '三、实施主体', '某办事处', '六、年度预算安排', '预算共1,050.5万元。', '七、绩效目标', '详见单位的项目绩效目标表。'].join('\n\n'),
    );
    expect(document.projects).toEqual([
      expect.objectContaining({ name: '甲业务费', unitName: '某办事处', amount: 10505000, goal: null, goalReference: '详见单位的项目绩效目标表' }),
    ]);
  });

  it('reads one 自评表 after another, each under its own 项目名称', async () => {
    const table = (project: string, indicator: string) =>
      `项目支出绩效自评表\n项目名称\t${project}\n主管部门\t某局\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n` +
      `产出指标\t数量指标\t${indicator}\t≥10次\t12次\t50\t50\n\t质量指标\t合格率\t100%\t100%\t50\t50\n`;
    const document = await text(table('甲项目', '培训次数') + '\n' + table('乙项目', '检查次数'));
    expect(document.projects.map(({ name, indicators }) => [name, indicators.map((i) => [i.level2, i.name, i.score])])).toEqual([
      ['甲项目', [['数量指标', '培训次数', 50], ['质量指标', '合格率', 50]]],
      ['乙项目', [['数量指标', '检查次数', 50], ['质量指标', '合格率', 50]]],
    ]);
  });

  it('reads a 自评表 with weights, actuals, scores and deviation reasons, blank level cells meaning "same as above"', async () => {
    const document = await parseFixture('ok', 'self-evaluation-ziping.csv');
    expect(document.projects[0].indicators[1]).toMatchObject({
      level1: '产出指标',
      level2: '质量指标',
      weight: 20,
      actual: expect.objectContaining({ value: 93, unit: '%' }),
      score: 18,
      deviationReason: '部分站点人手不足, 明年增加培训',
    });
  });
});
