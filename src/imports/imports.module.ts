import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Import } from '../database/entities';
import { ImportsController } from './imports.controller';
import { ImportsProducer } from './imports.producer';
import { IMPORTS_QUEUE } from './imports.queue';
import { ImportsService } from './imports.service';

/** The API side of imports: accept documents and enqueue them. */
@Module({
  imports: [TypeOrmModule.forFeature([Import]), BullModule.registerQueue({ name: IMPORTS_QUEUE })],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsProducer],
  exports: [ImportsService, ImportsProducer],
})
export class ImportsModule {}
