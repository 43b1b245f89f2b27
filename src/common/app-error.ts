import { HttpStatus } from '@nestjs/common';

/** Stable English codes for programs; each has one HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  FILE_MISSING: HttpStatus.BAD_REQUEST,
  UNAUTHORIZED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED: HttpStatus.UNPROCESSABLE_ENTITY,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  PERIOD_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  ACTUAL_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SPENDING_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  DEFINITION_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SHEET_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_INCOMPLETE: HttpStatus.UNPROCESSABLE_ENTITY,
  VERSION_CONFLICT: HttpStatus.CONFLICT,
  SUBMISSION_STATE: HttpStatus.CONFLICT,
  PERIOD_LOCKED: HttpStatus.LOCKED,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> };
}

/** Thrown by services; the error filter turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
