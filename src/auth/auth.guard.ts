import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error';
import type { Role } from '../database/entities';
import { ALLOWED_ROLES, PUBLIC_ROUTE, type RequestWithCaller } from './caller';
import { TokensService } from './tokens.service';

const BEARER = /^Bearer\s+(\S+)$/i;

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new AppError('UNAUTHORIZED', '缺少访问令牌（Authorization: Bearer …）');
    const caller = await this.tokens.resolve(token);
    if (!caller) throw new AppError('UNAUTHORIZED', '访问令牌无效、已过期或已吊销');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(caller.role)) throw new AppError('FORBIDDEN', `此操作仅限角色：${roles.join('、')}`);
    request.caller = caller;
    return true;
  }
}
