import { isUtf8 } from 'node:buffer';
import type { SourceRow } from './source-document';

const MARKDOWN_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** `utf-16le`/`utf-16be` for a byte-order mark, or for ASCII-heavy text whose every other byte is zero. */
export function utf16Encoding(content: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (content.length >= 2 && content[0] === 0xff && content[1] === 0xfe) return 'utf-16le';
  if (content.length >= 2 && content[0] === 0xfe && content[1] === 0xff) return 'utf-16be';
  const sample = content.subarray(0, 4096 - (Math.min(content.length, 4096) % 2));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) if (sample[index] === 0) index % 2 === 0 ? evenZeros++ : oddZeros++;
  // Tabs, line breaks and digits make up a good share of any table, and each carries a zero byte in UTF-16;
  // a few CJK characters (一 is U+4E00) put a zero in the other byte.
  const enough = Math.max(sample.length / 16, 8);
  if (oddZeros > enough && evenZeros < oddZeros / 4) return 'utf-16le';
  if (evenZeros > enough && oddZeros < evenZeros / 4) return 'utf-16be';
  return null;
}

/**
 * Decodes UTF-16 (Excel's "Unicode text" export) and UTF-8, each with or without BOM, falling back to GB18030
 * (a superset of GBK), which many government exports and Excel's CSV on Chinese Windows still use.
 */
export function decodeText(content: Buffer): string {
  const utf16 = utf16Encoding(content);
  if (utf16) return new TextDecoder(utf16).decode(content);
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

/** RFC 4180 CSV (or tab-separated with the same quoting): quoted cells may hold separators, quotes ("") and line breaks. */
export function readCsv(text: string, separator = ','): SourceRow[] {
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
    else if (char === separator) (cells.push(cell), (cell = ''));
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

/** Excel's tab-delimited export quotes a cell that holds a line break or a quote: `\t"…"`. */
export function hasQuotedTabCells(text: string): boolean {
  return text.includes('\t"') || (text.startsWith('"') && text.includes('\t'));
}
