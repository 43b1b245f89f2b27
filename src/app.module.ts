import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ActualsModule } from './actuals/actuals.module';
import { AuthModule } from './auth/auth.module';
import { TokenRevocationListener } from './auth/token-revocation.listener';
import { ErrorFilter } from './common/error.filter';
import { SlidingWindowStorage } from './common/sliding-window-storage';
import { ConfigModule, type AppConfig } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EvaluationsModule } from './evaluation/evaluations.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ProjectsModule } from './projects/projects.module';
import { QueueModule } from './queue/queue.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { ReportsModule } from './reports/reports.module';
import { SpendingModule } from './spending/spending.module';
import { SubmissionsModule } from './submissions/submissions.module';

/** The HTTP API: controllers and queue producers, never processors. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule.forRoot('api'),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new SlidingWindowStorage(),
      }),
    }),
    AuthModule,
    ActualsModule,
    SpendingModule,
    IndicatorsModule,
    SubmissionsModule,
    HealthModule,
    EvaluationsModule,
    ImportsModule,
    ProjectsModule,
    ScorecardsModule,
    ReportsModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    TokenRevocationListener,
  ],
})
export class AppModule {}
