import { crc32, deflateRawSync } from 'node:zlib';
import { Workbook } from 'exceljs';
import { parseDocument } from './parse-document';
import type { ParsedIndicator } from './parsed-document';

/** Forms that budget systems of other cities, provinces and years publish; none of them is among the seeds. */

const tsv = (rows: string[][]): string => rows.map((cells) => cells.join('\t')).join('\n');
const parse = (content: string | Buffer, fileName = 'table.tsv') =>
  parseDocument({ fileName, content: typeof content === 'string' ? Buffer.from(content) : content });
const indicatorsOf = async (content: string | Buffer, fileName?: string): Promise<ParsedIndicator[]> =>
  (await parse(content, fileName)).projects.flatMap((project) => project.indicators);

describe('column-per-level tables with other header wordings', () => {
  it.each([
    ['指标类别 naming level1', ['项目名称', '指标类别', '二级指标', '指标名称', '年度指标值'], '产出指标', '数量指标'],
    ['指标类别 naming level2', ['项目名称', '指标类别', '指标内容', '计划值'], '产出指标', '数量指标'],
    ['三级指标 under 一级/二级', ['项目名称', '一级指标', '二级指标', '三级指标', '绩效目标值'], '产出指标', '数量指标'],
    ['指标名称 with 目标值', ['项目名称', '一级指标', '二级指标', '指标名称', '目标值'], '产出指标', '数量指标'],
    ['指标内容 with 指标值', ['项目名称', '一级指标', '二级指标', '指标内容', '指标值'], '产出指标', '数量指标'],
  ])('%s', async (_scenario, header, level1, level2) => {
    const levelCells = header.length === 4 ? ['数量指标'] : ['产出指标', '数量指标'];
    const content = tsv([header, ['农村饮水安全巩固', ...levelCells, '新建供水站', '≥12个']]);
    const [found] = await indicatorsOf(content);
    expect(found).toMatchObject({ level1, level2, name: '新建供水站', annualTarget: { comparator: 'gte', value: 12, unit: '个' } });
  });

  it('reads 一级 | 二级 | 三级 under a 绩效指标 group header', async () => {
    const content = tsv([
      ['项目名称', '绩效指标', '', '', '指标值'],
      ['', '一级', '二级', '三级', ''],
      ['农村饮水安全巩固', '产出', '数量', '新建供水站', '≥12个'],
    ]);
    expect((await indicatorsOf(content))[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '新建供水站', annualTarget: { value: 12 } });
  });

  it.each([
    ['度量单位', '度量单位', ['95', '%'], { comparator: 'eq', value: 95, unit: '%', raw: '95%' }],
    ['计量单位', '计量单位', ['1.2', '万亩'], { comparator: 'eq', value: 12000, unit: '亩' }],
    ['a unit already written in the value', '计量单位', ['≥90%', '%'], { comparator: 'gte', value: 90, unit: '%', raw: '≥90%' }],
    ['a qualitative value and a unit', '计量单位', ['有所提升', '%'], { kind: 'qualitative', raw: '有所提升' }],
  ])('joins the unit column to the value: %s', async (_scenario, unitHeader, [value, unit], target) => {
    const content = tsv([
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', unitHeader],
      ['高标准农田建设', '产出指标', '数量指标', '建设面积', value, unit],
    ]);
    expect((await indicatorsOf(content))[0].annualTarget).toMatchObject(target);
  });

  it.each([
    ['指标方向', '≥', 'gte'],
    ['指标方向', '>=', 'gte'],
    ['指标方向', '≦', 'lte'],
    ['指标方向', '=<', 'lte'],
    ['运算符', '大于等于', 'gte'],
    ['运算符', '不高于', 'lte'],
    ['计算符号', '＜', 'lt'],
    ['比较符', '=', 'eq'],
    ['指标性质', '正向', 'gte'],
    ['指标性质', '反向', 'lte'],
  ])('takes the comparator from a %s column written %s', async (header, operator, comparator) => {
    const content = tsv([
      ['项目名称', '一级指标', '二级指标', '三级指标', header, '指标值', '计量单位'],
      ['污水处理补助', '产出指标', '质量指标', '出水达标率', operator, '95', '%'],
    ]);
    expect((await indicatorsOf(content))[0].annualTarget).toMatchObject({ kind: 'quantitative', comparator, value: 95, unit: '%' });
  });

  it('reads 指标性质 (定量/定性) beside a separate 指标方向 column', async () => {
    const content = tsv([
      ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标方向', '指标值', '计量单位'],
      ['污水处理补助', '产出指标', '质量指标', '出水达标率', '定量', '正向', '95', '%'],
      ['', '', '', '运行管理规范性', '定性', '', '规范', ''],
    ]);
    const [quantitative, qualitative] = await indicatorsOf(content);
    expect(quantitative.annualTarget).toMatchObject({ comparator: 'gte', value: 95, unit: '%' });
    expect(qualitative.annualTarget).toMatchObject({ kind: 'qualitative', raw: '规范' });
  });

  it.each([
    ['自评表', ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']],
    ['自评表 with 指标权重 and 自评得分', ['一级指标', '二级指标', '三级指标', '目标值', '全年实际完成值', '指标权重', '自评得分', '未完成原因分析']],
    ['监控表', ['一级指标', '二级指标', '三级指标', '年度指标值', '实际值', '权重', '得分', '偏差原因']],
  ])('reads weight, actual, score and deviation reason of a %s', async (_scenario, header) => {
    const content = tsv([
      ['项目名称', '老年人助餐服务'],
      header,
      ['产出指标', '数量指标', '助餐服务人次', '≥5万人次', '4.6万人次', '20', '18.4', '部分站点装修停业'],
      ['', '', '', '', '', '', '', ''],
      ['总分', '', '', '', '', '100', '95', ''],
    ]);
    const [found, ...rest] = await indicatorsOf(content);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      name: '助餐服务人次',
      annualTarget: { comparator: 'gte', value: 50000, unit: '人次' },
      actual: { comparator: 'eq', value: 46000, unit: '人次' },
      weight: 20,
      score: 18.4,
      deviationReason: '部分站点装修停业',
    });
  });

  it.each([
    ['数量指标（20分）', '产出指标', '数量指标'],
    ['（一）数量指标', '产出指标', '数量指标'],
    ['1.社会效益', '效益指标', '社会效益指标'],
    ['二、满意度', '满意度指标', '服务对象满意度指标'],
  ])('reads a level2 cell written %s', async (cell, level1, level2) => {
    const content = tsv([
      ['项目名称', '二级指标', '三级指标', '指标值'],
      ['城乡环境整治', cell, '整治点位', '≥30个'],
    ]);
    expect((await indicatorsOf(content))[0]).toMatchObject({ level1, level2 });
  });

  it.each([
    ['指标内容', '培训人数≥100人', '培训人数', { comparator: 'gte', value: 100, unit: '人' }],
    ['指标名称', '课程合格率不低于95%', '课程合格率', { comparator: 'gte', value: 95, unit: '%' }],
    ['三级指标', '学员满意度：≥90%', '学员满意度', { comparator: 'gte', value: 90, unit: '%' }],
  ])('splits a %s cell holding both name and target when the table has no value column', async (header, cell, name, target) => {
    const content = tsv([
      ['项目名称', '一级指标', '二级指标', header],
      ['职业技能培训', '产出指标', '数量指标', cell],
    ]);
    const [found] = await indicatorsOf(content);
    expect(found.name).toBe(name);
    expect(found.annualTarget).toMatchObject(target);
  });

  it('takes seq from a 序号 column', async () => {
    const content = tsv([
      ['序号', '项目名称', '一级指标', '二级指标', '三级指标', '指标值'],
      ['1', '城乡环境整治', '产出指标', '数量指标', '整治点位', '≥30个'],
      ['2', '', '', '质量指标', '验收合格率', '100%'],
    ]);
    expect((await indicatorsOf(content)).map((found) => found.seq)).toEqual([1, 2]);
  });
});

