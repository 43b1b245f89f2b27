import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { ApiToken, Department, Role, Unit } from '../database/entities';
import type { Caller } from './caller';

const TOKEN_PREFIX = 'jx_';
const TOKEN_BYTES = 32;
/**
 * How long a resolved token is trusted without asking Postgres. A revocation reaches the API processes at once through
 * TOKEN_REVOKED_CHANNEL; this bounds it when that notification is lost.
 */
export const TOKEN_CACHE_MS = 5_000;
/** Postgres NOTIFY channel; the payload is the revoked token's id. */
export const TOKEN_REVOKED_CHANNEL = 'jixiao_token_revoked';
const TOKEN_CACHE_ENTRIES = 1_000;
const LAST_USED_EVERY_MS = 60_000;

interface CachedCaller {
  caller: Caller;
  /** The earlier of the cache lifetime and the token's own expiry. */
  validUntil: number;
}

export interface TokenRequest {
  role: Role;
  name?: string;
  unitIds?: string[];
  departmentIds?: string[];
  expiresAt?: Date | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);
  private readonly cache = new Map<string, CachedCaller>();
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
  ) {}

  /** Returns the token in clear once; only its sha256 is kept. */
  async create({ role, name, unitIds = [], departmentIds = [], expiresAt = null }: TokenRequest): Promise<{ token: string; row: ApiToken }> {
    if (role === 'unit' && unitIds.length === 0) throw new AppError('BAD_REQUEST', '单位令牌须指定至少一个预算单位');
    const token = TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
    const row = await this.tokens.save(
      this.tokens.create({
        name: name ?? `${role}-${new Date().toISOString().slice(0, 10)}`,
        tokenHash: hashToken(token),
        role,
        unitIds: role === 'unit' ? unitIds : [],
        departmentIds: role === 'reviewer' ? departmentIds : [],
        expiresAt,
      }),
    );
    return { token, row };
  }

  /** The caller a token stands for, or null when it is unknown, revoked or expired (seen within TOKEN_CACHE_MS). */
  async resolve(token: string): Promise<Caller | null> {
    const hash = hashToken(token);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.validUntil > now) {
      this.noteUse(cached.caller.tokenId, now);
      return cached.caller;
    }
    this.cache.delete(hash);
    const row = await this.tokens
      .createQueryBuilder('token')
      .where('token.tokenHash = :hash', { hash })
      .andWhere('token.revokedAt IS NULL')
      .andWhere('(token.expiresAt IS NULL OR token.expiresAt > now())')
      .getOne();
    if (!row) return null;
    const caller: Caller = { tokenId: row.id, actor: `token:${row.id}`, role: row.role, unitIds: row.unitIds, departmentIds: row.departmentIds };
    remember(this.cache, hash, { caller, validUntil: Math.min(now + TOKEN_CACHE_MS, row.expiresAt?.getTime() ?? Infinity) });
    this.noteUse(row.id, now);
    return caller;
  }

  /** lastUsedAt is written at most once a minute per token, off the request path. */
  private noteUse(tokenId: string, now: number): void {
    if (now - (this.lastUsedWritten.get(tokenId) ?? 0) < LAST_USED_EVERY_MS) return;
    remember(this.lastUsedWritten, tokenId, now);
    this.tokens.update(tokenId, { lastUsedAt: new Date(now) }).catch((error: Error) => this.logger.warn(`lastUsedAt of token ${tokenId} not written: ${error.message}`));
  }

  /** Every token, newest first, without its hash. */
  list(): Promise<ApiToken[]> {
    return this.tokens.find({
      select: ['id', 'name', 'role', 'unitIds', 'departmentIds', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
      order: { createdAt: 'DESC' },
    });
  }

  /** Refuses every later request with the token, in every API process; revoking twice keeps the first time. */
  async revoke(id: string): Promise<ApiToken> {
    const row = await this.tokens.findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', `令牌 ${id} 不存在`, { id });
    // One statement: the notification is sent when, and only if, the revocation commits.
    await this.tokens.query(
      `WITH revoked AS (UPDATE api_tokens SET "revokedAt" = now() WHERE id = $1 AND "revokedAt" IS NULL RETURNING id)
       SELECT pg_notify($2, id::text) FROM revoked`,
      [id, TOKEN_REVOKED_CHANNEL],
    );
    return (await this.tokens.findOneBy({ id }))!;
  }

  /** Drops a token from this process's cache, so its next request asks Postgres. */
  forget(tokenId: string): void {
    for (const [hash, { caller }] of this.cache) {
      if (caller.tokenId === tokenId) this.cache.delete(hash);
    }
  }

  /** A unit or department named on the command line by its code or its name. */
  async unitId(codeOrName: string): Promise<string> {
    const unit = await this.units.findOne({ where: [{ code: codeOrName }, { name: codeOrName }] });
    if (!unit) throw new AppError('NOT_FOUND', `预算单位“${codeOrName}”不存在（按编码或名称查找）`);
    return unit.id;
  }

  async departmentId(codeOrName: string): Promise<string> {
    const department = await this.departments.findOne({ where: [{ code: codeOrName }, { name: codeOrName }] });
    if (!department) throw new AppError('NOT_FOUND', `部门“${codeOrName}”不存在（按编码或名称查找）`);
    return department.id;
  }
}

/** Sets `key` as the newest entry, dropping the oldest beyond TOKEN_CACHE_ENTRIES. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > TOKEN_CACHE_ENTRIES) map.delete(map.keys().next().value!);
}
