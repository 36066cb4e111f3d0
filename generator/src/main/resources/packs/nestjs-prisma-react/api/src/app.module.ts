import { Module } from '@nestjs/common';
import { APP_GUARD{#if app.accessLogging}, APP_INTERCEPTOR{/if} } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { JwtAuthGuard, PermissionsGuard } from './auth/auth';
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

@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      useFactory: () => ({ secret: process.env.JWT_SECRET, verifyOptions: { algorithms: ['HS256'] } }),
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
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
{#if app.accessLogging}
    { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
{/if}
  ],
})
export class AppModule {}
