import ExcelJS from 'exceljs';
import { SelfEvaluationSheet } from './report-data';
import { renderSelfEvaluationXlsx } from './report-renderers';
import { sampleSelfEvaluationSheet } from './sample-reports';
import { readWorkbook } from './testing/read-workbook';

function rowWith(sheet: ExcelJS.Worksheet, column: string, text: string): ExcelJS.Row {
  const found: ExcelJS.Row[] = [];
  sheet.eachRow((candidate) => {
    const cell = candidate.getCell(column);
    if (cell.value === text && cell.master.address === cell.address) found.push(candidate);
  });
  if (found.length !== 1) throw new Error(`expected one row with ${column} = ${text}, found ${found.length}`);
  return found[0];
}

function spanOf(sheet: ExcelJS.Worksheet, address: string): number {
  const master = sheet.getCell(address);
  let rows = 1;
  while (sheet.getCell(master.row + rows, master.col).master.address === master.address) rows++;
  return rows;
}

describe('自评表 XLSX', () => {
  const data: SelfEvaluationSheet = sampleSelfEvaluationSheet(3);
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    sheet = (await readWorkbook(await renderSelfEvaluationXlsx([data]))).worksheets[0];
  });

  it('has the title merged across the form, in 宋体', () => {
    expect(sheet.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(sheet.getCell('I1').master.address).toBe('A1');
    expect(sheet.getCell('A1').font.name).toBe('宋体');
    expect(sheet.getCell('A2').value).toBe(`（${data.year}年度）`);
  });

  it('holds the identity block', () => {
    expect(rowWith(sheet, 'A', '项目名称').getCell('B').value).toBe(data.projectName);
    const identity = rowWith(sheet, 'A', '主管部门');
    expect(identity.getCell('B').value).toBe(data.department);
    expect(identity.getCell('G').value).toBe(data.unitName);
  });

  it.each([
    ['年度资金总额', 'total'],
    ['其中：当年财政拨款', 'fiscal'],
    ['上年结转资金', 'carryOver'],
  ] as const)('shows %s in 万元 as numbers, with its 执行率', (label, key) => {
    const amounts = data.funds[key];
    const fundsRow = rowWith(sheet, 'B', label);
    expect([fundsRow.getCell('D'), fundsRow.getCell('E'), fundsRow.getCell('F')].map((c) => c.value)).toEqual(
      [amounts.initialBudget, amounts.annualBudget, amounts.executed].map((yuan) => yuan! / 10_000),
    );
    expect(fundsRow.getCell('D').numFmt).toBe('#,##0.00');
    expect(fundsRow.getCell('H').value).toBeCloseTo(amounts.executed! / amounts.annualBudget!, 4);
    expect(fundsRow.getCell('H').numFmt).toBe('0.00%');
  });

  it('scores only the 年度资金总额 row; the 其中 rows show "—"', () => {
    const total = rowWith(sheet, 'B', '年度资金总额');
    expect([total.getCell('G').value, total.getCell('I').value]).toEqual([data.funds.total.weight, data.funds.total.score]);
    const fiscal = rowWith(sheet, 'B', '其中：当年财政拨款');
    expect([fiscal.getCell('G').value, fiscal.getCell('I').value]).toEqual(['—', '—']);
  });

  it('merges 项目资金（万元） over its header and four rows, and labels it in 万元', () => {
    const label = rowWith(sheet, 'A', '项目资金（万元）');
    expect(spanOf(sheet, `A${label.number}`)).toBe(5);
  });

  it('has one row per indicator with target, actual, 分值 and 得分', () => {
    for (const indicator of data.indicators) {
      const indicatorRow = rowWith(sheet, 'D', indicator.name);
      expect(['D', 'E', 'F', 'G', 'H', 'I'].map((column) => indicatorRow.getCell(column).value)).toEqual([
        indicator.name,
        indicator.target,
        indicator.actual,
        indicator.weight,
        indicator.score ?? '—',
        indicator.deviationReason,
      ]);
    }
  });

  it('merges the 一级 cells over their indicators and 绩效指标 over the whole block', () => {
    const level1Names = [...new Set(data.indicators.map(({ level1 }) => level1))];
    for (const level1 of level1Names) {
      const first = rowWith(sheet, 'D', data.indicators.find((indicator) => indicator.level1 === level1)!.name);
      expect(String(first.getCell('B').value)).toMatch(new RegExp(`^${level1}（`));
      expect(spanOf(sheet, `B${first.number}`)).toBe(data.indicators.filter((indicator) => indicator.level1 === level1).length);
    }
    const heading = rowWith(sheet, 'A', '绩效指标');
    expect(spanOf(sheet, `A${heading.number}`)).toBe(data.indicators.length + 1);
  });

  it('ends with 总分 equal to the evaluation total and the grade', () => {
    const total = rowWith(sheet, 'A', '总分');
    const indicatorWeights = data.indicators.reduce((sum, { weight }) => sum + weight, 0);
    expect(total.getCell('G').value).toBe(data.funds.total.weight + indicatorWeights);
    expect(total.getCell('H').value).toBe(data.totalScore);
    expect(total.getCell('I').value).toBe(`自评等级：${data.grade}`);
  });

  it('draws thin borders on every cell of a merged range', () => {
    const label = rowWith(sheet, 'A', '项目资金（万元）');
    const inside = sheet.getCell(`A${label.number + 2}`);
    expect(inside.border.left?.style).toBe('thin');
    expect(inside.border.bottom?.style).toBe('thin');
  });
});

describe('自评表 XLSX workbook', () => {
  it('gives every project its own sheet with a valid, unique name', async () => {
    const sameName = sampleSelfEvaluationSheet(0);
    const longName = { ...sampleSelfEvaluationSheet(1), projectName: `[2025]重点项目/专项:${'经费'.repeat(20)}` };

    const workbook = await readWorkbook(await renderSelfEvaluationXlsx([sameName, sameName, longName]));

    const names = workbook.worksheets.map(({ name }) => name);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(workbook.worksheets[2].getCell('B3').value).toBe(longName.projectName);
  });
});
