import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_UPLOAD_BYTES } from '../src/app.setup';
import { createTestApp, multipartFile } from './support/test-app';

describe('HTTP API', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reports Postgres and Redis as up', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
  });

  it('serves the OpenAPI document with the import and project routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/imports', '/imports/{id}', '/projects', '/projects/{id}', '/health']),
    );
  });

  it.each([
    ['an unknown query field', '/projects?colour=red', 422, 'VALIDATION_FAILED', 'colour'],
    ['a page below 1', '/projects?page=0', 422, 'VALIDATION_FAILED', 'page'],
    ['a page size above 200', '/projects?pageSize=1000', 422, 'VALIDATION_FAILED', 'pageSize'],
    ['a malformed project id', '/projects/not-a-uuid', 422, 'VALIDATION_FAILED', 'id'],
    ['a malformed import id', '/imports/42', 422, 'VALIDATION_FAILED', 'id'],
  ])('answers %s with %i and the field at fault', async (_case, url, status, code, field) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, details: { fields: { [field]: expect.any(Array) } } });
  });

  it.each([
    ['project', '/projects/00000000-0000-4000-8000-000000000000'],
    ['import', '/imports/00000000-0000-4000-8000-000000000000'],
    ['route', '/no-such-route'],
  ])('answers an unknown %s with 404 in the one error shape', async (_case, url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String), details: expect.any(Object) },
    });
  });

  it('refuses an import that is not multipart', async () => {
    const response = await app.inject({ method: 'POST', url: '/imports', payload: { file: 'x' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a multipart request without a file', async () => {
    const boundary = 'b0undary';
    const response = await app.inject({
      method: 'POST',
      url: '/imports',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('FILE_MISSING');
  });

  it('refuses an upload over the 20 MB limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/imports',
      ...multipartFile('huge.txt', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41)),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
