import { createSecretKey, KeyObject } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD{#if app.accessLogging}, APP_INTERCEPTOR{/if} } from '@nestjs/core';
import { JwtModule, JwtModuleOptions } from '@nestjs/jwt';
import { JwtAuthGuard, PermissionsGuard } from './auth/auth';
import { DevLoginController } from './auth/dev-login.controller';
import { TokenVerifier } from './auth/token-verifier';
{#if app.accessLogging}
import { AccessLogInterceptor } from './common/access-log.interceptor';
{/if}
import { DbModule } from './db/db.module';
{#if app.dataSubjects}
import { GdprModule } from './gdpr/gdpr.module';
{/if}
import { HealthController } from './health.controller';
import { WorkflowsModule } from './workflows/workflows.module';
{#for e in app.entities}
import { {e.names.pascal}Module } from './{e.names.kebab}/{e.names.kebab}.module';
{/for}

/**
 * The HS256 key as a KeyObject made once: given a string, jsonwebtoken first tries to parse it as a PEM
 * public key on every verification (an exception per request, the largest cost of a request in a profile).
 */
function jwtOptions(secret: string | undefined): JwtModuleOptions {
  const key: KeyObject | undefined = secret ? createSecretKey(Buffer.from(secret, 'utf8')) : undefined;
  return key
    ? { secretOrKeyProvider: () => key, verifyOptions: { algorithms: ['HS256'] } }
    : { secret, verifyOptions: { algorithms: ['HS256'] } };
}

@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      useFactory: () => jwtOptions(process.env.JWT_SECRET),
    }),
    DbModule,
    WorkflowsModule,
{#for e in app.entities}
    {e.names.pascal}Module,
{/for}
{#if app.dataSubjects}
    GdprModule,
{/if}
  ],
  controllers: [HealthController, DevLoginController],
  providers: [
    TokenVerifier,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
{#if app.accessLogging}
    { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
{/if}
  ],
})
export class AppModule {}
