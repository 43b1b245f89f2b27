import { DocumentError } from './document-error';
import { findDepartment, findYear } from './layouts/document-meta';
import { LAYOUTS } from './layouts';
import type { ParsedDocument } from './parsed-document';
import { readSource } from './read/read-source';

export { DocumentError, type DocumentErrorCode } from './document-error';

export interface DocumentInput {
  fileName: string;
  content: Buffer;
}

export interface ParseOptions {
  /** Force a layout by name instead of detecting it. */
  layout?: string;
}

export const LAYOUT_NAMES: readonly string[] = LAYOUTS.map((layout) => layout.name);

/** Reads one disclosed document into projects and indicators; throws DocumentError with a Chinese message. */
export async function parseDocument(input: DocumentInput, options: ParseOptions = {}): Promise<ParsedDocument & { layout: string }> {
  const { fileName } = input;
  const source = await readSource(fileName, input.content);
  if (!source.rows.some((row) => row.cells.some((cell) => cell.trim() !== ''))) {
    throw new DocumentError('EMPTY', `${fileName}：文件为空`, { fileName });
  }
  const forced = options.layout ? LAYOUTS.find((layout) => layout.name === options.layout) : undefined;
  if (options.layout && !forced) {
    throw new DocumentError('UNKNOWN_LAYOUT', `${fileName}：未知的版式“${options.layout}”（可选：${LAYOUT_NAMES.join('、')}）`, {
      fileName,
      layout: options.layout,
    });
  }
  const layout = forced ?? LAYOUTS.find((candidate) => candidate.detect(source));
  const projects = layout?.parse(source) ?? [];
  if (!layout || projects.length === 0) {
    throw new DocumentError('NO_LAYOUT', `${fileName}：未找到可识别的绩效目标表（没有含项目名称和绩效指标/目标的表格）`, { fileName });
  }
  return { department: findDepartment(source), year: findYear(source), layout: layout.name, projects };
}
