import { HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, ERROR_STATUS, ErrorBody, ErrorCode } from './app-error';

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).reverse().map(([code, status]) => [status, code]),
);

const MESSAGE_BY_CODE: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: '请求的资源不存在',
  PAYLOAD_TOO_LARGE: '请求或上传文件过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的请求格式',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  BAD_REQUEST: '请求无效',
};

const logger = new Logger('Errors');

/**
 * Maps anything thrown while serving a request to a status and the one error body. Used by the Nest
 * filter and by Fastify's own error handler (body parsing and multipart limits fail before Nest runs).
 */
export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) {
    return response(exception.status, exception.code, exception.message, exception.details);
  }
  const status = statusOf(exception);
  if (status !== undefined && status < 500) {
    const code = CODE_BY_STATUS.get(status) ?? 'BAD_REQUEST';
    const detail = exception instanceof Error ? exception.message : String(exception);
    return response(status, code, MESSAGE_BY_CODE[code] ?? detail, { reason: detail });
  }
  const errorId = randomUUID();
  logger.error(`errorId=${errorId}`, exception instanceof Error ? exception.stack : String(exception));
  return response(500, 'INTERNAL', '服务器内部错误，请把 errorId 告知管理员', { errorId });
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function response(status: number, code: ErrorCode, message: string, details: Record<string, unknown>) {
  return { status, body: { error: { code, message, details } } };
}
