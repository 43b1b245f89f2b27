import { type Light, worstLight } from '@app/domain';
import { cell, Form, FormRow, headingRow, levelCells, row, tableHeadingRow } from './form';
import { MonitoringProject, MonitoringSheet } from './report-data';
import { executionRate, LIKELIHOOD_LABELS, monthRangeLabel, WARNING_LIGHTS } from './report-format';

function lightCell(light: Light | null) {
  return light === null ? cell(null) : cell(WARNING_LIGHTS[light].label, { fill: WARNING_LIGHTS[light].color });
}

function projectRows(project: MonitoringProject, months: string): FormRow[] {
  const { funds, indicators } = project;
  const text = (value: string | null, colSpan = 1) => cell(value, { colSpan, align: 'left' });
  const label = (value: string, colSpan = 1) => cell(value, { colSpan, bold: true });
  const leading = levelCells(indicators);
  const projectLight = worstLight([project.budgetLight, ...indicators.map(({ light }) => light)]);
  return [
    headingRow(label('项目名称', 2), text(project.name, 7), label('项目预警'), lightCell(projectLight)),
    headingRow(
      cell('项目资金（万元）', { bold: true, colSpan: 2, rowSpan: 2 }),
      ...['年初预算数', '全年预算数', `${months}执行数`, '执行率'],
      cell('全年预计执行数', { bold: true, colSpan: 4 }),
      '预警',
    ),
    row(
      ...[funds.initialBudget, funds.annualBudget, funds.executedToDate].map((yuan) => cell(yuan, { format: 'wanYuan' })),
      cell(executionRate(funds.executedToDate, funds.annualBudget), { format: 'percent' }),
      cell(funds.expectedAnnualExecution, { format: 'wanYuan', colSpan: 4 }),
      lightCell(project.budgetLight),
    ),
    row(label('年度总体目标', 2), text(project.goal, 4), label('总体执行情况'), text(project.goalProgress, 4)),
    tableHeadingRow(
      ...['一级指标', '二级指标', '三级指标', '年度指标值', `${months}执行情况`, '全年预计完成情况', '偏差原因类别'],
      ...['偏差原因说明', '完成目标可能性', '相关建议或举措', '预警'],
    ),
    ...indicators.map((indicator, index) =>
      row(
        ...leading[index],
        text(indicator.name),
        cell(indicator.target),
        cell(indicator.actualToDate),
        cell(indicator.expectedAnnual),
        cell(indicator.deviationCategories.join('、') || null),
        text(indicator.deviationReason),
        cell(indicator.likelihood && LIKELIHOOD_LABELS[indicator.likelihood]),
        text(indicator.suggestion),
        lightCell(indicator.light),
      ),
    ),
  ];
}

/** The unit's 绩效监控表 for months 1–N (domain.md §6.1–6.3): one block per project. */
export function monitoringForm(sheet: MonitoringSheet): Form {
  const months = monthRangeLabel(sheet.throughMonth);
  return {
    sheetName: `${sheet.unitName}监控表`,
    title: '项目支出绩效目标执行监控表',
    subtitle: `（${sheet.year}年${months}）　主管部门：${sheet.department}　单位：${sheet.unitName}`,
    columnWidths: [9, 11, 18, 12, 12, 12, 12, 20, 10, 18, 7],
    landscape: true,
    rows: sheet.projects.flatMap((project) => projectRows(project, months)),
  };
}
