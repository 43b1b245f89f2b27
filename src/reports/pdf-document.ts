import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export const REGULAR_FONT = 'NotoSansSC';
export const BOLD_FONT = 'NotoSansSC-Bold';
export const PAGE_MARGIN = 36;

const fontDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

/** The two Noto Sans SC faces are ~10 MB each: read once per process, embedded as subsets per document. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fontBytes ??= {
    regular: readFileSync(join(fontDir, '400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(join(fontDir, '700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fontBytes;
}

export function createPdf(title: string): PDFKit.PDFDocument {
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
