import type { ParsedDocument } from './parsed-document';

export interface DocumentInput {
  fileName: string;
  content: Buffer;
}

export interface ParseOptions {
  /** Force a layout by name instead of detecting it. */
  layout?: string;
}

/** Thrown when a file cannot be read or no layout fits; `code` is stable, `message` is Chinese. */
export class DocumentError extends Error {
  constructor(
    readonly code: 'UNREADABLE' | 'EMPTY' | 'NO_LAYOUT' | 'UNKNOWN_LAYOUT',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

export function parseDocument(input: DocumentInput, options: ParseOptions = {}): ParsedDocument {
  void options;
  throw new DocumentError('NO_LAYOUT', `${input.fileName}: 解析器尚未实现`);
}