describe('rows that are not indicators and merged-cell artefacts', () => {
  it.each([
    ['合计', ['合计', '', '', '', '', '']],
    ['小计 in the name column', ['', '', '', '小计', '', '']],
    ['总计 with amounts', ['总计', '', '', '', '', '350']],
    ['a spaced 合　计', ['合　计', '', '', '', '', '']],
  ])('ignores a %s row', async (_scenario, totalRow) => {
    const content = tsv([
      ['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '金额'],
      ['河道保洁', '产出指标', '数量指标', '保洁里程', '≥80公里', '350'],
      totalRow,
    ]);
    const document = await parse(content);
    expect(document.projects.map((project) => project.name)).toEqual(['河道保洁']);
    expect(document.projects[0].indicators.map((found) => found.name)).toEqual(['保洁里程']);
  });

  it('reads on after its header repeated at a page break', async () => {
    const header = ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'];
    const content = tsv([
      header,
      ['河道保洁', '产出指标', '数量指标', '保洁里程', '≥80公里'],
      header,
      ['', '', '质量指标', '保洁合格率', '≥95%'],
      ['污水处理', '产出指标', '数量指标', '处理量', '≥3万吨'],
    ]);
    expect((await parse(content)).projects.map((project) => [project.name, project.indicators.length])).toEqual([
      ['河道保洁', 2],
      ['污水处理', 1],
    ]);
  });

  it('reads values that merged cells repeat on every row as one project with inherited levels', async () => {
    const content = tsv([
      ['项目名称', '一级指标', '一级指标', '二级指标', '三级指标', '指标值'],
      ['河道保洁', '产出指标', '产出指标', '数量指标', '保洁里程', '≥80公里'],
      ['河道保洁', '产出指标', '产出指标', '数量指标', '保洁频次', '每日1次'],
      ['河道保洁', '效益指标', '效益指标', '生态效益', '水质达标率', '≥90%'],
    ]);
    const document = await parse(content);
    expect(document.projects).toHaveLength(1);
    expect(document.projects[0].indicators.map((found) => [found.level1, found.level2, found.name])).toEqual([
      ['产出指标', '数量指标', '保洁里程'],
      ['产出指标', '数量指标', '保洁频次'],
      ['效益指标', '生态效益指标', '水质达标率'],
    ]);
  });

  it('reads a key/value row whose label and value merged cells repeat', async () => {
    const content = tsv([
      ['项目名称', '项目名称', '河道保洁', '河道保洁', '河道保洁'],
      ['一级指标', '二级指标', '三级指标', '指标值', ''],
      ['产出指标', '数量指标', '保洁里程', '≥80公里', ''],
    ]);
    expect((await parse(content)).projects.map((project) => project.name)).toEqual(['河道保洁']);
  });
});

const declarationForm = (name: string, amountLabel: string, amount: string, indicators: string[][]): string[][] => [
  ['项目支出绩效目标申报表'],
  ['（2025年度）'],
  ['项目名称', name, '', ''],
  ['主管部门及代码', '[101]某市教育局', '实施单位', '某市第一中学'],
  ['项目资金（万元）', amountLabel, amount, ''],
  ['', '其中：财政拨款', amount, ''],
  ['', '其他资金', '0', ''],
  ['年度总体目标', `完成${name}，保障教学秩序。`, '', ''],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
  ...indicators.map((cells) => ['', ...cells]),
];

describe('项目支出绩效目标申报表 key/value forms followed by an indicator grid', () => {
  const twoForms = tsv([
    ...declarationForm('校舍维修改造', '年度资金总额', '120.5', [
      ['产出指标', '数量指标', '维修面积', '≥3000平方米'],
      ['', '时效指标', '完工时间', '8月底前'],
      ['效益指标', '社会效益指标', '安全隐患消除率', '100%'],
    ]),
    [''],
    ...declarationForm('教学设备购置', '资金总额', '80', [
      ['产出指标', '质量指标', '设备验收合格率', '100%'],
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
    ]),
  ]);

  it('reads each form as its own project with name, unit, amount in 元, funding and goal', async () => {
    const document = await parse(twoForms);
    expect(document.department).toBe('某市教育局');
    expect(document.year).toBe(2025);
    expect(document.projects.map((project) => [project.name, project.unitName, project.amount, project.funding?.fiscal, project.goal])).toEqual([
      ['校舍维修改造', '某市第一中学', 1205000, 1205000, '完成校舍维修改造，保障教学秩序。'],
      ['教学设备购置', '某市第一中学', 800000, 800000, '完成教学设备购置，保障教学秩序。'],
    ]);
    expect(document.projects.map((project) => project.indicators.map((found) => found.name))).toEqual([
      ['维修面积', '完工时间', '安全隐患消除率'],
      ['设备验收合格率', '师生满意度'],
    ]);
  });

  it('reads one form per worksheet of a workbook, merged label and value cells included, as its TSV twin', async () => {
    const forms = [
      declarationForm('校舍维修改造', '年度资金总额', '120.5', [['产出指标', '数量指标', '维修面积', '≥3000平方米']]),
      declarationForm('教学设备购置', '资金总额', '80', [['产出指标', '质量指标', '设备验收合格率', '100%']]),
    ];
    const workbook = new Workbook();
    forms.forEach((rows, index) => {
      const sheet = workbook.addWorksheet(`表${index + 1}`);
      rows.forEach((cells) => sheet.addRow(cells.map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))));
      sheet.mergeCells('A1:E1');
      sheet.mergeCells('B3:D3');
      sheet.mergeCells('A5:A7');
      sheet.mergeCells('B8:E8');
    });
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await parse(xlsx, '申报表.xlsx');
    const fromTsv = await parse(tsv(forms.flat()));
    expect(fromXlsx.projects.map((project) => [project.name, project.amount, project.goal, project.indicators.length])).toEqual([
      ['校舍维修改造', 1205000, '完成校舍维修改造，保障教学秩序。', 1],
      ['教学设备购置', 800000, '完成教学设备购置，保障教学秩序。', 1],
    ]);
    expect(fromXlsx).toEqual(fromTsv);
  });

  it.each([
    ['项目资金（万元）', '年度资金总额', '12', 120000],
    ['项目资金（元）', '年度资金总额', '120,000.00', 120000],
    ['资金总额（万元）', '', '1.5', 15000],
    ['年度资金总额', '', '30', 300000],
    ['项目总金额（元）', '', '8000', 8000],
    ['年度资金总额', '其中：财政拨款', '30', null],
  ])('reads the amount of %s %s %s as %p 元', async (label, subLabel, value, amount) => {
    const content = tsv([
      ['项目名称', '图书采购'],
      subLabel === '' ? [label, value] : [label, subLabel, value],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '采购册数', '≥2000册'],
    ]);
    expect((await parse(content)).projects[0].amount).toBe(amount);
  });

  it.each<[string, ...string[][]]>([
    ['年度目标', ['年度目标', '全年完成图书采购2000册']],
    ['总体目标 on the row below its sub-header', ['总体目标', '实施期目标', '年度目标'], ['', '三年完成6000册', '全年完成图书采购2000册']],
    ['年度总体目标 in a 自评表 with 预期目标 and 实际完成情况', ['年度总体目标', '预期目标', '实际完成情况'], ['', '全年完成图书采购2000册', '已完成1980册']],
  ])('reads the goal from %s', async (_scenario, ...goalRows) => {
    const content = tsv([
      ['项目名称', '图书采购'],
      ...goalRows,
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '采购册数', '≥2000册'],
    ]);
    expect((await parse(content)).projects[0].goal).toBe('全年完成图书采购2000册');
  });

  it.each([
    ['2025年城乡环境整治项目绩效目标表', '城乡环境整治项目'],
    ['城乡环境整治项目支出绩效自评表', '城乡环境整治项目'],
    ['老旧小区改造工程绩效目标申报表（2025年度）', '老旧小区改造工程'],
  ])('takes the project from the title %s when no cell names it', async (title, name) => {
    const content = tsv([[title], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '整治点位', '≥30个']]);
    expect((await parse(content)).projects.map((project) => project.name)).toEqual([name]);
  });

  it.each(['2025年度项目支出绩效目标申报表', '某市教育局2025年部门项目支出绩效目标表', '部门整体支出绩效目标表'])(
    'takes no project from the general title %s',
    async (title) => {
      const content = tsv([[title], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '整治点位', '≥30个']]);
      await expect(parse(content)).rejects.toMatchObject({ code: 'NO_LAYOUT' });
    },
  );

  it('reads a 项目支出绩效自评表 with a budget block, 年度总体目标 and a scored grid', async () => {
    const content = tsv([
      ['项目支出绩效自评表'],
      ['（2024年度）'],
      ['项目名称', '农机购置补贴', '', '', '', '', '', '', ''],
      ['主管部门', '某县农业农村局', '', '', '实施单位', '某县农机服务中心', '', '', ''],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''],
      ['', '年度资金总额', '500', '520', '510', '10', '98.1%', '9.8', ''],
      ['', '其中：当年财政拨款', '500', '520', '510', '', '', '', ''],
      ['年度总体目标', '预期目标', '', '', '', '实际完成情况', '', '', ''],
      ['', '补贴农机具1000台套', '', '', '', '补贴农机具1020台套', '', '', ''],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['', '产出指标', '数量指标', '补贴农机具数量', '≥1000台套', '1020台套', '40', '40', ''],
      ['', '效益指标', '经济效益指标', '农机化率提升', '≥1个百分点', '0.8个百分点', '30', '24', '补贴资金下达较晚'],
      ['', '满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '93%', '20', '20', ''],
      ['总分', '', '', '', '', '', '100', '93.8', ''],
    ]);
    const document = await parse(content);
    expect(document).toMatchObject({ department: '某县农业农村局', year: 2024 });
    expect(document.projects).toHaveLength(1);
    const [project] = document.projects;
    expect(project).toMatchObject({ name: '农机购置补贴', unitName: '某县农机服务中心', amount: 5000000, goal: '补贴农机具1000台套' });
    expect(project.indicators.map((found) => [found.name, found.weight, found.actual?.value, found.score, found.deviationReason])).toEqual([
      ['补贴农机具数量', 40, 1020, 40, null],
      ['农机化率提升', 30, 0.8, 24, '补贴资金下达较晚'],
      ['农户满意度', 20, 93, 20, null],
    ]);
  });
});

