import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { TOKEN_CACHE_MS, TokensService } from '../src/auth/tokens.service';
import { bearer } from './support/auth';

const RATE_LIMIT = 5;

describe('tokens and the rate limit', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const rateLimitBefore = process.env.RATE_LIMIT_PER_MINUTE;
  // Each test calls from its own address, so the low rate limit only meets the test about it.
  const listProjects = (token: string, from: string) => app.inject({ method: 'GET', url: '/projects', headers: { ...bearer(token), 'x-forwarded-for': from } });

  beforeAll(async () => {
    // The configuration is read when the app module is first loaded, so it is loaded after this.
    process.env.RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT);
    const { createTestApp } = await import('./support/test-app');
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    process.env.RATE_LIMIT_PER_MINUTE = rateLimitBefore;
  });

  afterEach(() => jest.restoreAllMocks());

  it('stops serving a revoked token once the cache lifetime has passed', async () => {
    const { token, row } = await app.get(TokensService).create({ role: 'admin' });
    expect((await listProjects(token, '203.0.113.1')).statusCode).toBe(200);
    await db.query(`UPDATE api_tokens SET "revokedAt" = now() WHERE id = $1`, [row.id]);
    const later = Date.now() + TOKEN_CACHE_MS + 1;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    const response = await listProjects(token, '203.0.113.1');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHORIZED');
  });

  it('never serves a cached token past its own expiry', async () => {
    const { token } = await app.get(TokensService).create({ role: 'admin', expiresAt: new Date(Date.now() + 1_000) });
    expect((await listProjects(token, '203.0.113.2')).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await listProjects(token, '203.0.113.2')).statusCode).toBe(401);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const { token, row } = await app.get(TokensService).create({ role: 'admin' });
    const lastUsed = async () => (await db.query(`SELECT "lastUsedAt" FROM api_tokens WHERE id = $1`, [row.id]))[0].lastUsedAt as Date | null;
    await listProjects(token, '203.0.113.3');
    for (let tries = 0; (await lastUsed()) === null && tries < 50; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await listProjects(token, '203.0.113.3');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lastUsed()).toEqual(first);
  });

  it(`answers request ${RATE_LIMIT + 1} of a minute to a route with 429 RATE_LIMITED`, async () => {
    const { token } = await app.get(TokensService).create({ role: 'admin' });
    const responses = [];
    for (let request = 0; request <= RATE_LIMIT; request++) responses.push(await listProjects(token, '203.0.113.4'));
    expect(responses.map((response) => response.statusCode)).toEqual([...Array(RATE_LIMIT).fill(200), 429]);
    expect(responses[RATE_LIMIT].json().error.code).toBe('RATE_LIMITED');
    expect(responses[RATE_LIMIT].headers['retry-after']).toEqual(expect.any(String));
    expect((await listProjects(token, '203.0.113.5')).statusCode).toBe(200);
  });
});
