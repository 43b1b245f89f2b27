import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_UPLOAD_BYTES } from '../src/app.setup';
import { DataSource } from 'typeorm';
import { TokenRevocationListener } from '../src/auth/token-revocation.listener';
import { hashToken, TokensService } from '../src/auth/tokens.service';
import { bearer, issueToken } from './support/auth';
import { createTestApp, multipartFile } from './support/test-app';

describe('HTTP API', () => {
  let app: NestFastifyApplication;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await createTestApp();
    admin = bearer(await issueToken(app, { role: 'admin' }));
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
    ['no Authorization header', {}],
    ['a malformed header', { authorization: 'Token abc' }],
    ['an unknown token', { authorization: 'Bearer jx_not-a-real-token' }],
  ])('answers a request with %s with 401 in the one error shape', async (_case, headers) => {
    const response = await app.inject({ method: 'GET', url: '/projects', headers });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/令牌/), details: {} } });
  });

  it('refuses an expired token with 401', async () => {
    const { token } = await app.get(TokensService).create({ role: 'admin', expiresAt: new Date(Date.now() - 1000) });
    const response = await app.inject({ method: 'GET', url: '/projects', headers: bearer(token) });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a revoked token with 401 within a second although the process had it cached, and lists it as revoked', async () => {
    const tokens = app.get(TokensService);
    const { token, row } = await tokens.create({ role: 'admin' });
    expect((await app.inject({ method: 'GET', url: '/projects', headers: bearer(token) })).statusCode).toBe(200);
    const revoked = await tokens.revoke(row.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect((await tokens.revoke(row.id)).revokedAt).toEqual(revoked.revokedAt);
    // The cache would keep it for TOKEN_CACHE_MS (5 s); the revocation's notification drops it sooner.
    const deadline = Date.now() + 1_000;
    let status = 200;
    while (status !== 401 && Date.now() < deadline) {
      status = (await app.inject({ method: 'GET', url: '/projects', headers: bearer(token) })).statusCode;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(401);
    const listed = (await tokens.list()).find((entry) => entry.id === row.id);
    expect(listed).toMatchObject({ revokedAt: revoked.revokedAt });
    expect(listed?.tokenHash).toBeUndefined();
  });

  it('keeps revoking at once after the notification connection is cut', async () => {
    // This app's own listening backend (pg's Client keeps its processID untyped): every suite's app in the shared database has one.
    const listener = app.get(TokenRevocationListener);
    const listeningPid = (): number | null => (listener['client'] as { processID: number } | null)?.processID ?? null;
    const before = listeningPid();
    expect(before).toEqual(expect.any(Number));
    await app.get(DataSource).query('SELECT pg_terminate_backend($1)', [before]);
    const deadline = Date.now() + 5_000;
    while ([null, before].includes(listeningPid()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(listeningPid()).not.toBe(before);
    expect(listeningPid()).toEqual(expect.any(Number));

    const tokens = app.get(TokensService);
    const { token, row } = await tokens.create({ role: 'admin' });
    expect((await app.inject({ method: 'GET', url: '/projects', headers: bearer(token) })).statusCode).toBe(200);
    await tokens.revoke(row.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await app.inject({ method: 'GET', url: '/projects', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('refuses to revoke a token that does not exist, naming it', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(app.get(TokensService).revoke(id)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(id) });
  });

  it('stores only the sha256 of a token', async () => {
    const { token, row } = await app.get(TokensService).create({ role: 'admin' });
    expect(token).toMatch(/^jx_[A-Za-z0-9_-]{43}$/);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(await app.get(DataSource).query('SELECT * FROM api_tokens WHERE id = $1', [row.id]))).not.toContain(token);
  });

  it.each([
    ['an unknown query field', '/projects?colour=red', 422, 'VALIDATION_FAILED', 'colour'],
    ['a page below 1', '/projects?page=0', 422, 'VALIDATION_FAILED', 'page'],
    ['a page size above 200', '/projects?pageSize=1000', 422, 'VALIDATION_FAILED', 'pageSize'],
    ['a malformed project id', '/projects/not-a-uuid', 422, 'VALIDATION_FAILED', 'id'],
    ['a malformed import id', '/imports/42', 422, 'VALIDATION_FAILED', 'id'],
  ])('answers %s with %i and the field at fault', async (_case, url, status, code, field) => {
    const response = await app.inject({ method: 'GET', url, headers: admin });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, details: { fields: { [field]: expect.any(Array) } } });
  });

  it.each([
    ['project', '/projects/00000000-0000-4000-8000-000000000000'],
    ['import', '/imports/00000000-0000-4000-8000-000000000000'],
    ['route', '/no-such-route'],
  ])('answers an unknown %s with 404 in the one error shape', async (_case, url) => {
    const response = await app.inject({ method: 'GET', url, headers: admin });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String), details: expect.any(Object) },
    });
  });

  it('refuses an import that is not multipart', async () => {
    const response = await app.inject({ method: 'POST', url: '/imports', headers: admin, payload: { file: 'x' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a multipart request without a file', async () => {
    const boundary = 'b0undary';
    const response = await app.inject({
      method: 'POST',
      url: '/imports',
      headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('FILE_MISSING');
  });

  it('refuses an upload over the 20 MB limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/imports',
      ...multipartFile('huge.txt', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41), admin),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
