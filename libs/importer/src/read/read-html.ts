import type { SourceRow } from './source-document';

export function looksLikeHtml(fileName: string, text: string): boolean {
  return /\.html?$/i.test(fileName) || /<table[\s>]/i.test(text.slice(0, 65536));
}

/** A cell's text with its tags gone; entities stay for cleanCell, which decodes them after stripping tags. */
function cellText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|caption|title)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t\r\n]+/g, (spaces) => (spaces.includes('\n') ? '\n' : ' '));
  return text.trim();
}

// Bounds on spans, so that a hostile `colspan="99999"` cannot blow a row up; real forms stay far below them.
const MAX_SPAN = { rowspan: 100_000, colspan: 100 };

function spanOf(attributes: string, name: 'rowspan' | 'colspan'): number {
  const span = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  return span ? Math.min(Math.max(Number(span[1]), 1), MAX_SPAN[name]) : 1;
}

const TOKEN = /<(\/?)(table|tr|td|th)\b([^>]*)>|<(script|style|head)\b[^>]*>[\s\S]*?<\/\4>/gi;

/**
 * Tables exported by web systems: one row per `<tr>`, one cell per `<td>`/`<th>`. A cell spanning several
 * columns is followed by blank cells; one spanning rows leaves the cells below it blank, as merged spreadsheet
 * cells read (blank level cells mean "same as above"). Text outside tables (titles, `主管部门：…`) becomes rows
 * of one cell, line by line.
 */
export function readHtml(html: string): SourceRow[] {
  const rows: SourceRow[] = [];
  let cells: string[] | null = null;
  let cellStart = -1;
  let cellColumns = 1;
  let cellRows = 1;
  let textStart = 0;
  let tableDepth = 0;
  // Columns still covered by a cell spanning rows from above: column → rows left.
  let covered = new Map<number, number>();
  let line = 1;
  let counted = 0;
  const lineOf = (index: number) => {
    for (; counted < index; counted++) if (html.charCodeAt(counted) === 10) line++;
    return line;
  };
  const addText = (from: number, to: number) => {
    for (const line of cellText(html.slice(from, to)).split('\n')) {
      if (line.trim() !== '') rows.push({ cells: [line.trim()], line: lineOf(from) });
    }
  };
  const skipCovered = () => {
    while (cells && (covered.get(cells.length) ?? 0) > 0) cells.push('');
  };
  const closeCell = (end: number) => {
    if (!cells || cellStart < 0) return;
    const column = cells.length;
    cells.push(cellText(html.slice(cellStart, end)));
    for (let extra = 1; extra < cellColumns; extra++) cells.push('');
    if (cellRows > 1) for (let offset = 0; offset < cellColumns; offset++) covered.set(column + offset, cellRows);
    cellStart = -1;
  };
  const closeRow = (at: number) => {
    if (!cells) return;
    closeCell(at);
    skipCovered();
    const next = new Map<number, number>();
    for (const [column, left] of covered) if (left > 1) next.set(column, left - 1);
    covered = next;
    rows.push({ cells, line: lineOf(at) });
    cells = null;
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [, closing, tag, attributes = ''] = match;
    const name = tag?.toLowerCase();
    if (!name) {
      if (tableDepth === 0) addText(textStart, match.index), (textStart = match.index + match[0].length);
      continue;
    }
    if (tableDepth === 0 && name !== 'table') continue;
    if (name === 'table') {
      if (!closing) {
        if (tableDepth === 0) addText(textStart, match.index);
        tableDepth++;
      } else if (tableDepth > 0 && --tableDepth === 0) {
        closeRow(match.index);
        covered = new Map();
        textStart = match.index + match[0].length;
      }
    } else if (name === 'tr') {
      closeRow(match.index);
      if (!closing) cells = [];
    } else if (name === 'td' || name === 'th') {
      closeCell(match.index);
      if (!closing) {
        cells ??= [];
        skipCovered();
        cellStart = match.index + match[0].length;
        cellColumns = spanOf(attributes, 'colspan');
        cellRows = spanOf(attributes, 'rowspan');
      }
    }
  }
  if (tableDepth === 0) addText(textStart, html.length);
  else closeRow(html.length);
  return rows;
}
