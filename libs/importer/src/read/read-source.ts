import { DocumentError } from '../document-error';
import { looksLikeHtml, readHtml } from './read-html';
import { decodeText, hasQuotedTabCells, looksLikeCsv, readCsv, readLines, utf16Encoding } from './read-text';
import { isZip, readXlsx } from './read-xlsx';
import { readDocxXml } from './read-docx';
import type { SourceDocument } from './source-document';
import { zipEntries } from './zip-entries';

const WORD_BODY = 'word/document.xml';

/** A Word document's body, unread; undefined for any other ZIP (an XLSX) or a damaged archive. */
function wordBody(content: Buffer): (() => Buffer) | undefined {
  try {
    return zipEntries(content).get(WORD_BODY);
  } catch {
    return undefined;
  }
}

// Office 97–2003 files (.xls, .doc) are compound documents; PDFs need a text extraction first.
const COMPOUND_DOCUMENT = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function binaryKind(content: Buffer): string {
  if (content.subarray(0, 8).equals(COMPOUND_DOCUMENT)) return '旧版 Office 文件（.xls/.doc）无法直接读取，请另存为 .xlsx、.docx 或 CSV';
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF 文件无法直接读取，请先导出为文本或表格';
  return '不是文本、CSV、XLSX 或 DOCX 文件（含二进制内容）';
}

/** Reads any supported file (XLSX, DOCX, HTML tables, CSV, TSV, markdown/pipe tables, plain text) into rows of cells. */
export async function readSource(fileName: string, content: Buffer): Promise<SourceDocument> {
  if (isZip(content)) {
    const body = wordBody(content);
    try {
      return { fileName, rows: body ? readDocxXml(body().toString('utf8')) : await readXlsx(content) };
    } catch (error) {
      throw new DocumentError('UNREADABLE', `${fileName}：无法读取 ${body ? 'Word' : 'Excel'} 文件（${(error as Error).message}）`, { fileName });
    }
  }
  if (!utf16Encoding(content) && content.subarray(0, 8192).includes(0)) {
    throw new DocumentError('UNREADABLE', `${fileName}：${binaryKind(content)}`, { fileName });
  }
  const text = decodeText(content);
  if (looksLikeHtml(fileName, text)) return { fileName, rows: readHtml(text) };
  if (looksLikeCsv(fileName, text)) return { fileName, rows: readCsv(text) };
  return { fileName, rows: hasQuotedTabCells(text) ? readCsv(text, '\t') : readLines(text) };
}
