import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REGULAR_FONT = 'NotoSansSC';
export const BOLD_FONT = 'NotoSansSC-Bold';
export const PAGE_MARGIN = 36;

const fontDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const TABLE_RECORD_SIZE = 16;
const SHAPING_TABLES = new Set(['GSUB', 'GPOS']);
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

/**
 * Drops the OpenType layout tables from a TrueType file's table directory (the table data stays, unreferenced).
 * Forms in Chinese need no ligatures or kerning, and fontkit re-parses these large tables for every
 * document, which more than doubles the time to lay out a page.
 */
export function withoutShapingTables(font: Buffer): Buffer {
  const stripped = Buffer.from(font);
  const tableCount = font.readUInt16BE(4);
  let kept = 0;
  for (let index = 0; index < tableCount; index++) {
    const record = font.subarray(12 + index * TABLE_RECORD_SIZE, 12 + (index + 1) * TABLE_RECORD_SIZE);
    if (!SHAPING_TABLES.has(record.toString('latin1', 0, 4))) record.copy(stripped, 12 + kept++ * TABLE_RECORD_SIZE);
  }
  stripped.writeUInt16BE(kept, 4);
  return stripped;
}

/** The two Noto Sans SC faces are ~10 MB each: read once per process, embedded as subsets per document. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  const load = (path: string) => withoutShapingTables(readFileSync(join(fontDir, path)));
  fontBytes ??= { regular: load('400Regular/NotoSansSC_400Regular.ttf'), bold: load('700Bold/NotoSansSC_700Bold.ttf') };
  return fontBytes;
}

/** pdfkit is loaded with the first report, not at start: a worker that only imports or scores never needs it. */
export async function createPdf(title: string): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ autoFirstPage: false, margin: PAGE_MARGIN, info: { Title: title } });
  doc.registerFont(REGULAR_FONT, regular);
  doc.registerFont(BOLD_FONT, bold);
  return doc;
}

export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
