import { cellText, Form, PlacedCell, placeCells } from './form';
import { BOLD_FONT, createPdf, finishPdf, PAGE_MARGIN, REGULAR_FONT } from './pdf-document';

const FONT_SIZE = 8.5;
const PADDING = 3;
const MIN_ROW_HEIGHT = 18;
const BORDER_WIDTH = 0.5;

interface Slot {
  row: number;
  y: number;
}

interface TableLayout {
  columnX: number[];
  heights: number[];
  pages: Slot[][];
}

function useCellFont(doc: PDFKit.PDFDocument, { cell }: PlacedCell): void {
  doc.font(cell.bold ? BOLD_FONT : REGULAR_FONT).fontSize(FONT_SIZE);
}

function drawTitle(doc: PDFKit.PDFDocument, form: Form): number {
  const width = doc.page.width - 2 * PAGE_MARGIN;
  doc.font(BOLD_FONT).fontSize(16).text(form.title, PAGE_MARGIN, PAGE_MARGIN, { width, align: 'center' });
  if (form.subtitle) doc.font(REGULAR_FONT).fontSize(10).text(form.subtitle, { width, align: 'center' });
  return doc.y + 8;
}

/**
 * Row heights fit each cell's wrapped text; a merged cell that needs more room than its rows grows its
 * last row. Rows go on a page while they fit; a heading row moves on together with the rows it heads,
 * and a page that continues a table starts with that table's column headings again.
 */
function layOutTable(doc: PDFKit.PDFDocument, form: Form, placed: PlacedCell[], firstY: number): TableLayout {
  const tableWidth = doc.page.width - 2 * PAGE_MARGIN;
  const scale = tableWidth / form.columnWidths.reduce((sum, width) => sum + width, 0);
  const columnX = [PAGE_MARGIN];
  for (const width of form.columnWidths) columnX.push(columnX[columnX.length - 1] + width * scale);

  const heights = form.rows.map(() => MIN_ROW_HEIGHT);
  const textHeight = (item: PlacedCell) => {
    useCellFont(doc, item);
    const width = columnX[item.col + item.cell.colSpan] - columnX[item.col] - 2 * PADDING;
    return doc.heightOfString(cellText(item.cell) || ' ', { width }) + 2 * PADDING;
  };
  for (const item of placed.filter(({ cell }) => cell.rowSpan === 1)) {
    heights[item.row] = Math.max(heights[item.row], textHeight(item));
  }
  for (const item of placed.filter(({ cell }) => cell.rowSpan > 1)) {
    const last = item.row + item.cell.rowSpan - 1;
    const spanned = heights.slice(item.row, last + 1).reduce((sum, height) => sum + height, 0);
    heights[last] += Math.max(0, textHeight(item) - spanned);
  }

  const bottom = doc.page.height - PAGE_MARGIN;
  const pages: Slot[][] = [[]];
  let y = firstY;
  let repeatedHeading: number | null = null;
  form.rows.forEach((formRow, index) => {
    let needed = heights[index];
    for (let next = index; form.rows[next]?.heading && next + 1 < form.rows.length; next++) needed += heights[next + 1];
    if (y + needed > bottom && pages[pages.length - 1].length > 0) {
      pages.push([]);
      y = PAGE_MARGIN;
      if (repeatedHeading !== null && !formRow.heading) {
        pages[pages.length - 1].push({ row: repeatedHeading, y });
        y += heights[repeatedHeading];
      }
    }
    if (formRow.heading) repeatedHeading = formRow.repeatAfterPageBreak ? index : null;
    pages[pages.length - 1].push({ row: index, y });
    y += heights[index];
  });
  return { columnX, heights, pages };
}

/** Draws every cell that has rows on this page, once per unbroken run of its rows. */
function drawPage(doc: PDFKit.PDFDocument, placed: PlacedCell[], { columnX, heights }: TableLayout, slots: Slot[]) {
  doc.lineWidth(BORDER_WIDTH);
  for (const item of placed) {
    const { cell } = item;
    const inCell = slots.map(({ row }) => row >= item.row && row < item.row + cell.rowSpan);
    for (let start = inCell.indexOf(true); start !== -1; start = inCell.indexOf(true, start)) {
      let end = start;
      while (inCell[end]) end++;
      const x = columnX[item.col];
      const width = columnX[item.col + cell.colSpan] - x;
      const y = slots[start].y;
      const height = slots.slice(start, end).reduce((sum, { row }) => sum + heights[row], 0);
      if (cell.fill) doc.rect(x, y, width, height).fill(`#${cell.fill}`).fillColor('black');
      doc.rect(x, y, width, height).stroke();
      const text = cellText(cell);
      if (text) {
        useCellFont(doc, item);
        const textWidth = width - 2 * PADDING;
        const textTop = y + Math.max(PADDING, (height - doc.heightOfString(text, { width: textWidth })) / 2);
        doc.text(text, x + PADDING, textTop, {
          width: textWidth,
          height: y + height - textTop,
          align: cell.align,
          ellipsis: true,
        });
      }
      start = end;
    }
  }
}

function drawPageNumber(doc: PDFKit.PDFDocument, page: number, pageCount: number): void {
  const width = doc.page.width - 2 * PAGE_MARGIN;
  const y = doc.page.height - PAGE_MARGIN + PADDING;
  doc.font(REGULAR_FONT).fontSize(FONT_SIZE).text(`第${page}页，共${pageCount}页`, PAGE_MARGIN, y, { width, align: 'center', height: PAGE_MARGIN });
}

/** Each form starts on a new page; a form longer than a page gets page numbers. */
export async function renderFormsPdf(title: string, forms: Form[]): Promise<Buffer> {
  const doc = await createPdf(title);
  for (const form of forms) {
    const addPage = () => doc.addPage({ size: 'A4', layout: form.landscape ? 'landscape' : 'portrait', margin: PAGE_MARGIN });
    addPage();
    const placed = placeCells(form);
    const layout = layOutTable(doc, form, placed, drawTitle(doc, form));
    layout.pages.forEach((slots, index) => {
      if (index > 0) addPage();
      drawPage(doc, placed, layout, slots);
      if (layout.pages.length > 1) drawPageNumber(doc, index + 1, layout.pages.length);
    });
  }
  return finishPdf(doc);
}