describe('项目支出绩效目标执行监控表 with 偏差原因分析 split into marked causes', () => {
  const monitoring = tsv([
    ['项目支出绩效目标执行监控表'],
    ['（2025年度）'],
    ['项目名称', '乡村道路养护', '', '', '主管部门', '某县交通运输局', '', '', '', '', '', '', ''],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '1-7月执行情况', '全年预计完成情况', '偏差原因分析', '', '', '', '', '完成目标可能性', ''],
    ['', '', '', '', '', '', '经费保障', '制度保障', '人员保障', '硬件条件保障', '其他', '确定能', '有可能'],
    ['产出指标', '数量指标', '养护里程', '≥120公里', '70公里', '120公里', '', '', '', '', '', '√', ''],
    ['', '时效指标', '完工时间', '11月底前', '进行中', '12月中旬', '√', '', '√', '', '', '', '√'],
    ['', '', '验收及时性', '及时', '未开始', '及时', '', '', '', '', '汛期延误', '', '√'],
  ]);

  it.each([
    [0, '养护里程', '70公里', null],
    [1, '完工时间', '进行中', '经费保障、人员保障'],
    [2, '验收及时性', '未开始', '汛期延误'],
  ])('indicator %d (%s): actual from 1-7月, reasons from the marked columns', async (index, name, actual, deviationReason) => {
    const found = (await indicatorsOf(monitoring))[index];
    expect(found).toMatchObject({ name, deviationReason, actual: { raw: actual } });
  });

  it('reads the form as one project of three indicators', async () => {
    const document = await parse(monitoring);
    expect(document).toMatchObject({ department: '某县交通运输局', year: 2025 });
    expect(document.projects.map((project) => [project.name, project.indicators.length])).toEqual([['乡村道路养护', 3]]);
  });
});

