import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import type { RequestUser } from '../db/tenant-db';

/** HIPAA access logging: one JSON line per request with user, tenant, route, entity id and outcome (never bodies). */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly log = new Logger('access');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const entry = {
      user: request.user?.sub ?? null,
      tenant: request.user?.tenantId ?? null,
      method: request.method,
      route: (request.route as { path?: string } | undefined)?.path ?? request.path,
      id: (request.params as Record<string, string> | undefined)?.id ?? null,
    };
    return next.handle().pipe(
      tap({
        next: () => this.log.log(JSON.stringify({ ...entry, outcome: 'ok' })),
        error: (e: { status?: number }) => this.log.log(JSON.stringify({ ...entry, outcome: e.status ?? 500 })),
      }),
    );
  }
}
