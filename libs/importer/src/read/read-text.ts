import { isUtf8 } from 'node:buffer';
import type { SourceRow } from './source-document';

const MARKDOWN_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** Decodes UTF-8 (with or without BOM), falling back to GB18030, which many government exports still use. */
export function decodeText(content: Buffer): string {
  return isUtf8(content) ? content.toString('utf8').replace(/^\uFEFF/, '') : new TextDecoder('gb18030').decode(content);
}

function splitLine(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  const trimmed = line.trim();
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    return trimmed.slice(1, -1).split('|').map((cell) => cell.trim());
  }
  return [line];
}

/** Plain text, TSV and markdown/pipe tables: one row per line; markdown separator lines are dropped. */
export function readLines(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  lines.forEach((line, index) => {
    if (line.includes('|') && MARKDOWN_SEPARATOR.test(line.trim())) return;
    rows.push({ cells: splitLine(line), line: index + 1 });
  });
  return rows;
}

/** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. */
export function readCsv(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') (cells.push(cell), (cell = ''));
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      rowLine = ++line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) rows.push({ cells: [...cells, cell], line: rowLine });
  return rows;
}

/** A file is read as CSV when named so, or when it has no tabs and its first lines split evenly on commas. */
export function looksLikeCsv(fileName: string, text: string): boolean {
  if (/\.csv$/i.test(fileName)) return true;
  if (text.includes('\t')) return false;
  const lines = text.split(/\r?\n/, 6).filter((line) => line.trim() !== '');
  const counts = lines.map((line) => line.split(',').length);
  return lines.length >= 2 && counts[0] >= 3 && counts.every((count) => count === counts[0]);
}