describe('HTML tables exported from web systems', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>绩效目标</title></head><body>
<h3>2025年度项目支出绩效目标表</h3>
<p>主管部门：某区民政局</p>
<table border="1">
  <thead><tr><th>项目名称</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr></thead>
  <tbody>
  <tr><td rowspan="3">困难群众&nbsp;救助</td><td rowspan="2">产出指标</td><td>数量指标</td><td>救助人次</td><td>&ge;1200人次</td></tr>
  <tr><td>时效指标</td><td>资金发放及时率</td><td>100%</td></tr>
  <tr><td>效益指标</td><td>社会效益指标</td><td>救助差错率</td><td>&lt;1%</td></tr>
  <tr><TD>养老服务&amp;补贴</TD><td colspan="2">满意度指标</td><td>老人满意度</td><td>&#8805;90&#x25;</td></tr>
  </tbody>
</table>
</body></html>`;

  it('reads rows, rowspan and colspan, entities and the text around the table', async () => {
    const document = await parse(page, 'export.html');
    expect(document).toMatchObject({ department: '某区民政局', year: 2025 });
    expect(document.projects.map((project) => project.name)).toEqual(['困难群众 救助', '养老服务&补贴']);
    expect(document.projects.flatMap((project) => project.indicators).map((found) => [found.level1, found.level2, found.name, found.annualTarget?.raw])).toEqual([
      ['产出指标', '数量指标', '救助人次', '≥1200人次'],
      ['产出指标', '时效指标', '资金发放及时率', '100%'],
      ['效益指标', '社会效益指标', '救助差错率', '<1%'],
      // The level1 cell spans the level2 column, which is left without a value.
      ['满意度指标', null, '老人满意度', '≥90%'],
    ]);
  });

  it.each([
    ['a file named .htm', 'table.htm'],
    ['HTML in a .txt file', 'table.txt'],
    ['an .xls file that is really HTML (a common web export)', 'table.xls'],
  ])('recognises %s', async (_scenario, fileName) => {
    expect((await indicatorsOf(page, fileName)).length).toBe(4);
  });
});

describe('Word documents (.docx)', () => {
  const paragraph = (text: string) => `<w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const cell = (text: string, properties = '') => `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>${properties}</w:tcPr>${paragraph(text)}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr w:rsidR="00B2"><w:trPr><w:jc w:val="center"/></w:trPr>${cells.join('')}</w:tr>`;
  const body = [
    paragraph('2025年度项目支出绩效目标表'),
    `<w:p><w:r><w:t>主管部门：</w:t></w:r><w:r><w:t>某市卫生健康委员会</w:t></w:r></w:p>`,
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>',
    row(cell('项目名称'), cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值')),
    row(cell('基层医疗卫生机构补助', '<w:vMerge w:val="restart"/>'), cell('产出指标', '<w:vMerge w:val="restart"/>'), cell('数量指标'), cell('补助机构数'), cell('≥45个')),
    row(cell('', '<w:vMerge/>'), cell('', '<w:vMerge/>'), cell('质量指标'), cell('资金拨付差错率'), cell('&lt;1%')),
    row(cell('', '<w:vMerge/>'), cell('满意度指标', '<w:gridSpan w:val="2"/>'), cell('群众满意度'), cell('≥90%')),
    '</w:tbl>',
    paragraph('注：指标值以年度计。'),
  ].join('');
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;

  it('reads paragraphs and a table with cells merged down and across', async () => {
    const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': documentXml });
    const document = await parse(docx, '绩效目标表.docx');
    expect(document).toMatchObject({ department: '某市卫生健康委员会', year: 2025 });
    expect(document.projects.map((project) => project.name)).toEqual(['基层医疗卫生机构补助']);
    expect(document.projects[0].indicators.map((found) => [found.level1, found.level2, found.name, found.annualTarget?.raw])).toEqual([
      ['产出指标', '数量指标', '补助机构数', '≥45个'],
      ['产出指标', '质量指标', '资金拨付差错率', '<1%'],
      ['满意度指标', null, '群众满意度', '≥90%'],
    ]);
  });

  it('refuses a damaged Word file as unreadable', async () => {
    const docx = zip({ 'word/document.xml': documentXml });
    const damaged = Buffer.concat([docx.subarray(0, 40), Buffer.alloc(20), docx.subarray(60)]);
    await expect(parse(damaged, 'broken.docx')).rejects.toMatchObject({ code: 'UNREADABLE', message: expect.stringContaining('broken.docx') });
  });
});

