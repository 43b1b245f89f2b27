import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { ApiToken, Department, Role, Unit } from '../database/entities';
import type { Caller } from './caller';

const TOKEN_PREFIX = 'jx_';
const TOKEN_BYTES = 32;

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

  async resolve(token: string): Promise<Caller | null> {
    const row = await this.tokens
      .createQueryBuilder('token')
      .where('token.tokenHash = :hash', { hash: hashToken(token) })
      .andWhere('token.revokedAt IS NULL')
      .andWhere('(token.expiresAt IS NULL OR token.expiresAt > now())')
      .getOne();
    if (!row) return null;
    return { tokenId: row.id, actor: `token:${row.id}`, role: row.role, unitIds: row.unitIds, departmentIds: row.departmentIds };
  }

  /** Every token, newest first, without its hash. */
  list(): Promise<ApiToken[]> {
    return this.tokens.find({
      select: ['id', 'name', 'role', 'unitIds', 'departmentIds', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
      order: { createdAt: 'DESC' },
    });
  }

  /** Refuses every later request with the token; revoking twice keeps the first time. */
  async revoke(id: string): Promise<ApiToken> {
    const row = await this.tokens.findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', `令牌 ${id} 不存在`, { id });
    if (!row.revokedAt) await this.tokens.update({ id }, { revokedAt: () => 'now()' });
    return (await this.tokens.findOneBy({ id }))!;
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
