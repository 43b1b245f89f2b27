import type { SourceRow } from './source-document';

const TOKEN =
  /<w:tbl>|<\/w:tbl>|<w:tr[ >]|<\/w:tr>|<w:tc>|<\/w:tc>|<w:p[ >]|<w:p\/>|<\/w:p>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:gridSpan w:val="(\d+)"\/>|<w:vMerge(?: w:val="(\w+)")?\/>/g;

// A hostile gridSpan must not blow a row up; real forms span a few columns.
const MAX_COLUMN_SPAN = 100;

/**
 * A Word document's `word/document.xml`: each table row a row of cells, each paragraph outside tables a row of
 * one cell. A cell spanning columns (gridSpan) is followed by blank cells and one merged down (vMerge) is blank
 * below its first row, as merged spreadsheet cells read. XML entities stay for cleanCell to decode.
 */
export function readDocxXml(xml: string): SourceRow[] {
  const rows: SourceRow[] = [];
  let depth = 0;
  let cells: string[] | null = null;
  let cell: string | null = null;
  let span = 1;
  let continuesAbove = false;
  let paragraph = '';
  let paragraphs = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(xml); match; match = TOKEN.exec(xml)) {
    const token = match[0];
    if (match[1] !== undefined) paragraph += match[1];
    else if (token === '<w:tab/>') paragraph += ' ';
    else if (token === '<w:br/>') paragraph += '\n';
    else if (match[2] !== undefined) span = Math.min(Number(match[2]), MAX_COLUMN_SPAN);
    else if (token.startsWith('<w:vMerge')) continuesAbove = match[3] !== 'restart';
    else if (token === '<w:tbl>') depth++;
    else if (token === '</w:tbl>') depth = Math.max(depth - 1, 0);
    else if (token.startsWith('<w:tr')) cells = [];
    else if (token === '</w:tr>' && cells) rows.push({ cells, line: ++paragraphs }), (cells = null);
    else if (token === '<w:tc>') (cell = ''), (span = 1), (continuesAbove = false);
    else if (token === '</w:tc>' && cells && cell !== null) {
      cells.push(continuesAbove ? '' : cell.trim());
      for (let extra = 1; extra < span; extra++) cells.push('');
      cell = null;
    } else if (token.startsWith('<w:p')) paragraph = '';
    if (token === '</w:p>' || token === '<w:p/>') {
      // Paragraphs inside a cell are its lines; outside tables each is a line of the document.
      if (cell !== null) cell += (cell === '' ? '' : '\n') + paragraph;
      else if (depth === 0 && paragraph.trim() !== '') rows.push({ cells: [paragraph.trim()], line: ++paragraphs });
      paragraph = '';
    }
  }
  return rows;
}
