import ExcelJS from 'exceljs';
import { worstLight } from '@app/domain';
import { renderMonitoringXlsx } from './report-renderers';
import { LIKELIHOOD_LABELS, WARNING_LIGHTS } from './report-format';
import { sampleMonitoringSheet } from './sample-reports';
import { readWorkbook } from './testing/read-workbook';

describe('监控表 XLSX', () => {
  const data = sampleMonitoringSheet(2);
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    [sheet] = (await readWorkbook(await renderMonitoringXlsx(data))).worksheets;
  });

  const masterRows = (column: string, matches: (value: ExcelJS.CellValue) => boolean) => {
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((candidate) => {
      const cell = candidate.getCell(column);
      if (cell.master.address === cell.address && matches(cell.value)) rows.push(candidate);
    });
    return rows;
  };

  it('titles the unit sheet with the period and sets landscape printing', () => {
    expect(sheet.getCell('A1').value).toBe('项目支出绩效目标执行监控表');
    expect(String(sheet.getCell('A2').value)).toContain(`${data.year}年1-${data.throughMonth}月`);
    expect(sheet.getCell('K1').master.address).toBe('A1');
    expect(sheet.pageSetup.orientation).toBe('landscape');
  });

  it('gives each project its funds in 万元 with the 1–N月 执行率', () => {
    const fundsHeadings = masterRows('A', (value) => value === '项目资金（万元）');
    expect(fundsHeadings).toHaveLength(data.projects.length);
    data.projects.forEach(({ funds }, index) => {
      const values = sheet.getRow(fundsHeadings[index].number + 1);
      expect(['C', 'D', 'E'].map((column) => values.getCell(column).value)).toEqual(
        [funds.initialBudget, funds.annualBudget, funds.executedToDate].map((yuan) => yuan! / 10_000),
      );
      expect(values.getCell('F').value).toBeCloseTo(funds.executedToDate! / funds.annualBudget!, 4);
      expect(values.getCell('G').value).toBe(funds.expectedAnnualExecution! / 10_000);
    });
    expect(sheet.getRow(fundsHeadings[0].number).getCell('E').value).toBe(`1-${data.throughMonth}月执行数`);
  });

  it('writes each indicator with 偏差原因, 完成目标可能性 and a coloured light', () => {
    const indicators = data.projects.flatMap(({ indicators: list }) => list);
    const rows = masterRows('C', (value) => indicators.some(({ name }) => name === value));
    expect(rows).toHaveLength(indicators.length);
    rows.forEach((indicatorRow, index) => {
      const indicator = indicators[index];
      expect(indicatorRow.getCell('C').value).toBe(indicator.name);
      expect(indicatorRow.getCell('G').value).toBe(indicator.deviationCategories.join('、') || null);
      expect(indicatorRow.getCell('H').value).toBe(indicator.deviationReason);
      expect(indicatorRow.getCell('I').value).toBe(indicator.likelihood && LIKELIHOOD_LABELS[indicator.likelihood]);
      const light = indicatorRow.getCell('K');
      expect(light.value).toBe(indicator.light && WARNING_LIGHTS[indicator.light].label);
      const fill = light.fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb ?? null).toBe(indicator.light && `FF${WARNING_LIGHTS[indicator.light].color}`);
    });
  });

  it('shows on each project the worst of its lights', () => {
    const projectRows = masterRows('A', (value) => value === '项目名称');
    data.projects.forEach((project, index) => {
      const expected = worstLight([project.budgetLight, ...project.indicators.map(({ light }) => light)]);
      expect(projectRows[index].getCell('K').value).toBe(expected && WARNING_LIGHTS[expected].label);
    });
  });
});