describe('files that need converting first', () => {
  it.each([
    ['an Office 97–2003 workbook', 'table.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), '另存为 .xlsx'],
    ['a PDF', 'table.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3])]), '导出为文本'],
  ])('refuses %s as unreadable, saying what to do', async (_scenario, fileName, content, advice) => {
    await expect(parse(content, fileName)).rejects.toMatchObject({ code: 'UNREADABLE', message: expect.stringContaining(advice) });
  });
});

describe('markdown tables copied from web pages', () => {
  it('decodes entities and drops tags in cells, after splitting on tags so that `&lt;` stays a comparator', async () => {
    const content = [
      '| 项目名称 | 一级指标 | 二级指标 | 三级指标 | 指标值 |',
      '| --- | --- | --- | --- | --- |',
      '| 河道保洁 | 产出指标 | 数量指标 | 保洁里程 | &ge;80公里 |',
      '| | | 质量指标 | 投诉率 | &gt;0.1%且&lt;1%<br> |',
      '| | 效益指标 | 生态效益 | <b>水质</b>&nbsp;达标率 | 95&#37; |',
    ].join('\n');
    const found = await indicatorsOf(content, 'export.md');
    expect(found.map((item) => [item.name, item.annualTarget?.raw])).toEqual([
      ['保洁里程', '≥80公里'],
      ['投诉率', '>0.1%且<1%'],
      ['水质 达标率', '95%'],
    ]);
    expect(found[1].annualTarget).toMatchObject({ comparator: 'gte', value: 0.1, upper: 1 });
  });
});

describe('indicators written inline in a project table, other provinces\' ways', () => {
  it.each([
    ['levels as a path before the name', '产出指标-数量指标-培训人数：≥100人；产出指标-质量指标-合格率：≥95%'],
    ['one item per level, separated by ，', '数量指标：培训人数≥100人，质量指标：合格率≥95%'],
    ['a value after a space, with no comparator', '数量指标：培训人数 100人；质量指标：合格率 95%'],
    ['a value after a colon, with no comparator', '数量指标：培训人数：100人；质量指标：合格率：95%'],
  ])('reads %s', async (_scenario, cell) => {
    const content = tsv([
      ['项目名称', '金额（万元）', '绩效指标'],
      ['职业技能培训', '50', cell],
    ]);
    const found = await indicatorsOf(content);
    expect(found.map((item) => [item.level1, item.level2, item.name, item.annualTarget?.value])).toEqual([
      ['产出指标', '数量指标', '培训人数', 100],
      ['产出指标', '质量指标', '合格率', 95],
    ]);
  });

  it('reads a tab-separated export whose multi-line cells Excel quoted', async () => {
    const content = '项目名称\t金额（万元）\t绩效指标\n职业技能培训\t50\t"数量指标：\n培训人数≥100人\n质量指标：\n""双证""获取率≥95%"\n';
    const document = await parse(content);
    expect(document.projects.map((project) => project.name)).toEqual(['职业技能培训']);
    expect(document.projects[0].indicators.map((item) => item.name)).toEqual(['培训人数', '"双证"获取率']);
  });

  it('reads a qualitative value after a colon', async () => {
    const content = tsv([
      ['项目名称', '金额（万元）', '绩效指标'],
      ['职业技能培训', '50', '质量指标：培训质量：良好'],
    ]);
    expect((await indicatorsOf(content))[0]).toMatchObject({ name: '培训质量', annualTarget: { kind: 'qualitative', raw: '良好' } });
  });
});

describe('full-width numbering and digits', () => {
  it.each([
    ['１、', '１、数量指标：培训人数≥１００人；２、质量指标：合格率≥９５％', [1, 2], [100, 95]],
    ['（１）', '（１）培训人数≥100人，（２）合格率≥95%', [1, 2], [100, 95]],
    ['（一） sections', '（一）产出指标：培训人数≥100人；（二）效益指标：就业率≥80%', [null, null], [100, 80]],
  ])('reads inline items numbered %s', async (_scenario, cell, seqs, values) => {
    const content = tsv([
      ['项目名称', '金额（万元）', '绩效指标'],
      ['职业技能培训', '50', cell],
    ]);
    const found = await indicatorsOf(content);
    expect(found.map((item) => item.seq)).toEqual(seqs);
    expect(found.map((item) => item.annualTarget?.value)).toEqual(values);
  });

  it('reads numbered items and values in full-width digits', async () => {
    const content = tsv([
      ['项目名称', '金额（万元）', '绩效指标'],
      ['职业技能培训', '50', '１、１-产出指标；１１-数量指标；培训人数；实施周期指标值:≥３９０人；年度指标值:≥１３０人。２、２-效益指标；２２-社会效益指标；就业率；实施周期指标值:≥８０%；年度指标值:≥８０%。'],
    ]);
    const found = await indicatorsOf(content);
    expect(found.map((item) => [item.seq, item.level2, item.name, item.periodTarget?.value, item.annualTarget?.value])).toEqual([
      [1, '数量指标', '培训人数', 390, 130],
      [2, '社会效益指标', '就业率', 80, 80],
    ]);
  });
});

describe('text encodings', () => {
  const table = tsv([
    ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'],
    ['道路养护', '产出指标', '数量指标', '养护里程', '≥120公里'],
  ]);
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

  it.each([
    ['UTF-8', Buffer.from(table)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(table)])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(table)])],
    ['UTF-16 LE without BOM', Buffer.from(table, 'utf16le')],
    ['GB18030', Buffer.from(gb18030(table))],
  ])('decodes %s', async (_scenario, content) => {
    const document = await parse(content);
    expect(document.projects[0].name).toBe('道路养护');
    expect(document.projects[0].indicators[0]).toMatchObject({ level1: '产出指标', name: '养护里程', annualTarget: { value: 120, unit: '公里' } });
  });

  it('decodes a GBK comma-separated export from Excel with a quoted cell', async () => {
    const csv = '项目名称,一级指标,二级指标,三级指标,指标值\r\n道路养护,产出指标,数量指标,"养护里程,含乡道",≥120公里\r\n';
    const document = await parse(Buffer.from(gb18030(csv)), 'export.csv');
    expect(document.projects[0].indicators[0].name).toBe('养护里程,含乡道');
  });
});

