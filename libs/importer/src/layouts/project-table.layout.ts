import type { ParsedIndicator, ParsedProject } from '../parsed-document';
import type { SourceDocument, SourceRow } from '../read/source-document';
import { cellOf, findHeader, readAmount, type ColumnMap, type TableHeader } from './header-columns';
import { isNumberedIndicatorText, parseInlineIndicators, parseNumberedIndicators } from './indicator-text';
import { newProject, type Layout } from './layout';

const TOTAL_ROW = /^(合计|总计|小计|\**)$/;
const FRESH_LIST = /^\s*1\s*[、.．]/;

interface ProjectRow {
  project: ParsedProject;
  goal: string;
  indicators: string;
}

type IndicatorStyle = 'inline' | 'numbered' | 'none';

function findProjectTable(document: SourceDocument): TableHeader | null {
  return findHeader(document, ['name', 'indicators']) ?? findHeader(document, ['name', 'goal']);
}

function indicatorStyle(document: SourceDocument, header: TableHeader): IndicatorStyle {
  if (header.columns.indicators === undefined) return 'none';
  return usesNumberedItems(document, header) ? 'numbered' : 'inline';
}

const INDICATOR_PARSERS: Record<IndicatorStyle, (text: string) => ParsedIndicator[]> = {
  inline: parseInlineIndicators,
  numbered: parseNumberedIndicators,
  none: () => [],
};

function fundingOf(row: SourceRow, columns: ColumnMap, factor: number): ParsedProject['funding'] {
  if (columns.fiscal === undefined && columns.specialAccount === undefined && columns.other === undefined) return null;
  return {
    fiscal: readAmount(cellOf(row, columns, 'fiscal'), factor),
    specialAccount: readAmount(cellOf(row, columns, 'specialAccount'), factor),
    other: readAmount(cellOf(row, columns, 'other'), factor),
  };
}

/**
 * Rows of a project table, with rows that a page break split off (name cell empty) stitched back: a fragment
 * that opens a fresh list (`1、…`) belongs to the next named row, any other fragment continues the row above.
 */
function collectProjectRows(document: SourceDocument, header: TableHeader): ProjectRow[] {
  const { columns, amountFactor } = header;
  const projects: ProjectRow[] = [];
  let pending: { goal: string; indicators: string } | null = null;
  let unitName: string | null = null;
  for (const row of document.rows.slice(header.rowIndex + 1)) {
    if (row.cells.length < 2) continue;
    const name = cellOf(row, columns, 'name');
    const goal = cellOf(row, columns, 'goal');
    const indicators = cellOf(row, columns, 'indicators');
    if (name === '') {
      if (goal === '' && indicators === '') continue;
      const previous = projects[projects.length - 1];
      if (FRESH_LIST.test(indicators) || !previous) pending = { goal, indicators };
      else (previous.goal += goal), (previous.indicators += indicators);
      continue;
    }
    if (TOTAL_ROW.test(name)) continue;
    if (goal === '' && indicators === '' && columns.unitName === undefined) {
      unitName = name;
      continue;
    }
    const project = newProject(name, {
      unitCode: cellOf(row, columns, 'unitCode') || null,
      unitName: cellOf(row, columns, 'unitName') || unitName,
      parentProject: cellOf(row, columns, 'parentProject') || null,
      category: cellOf(row, columns, 'category') || null,
      amount: readAmount(cellOf(row, columns, 'amount'), amountFactor),
      funding: fundingOf(row, columns, amountFactor),
    });
    const carried = pending && !FRESH_LIST.test(indicators) ? pending : { goal: '', indicators: '' };
    projects.push({ project, goal: carried.goal + goal, indicators: carried.indicators + indicators });
    pending = null;
  }
  return projects;
}

function buildProjects(rows: ProjectRow[], parseIndicators: (text: string) => ParsedIndicator[]): ParsedProject[] {
  return rows.map(({ project, goal, indicators }) => {
    project.goal = goal.trim() || null;
    project.indicators = parseIndicators(indicators);
    return project;
  });
}

// A table keeps one style throughout; its first cells are enough to tell, however long the file.
const STYLE_SAMPLE = 20;

function usesNumberedItems(document: SourceDocument, header: TableHeader): boolean {
  let sampled = 0;
  for (let index = header.rowIndex + 1; index < document.rows.length && sampled < STYLE_SAMPLE; index++) {
    const cell = cellOf(document.rows[index], header.columns, 'indicators');
    if (cell === '') continue;
    if (isNumberedIndicatorText(cell)) return true;
    sampled++;
  }
  return false;
}

function projectTableLayout(name: string, style: IndicatorStyle): Layout {
  return {
    name,
    detect(document) {
      const header = findProjectTable(document);
      return header !== null && indicatorStyle(document, header) === style;
    },
    parse(document) {
      const header = findProjectTable(document);
      return header ? buildProjects(collectProjectRows(document, header), INDICATOR_PARSERS[style]) : [];
    },
  };
}

/** 湖州-style 重点项目支出绩效明细表: one row per project, indicators inline after level labels. */
export const inlineLayout = projectTableLayout('inline', 'inline');
/** 广州-style 项目支出绩效目标表: numbered items with 实施周期/年度指标值, rows split across pages. */
export const numberedLayout = projectTableLayout('numbered', 'numbered');
/** A project table with a 绩效目标 column and no indicators (杭州 表11 exported as a real table). */
export const goalsLayout = projectTableLayout('goals', 'none');
