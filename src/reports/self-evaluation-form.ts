import { formatNumber } from '@app/domain';
import { cell, Form, FormCell, headingRow, levelCells, row, tableHeadingRow } from './form';
import { FundsAmounts, SelfEvaluationSheet } from './report-data';
import { executionRate } from './report-format';

const NOT_SCORED = '—';

/** The 项目支出绩效自评表 of domain.md §5 (the 池州 layout): one form per project. */
export function selfEvaluationForm(sheet: SelfEvaluationSheet): Form {
  const { funds, indicators } = sheet;
  const money = (amounts: FundsAmounts): FormCell[] =>
    [amounts.initialBudget, amounts.annualBudget, amounts.executed].map((yuan) => cell(yuan, { format: 'wanYuan' }));
  const rate = (amounts: FundsAmounts) =>
    cell(executionRate(amounts.executed, amounts.annualBudget), { format: 'percent' });
  const partOfTotal = (label: string, amounts: FundsAmounts) =>
    row(cell(label, { colSpan: 2 }), ...money(amounts), cell(NOT_SCORED), rate(amounts), cell(NOT_SCORED));
  const text = (value: string | null, colSpan: number) => cell(value, { colSpan, align: 'left' });
  const leading = levelCells(
    indicators,
    (level1, run) => `${level1}（${formatNumber(run.reduce((sum, { weight }) => sum + weight, 0))}分）`,
  );
  const totalWeight = indicators.reduce((sum, { weight }) => sum + weight, funds.total.weight);

  return {
    sheetName: sheet.projectName,
    title: '项目支出绩效自评表',
    subtitle: `（${sheet.year}年度）`,
    columnWidths: [11, 11, 11, 20, 12, 12, 8, 9, 28],
    landscape: false,
    rows: [
      row(cell('项目名称', { bold: true }), text(sheet.projectName, 8)),
      row(cell('主管部门', { bold: true }), text(sheet.department, 3), cell('实施单位', { bold: true, colSpan: 2 }), text(sheet.unitName, 3)),
      headingRow(
        cell('项目资金（万元）', { bold: true, rowSpan: 5 }),
        cell('', { colSpan: 2 }),
        ...['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ),
      row(
        cell('年度资金总额', { colSpan: 2 }),
        ...money(funds.total),
        cell(funds.total.weight),
        rate(funds.total),
        cell(funds.total.score),
      ),
      partOfTotal('其中：当年财政拨款', funds.fiscal),
      partOfTotal('上年结转资金', funds.carryOver),
      partOfTotal('其他资金', funds.other),
      headingRow(
        cell('年度总体目标', { bold: true, rowSpan: 2 }),
        cell('预期目标', { bold: true, colSpan: 4 }),
        cell('实际完成情况', { bold: true, colSpan: 4 }),
      ),
      row(text(sheet.goal.expected, 4), text(sheet.goal.actual, 4)),
      tableHeadingRow(
        cell('绩效指标', { bold: true, rowSpan: indicators.length + 1 }),
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ),
      ...indicators.map((indicator, index) =>
        row(
          ...leading[index],
          cell(indicator.name, { align: 'left' }),
          cell(indicator.target),
          cell(indicator.actual),
          cell(indicator.weight),
          cell(indicator.score ?? NOT_SCORED),
          text(indicator.deviationReason, 1),
        ),
      ),
      row(
        cell('总分', { bold: true, colSpan: 6 }),
        cell(totalWeight, { bold: true }),
        cell(sheet.totalScore, { bold: true }),
        cell(`自评等级：${sheet.grade}`, { bold: true }),
      ),
    ],
  };
}
