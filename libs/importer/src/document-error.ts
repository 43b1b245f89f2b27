export type DocumentErrorCode = 'UNREADABLE' | 'EMPTY' | 'NO_LAYOUT' | 'UNKNOWN_LAYOUT';

/** Thrown when a file cannot be read or no layout fits; `code` is stable, `message` is Chinese. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
