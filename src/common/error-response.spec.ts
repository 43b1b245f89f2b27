import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AppError } from './app-error';
import { toErrorResponse } from './error-response';

describe(toErrorResponse.name, () => {
  it('keeps an AppError code, message and details', () => {
    const { status, body } = toErrorResponse(new AppError('NOT_FOUND', '项目不存在', { projectId: 'p1' }));
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: '项目不存在', details: { projectId: 'p1' } } });
  });

  it.each([
    [new NotFoundException('Cannot GET /x'), 404, 'NOT_FOUND'],
    [new BadRequestException('bad'), 400, 'BAD_REQUEST'],
    [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
    [new ThrottlerException(), 429, 'RATE_LIMITED'],
    [Object.assign(new Error('request file too large'), { statusCode: 413 }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('maps %p to %i %s with a Chinese message', (exception, status, code) => {
    const response = toErrorResponse(exception);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('hides an unexpected error behind a 500 with an errorId and no stack', () => {
    const { status, body } = toErrorResponse(new TypeError('secret internals'));
    expect(status).toBe(500);
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.details).toEqual({ errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(body)).not.toContain('secret internals');
  });
});
