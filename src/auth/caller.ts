import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../database/entities';

/** Who is calling, resolved from the bearer token by AuthGuard. */
export interface Caller {
  tokenId: string;
  /** Written to audit_log.actor and the `…By` columns. */
  actor: string;
  role: Role;
  unitIds: string[];
  /** For reviewers; empty means every department. */
  departmentIds: string[];
}

export type RequestWithCaller = FastifyRequest & { caller?: Caller };

export const PUBLIC_ROUTE = 'jixiao:public';
export const ALLOWED_ROLES = 'jixiao:roles';

/** A route anyone may call without a token (health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; scope checks still apply inside. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<RequestWithCaller>().caller!;
});
