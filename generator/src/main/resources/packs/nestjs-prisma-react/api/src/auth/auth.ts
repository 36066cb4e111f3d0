import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { RequestUser } from '../db/tenant-db';
import { Action, EntityName, allows } from './permissions';
import { TokenVerifier } from './token-verifier';
import { UserDirectory } from './user-directory';

const PUBLIC = 'veroforge:public';
const REQUIRES = 'veroforge:requires';

/** No token needed (health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** The permission an endpoint needs, checked against the token's roles (see permissions.ts). */
export const Requires = (entity: EntityName, action: Action) => SetMetadata(REQUIRES, { entity, action });

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): RequestUser => {
  return context.switchToHttp().getRequest<Request & { user: RequestUser }>().user;
});

/**
 * Verifies the bearer token (TokenVerifier: HS256 with JWT_SECRET, or the OIDC provider's keys):
 * claims sub, tid (tenant) and roles, and an optional email that the user directory keeps (notifications
 * to a role reach it).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
    private readonly directory: UserDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('a bearer token is required');
    }
    const claims = await this.verifier.verify(token);
    if (typeof claims.sub !== 'string' || typeof claims.tid !== 'string' || claims.tid === '' || !Array.isArray(claims.roles)) {
      throw new UnauthorizedException('the token must carry sub, tid and roles');
    }
    request.user = { sub: claims.sub, tenantId: claims.tid, roles: claims.roles.filter((r): r is string => typeof r === 'string') };
    await this.directory.remember(request.user, typeof claims.email === 'string' && claims.email !== '' ? claims.email : null);
    return true;
  }
}

/** Role check from the AppSpec's permissions; own-rows-only grants are narrowed further by the services. */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<{ entity: EntityName; action: Action } | undefined>(REQUIRES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) {
      return true;
    }
    const user = context.switchToHttp().getRequest<Request & { user?: RequestUser }>().user;
    if (!user || allows(user.roles, required.entity, required.action) === 'none') {
      throw new ForbiddenException(`${ required.action } on ${ required.entity } is not allowed for roles ${ (user?.roles ?? []).join(', ') || '(none)' }`);
    }
    return true;
  }
}
