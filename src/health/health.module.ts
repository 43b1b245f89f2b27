import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { IMPORTS_QUEUE } from '../imports/imports.queue';
import { HealthController } from './health.controller';

@Module({
  imports: [BullModule.registerQueue({ name: IMPORTS_QUEUE })],
  controllers: [HealthController],
})
export class HealthModule {}
