import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokensService } from '../../src/auth/tokens.service';
import type { Role } from '../../src/database/entities';

/** A fresh token of the given role and scope, created as `jixiao token create` does. */
export async function issueToken(
  app: NestFastifyApplication,
  scope: { role: Role; unitIds?: string[]; departmentIds?: string[] },
): Promise<string> {
  return (await app.get(TokensService).create(scope)).token;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
