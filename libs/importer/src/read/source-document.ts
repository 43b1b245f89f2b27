import { decodeEntities } from './html-entities';

/** One row of a file as cells: a tab/comma/pipe-separated line, a spreadsheet row, or a plain line (one cell). */
export interface SourceRow {
  cells: string[];
  /** 1-based line or spreadsheet row, for messages. */
  line: number;
}

export interface SourceDocument {
  fileName: string;
  rows: SourceRow[];
}

/** Cell text as the parsers want it: HTML tags and surrounding spaces gone, entities (`&ge;`, `&nbsp;`) decoded. */
export function cleanCell(text: string): string {
  // Only `<b>`, `</p>`…: a `<` before a digit is a comparator (`<1%且>0.1%`).
  const withoutTags = text.includes('<') ? text.replace(/<\/?[a-z][^>]*>/gi, '') : text;
  return (withoutTags.includes('&') ? decodeEntities(withoutTags).replace(/\u00a0/g, ' ') : withoutTags).trim();
}