describe('the department as forms label it', () => {
  it.each([
    [['主管部门：某市水利局'], '某市水利局'],
    [['填报单位（盖章）：某市水利局'], '某市水利局'],
    [['部门（单位）名称：某市水利局'], '某市水利局'],
    [['主管部门及代码', '某市水利局（301001）'], '某市水利局'],
    [['预算部门', '301001-某市水利局'], '某市水利局'],
  ])('reads %j as %s', async (line, department) => {
    const content = tsv([line, ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'], ['河道保洁', '产出指标', '数量指标', '保洁里程', '≥80公里']]);
    expect((await parse(content)).department).toBe(department);
  });
});

describe('several tables in one file', () => {
  it('reads tables with different headers one after another', async () => {
    const content = tsv([
      ['2025年部门项目支出绩效目标表'],
      ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'],
      ['道路养护', '产出指标', '数量指标', '养护里程', '≥120公里'],
      [''],
      ['2025年部门项目支出绩效自评表'],
      ['项目名称', '一级指标', '二级指标', '指标名称', '计量单位', '目标值', '实际值', '分值', '得分'],
      ['桥梁检测', '产出指标', '数量指标', '检测座数', '座', '40', '42', '50', '50'],
      ['', '', '质量指标', '检测报告合格率', '%', '100', '100', '50', '50'],
    ]);
    const document = await parse(content);
    expect(document.projects.map((project) => [project.name, project.indicators.length])).toEqual([
      ['道路养护', 1],
      ['桥梁检测', 2],
    ]);
    expect(document.projects[1].indicators[0]).toMatchObject({ annualTarget: { value: 40, unit: '座' }, actual: { value: 42, unit: '座' }, weight: 50 });
  });
});

/** GB18030 bytes for the test text: node encodes only UTF-8/16, so the few characters used are looked up by decoding. */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = codes.get(char);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

/** A ZIP archive of deflated entries, as Word writes a .docx. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const deflated = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    directory.push(entry, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}
