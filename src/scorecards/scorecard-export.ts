import { Workbook } from 'exceljs';
import type { ProjectScorecardDto, ScorecardFiguresDto, ScorecardPageDto } from './scorecard.dto';
import type { ScorecardLevel } from './scorecards.repository';

type Cell = string | number | null;

export interface ExportTable {
  /** File and sheet name. */
  title: string;
  headers: string[];
  rows: Cell[][];
}

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

const LEVEL_LABEL: Record<ScorecardLevel, string> = { department: '部门', unit: '预算单位', project: '项目' };

const money = (value: string) => Number(value);

const FIGURE_COLUMNS: [string, (row: ScorecardFiguresDto) => Cell][] = [
  ['项目数', (row) => row.projects],
  ['预算数（元）', (row) => money(row.budget)],
  ['执行数（元）', (row) => money(row.spent)],
  ['执行率（%）', (row) => row.executionRate],
  ['已评分项目数', (row) => row.scoredProjects],
  ['平均得分', (row) => row.averageScore],
  ['优', (row) => row.grades.优],
  ['良', (row) => row.grades.良],
  ['中', (row) => row.grades.中],
  ['差', (row) => row.grades.差],
  ['评价指标数', (row) => row.indicators],
  ['达成指标数', (row) => row.indicatorsMet],
  ['指标达成率（%）', (row) => row.metShare],
  ['缺报指标数', (row) => row.missingEntries],
  ['问题（错误）', (row) => row.flags.error],
  ['问题（警告）', (row) => row.flags.warning],
  ['问题（提示）', (row) => row.flags.info],
  ['待审核报送', (row) => row.submissionsPending],
];

/** A scorecard page as a sheet: the total first, then every row; project rows add 得分 and 等级. */
export function scorecardTable(level: ScorecardLevel, page: ScorecardPageDto): ExportTable {
  const scope = page.unit?.name ?? page.department?.name ?? '全部部门';
  const projectColumns = level === 'project';
  const line = (name: string, code: string | null, row: ScorecardFiguresDto, score: Cell, grade: Cell): Cell[] => [
    code,
    name,
    ...FIGURE_COLUMNS.map(([, value]) => value(row)),
    ...(projectColumns ? [score, grade] : []),
  ];
  return {
    title: `绩效记分卡-${scope}-${page.period}`,
    headers: ['编码', LEVEL_LABEL[level], ...FIGURE_COLUMNS.map(([header]) => header), ...(projectColumns ? ['得分', '等级'] : [])],
    rows: [
      line('合计', null, page.total, page.total.averageScore, null),
      ...page.items.map((row) => line(row.name ?? `未归属${LEVEL_LABEL[level]}`, row.code, row, row.score ?? null, row.grade ?? null)),
    ],
  };
}

const STATUS_LABEL: Record<string, string> = {
  met: '达成',
  partially_met: '部分达成',
  not_met: '未达成',
  pending: '未填报',
  not_scorable: '无法评分',
};

/** The 自评表 indicator block of one project, with a first row for 预算执行率 and a last row for 总分. */
export function projectTable(project: ProjectScorecardDto): ExportTable {
  return {
    title: `项目记分卡-${project.name}-${project.period}`,
    headers: ['一级指标', '二级指标', '三级指标', '核心指标', '年度指标值', '实际完成值', '完成情况', '分值', '得分', '评审调整理由', '说明'],
    rows: [
      ['预算执行率', null, null, null, project.budget === null ? null : money(project.budget), project.spent === null ? null : money(project.spent), null, null, project.executionScore, null, `执行率 ${project.executionRate ?? '—'}%`],
      ...project.indicators.map((row): Cell[] => [
        row.level1, row.level2, row.name, row.key ? '★' : null, row.target, row.actual,
        row.status === null ? '尚未评分' : STATUS_LABEL[row.status] ?? row.status,
        row.weight, row.score, row.override?.reason ?? null, row.explanation,
      ]),
      ['总分', null, null, null, null, null, project.grade, 100, project.score, null, project.explanation],
    ],
  };
}

const FORBIDDEN_IN_NAMES = /[\\/?*[\]:"<>|]/g;
/** Safe as a file name and, cut to 31 characters, as an Excel sheet name. */
const safeName = (title: string) => title.replace(FORBIDDEN_IN_NAMES, '_');

const csvCell = (value: Cell) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a BOM, which Excel needs to read Chinese CSV as UTF-8. */
export function toCsv(table: ExportTable): ExportFile {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return {
    contentType: 'text/csv; charset=utf-8',
    fileName: `${safeName(table.title)}.csv`,
    body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
  };
}

export async function toXlsx(table: ExportTable): Promise<ExportFile> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(safeName(table.title).slice(0, 31));
  sheet.addRow(table.headers).font = { bold: true };
  sheet.addRows(table.rows);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(40, Math.max(10, table.headers[index].length * 2 + 2));
  });
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${safeName(table.title)}.xlsx`,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
