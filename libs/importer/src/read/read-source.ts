import { DocumentError } from '../document-error';
import { looksLikeHtml, readHtml } from './read-html';
import { decodeText, looksLikeCsv, readCsv, readLines, utf16Encoding } from './read-text';
import { isZip, readXlsx } from './read-xlsx';
import { readDocxXml } from './read-docx';
import type { SourceDocument, SourceRow } from './source-document';
import { zipEntries } from './zip-entries';

const WORD_BODY = 'word/document.xml';

function isWordDocument(content: Buffer): boolean {
  try {
    return zipEntries(content).has(WORD_BODY);
  } catch {
    return false;
  }
}

function readDocx(content: Buffer): SourceRow[] {
  const body = zipEntries(content).get(WORD_BODY);
  if (!body) throw new Error(`缺少 ${WORD_BODY}`);
  return readDocxXml(body().toString('utf8'));
}

/** Reads any supported file (XLSX, DOCX, HTML tables, CSV, TSV, markdown/pipe tables, plain text) into rows of cells. */
export async function readSource(fileName: string, content: Buffer): Promise<SourceDocument> {
  if (isZip(content)) {
    const isWord = isWordDocument(content);
    try {
      return { fileName, rows: isWord ? readDocx(content) : await readXlsx(content) };
    } catch (error) {
      throw new DocumentError('UNREADABLE', `${fileName}：无法读取 ${isWord ? 'Word' : 'Excel'} 文件（${(error as Error).message}）`, { fileName });
    }
  }
  if (!utf16Encoding(content) && content.subarray(0, 8192).includes(0)) {
    throw new DocumentError('UNREADABLE', `${fileName}：不是文本、CSV 或 XLSX 文件（含二进制内容）`, { fileName });
  }
  const text = decodeText(content);
  if (looksLikeHtml(fileName, text)) return { fileName, rows: readHtml(text) };
  return { fileName, rows: looksLikeCsv(fileName, text) ? readCsv(text) : readLines(text) };
}
