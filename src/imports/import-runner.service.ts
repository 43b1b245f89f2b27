import { reviewProject } from '@app/domain';
import { DocumentError, parseDocument } from '@app/importer';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Import, ImportFile } from '../database/entities';
import { EvaluationTrigger } from '../evaluation/evaluation-trigger';
import { storeDocument } from './document-store';

/** Parse → review → store in one transaction. Shared by the queue processor and the CLI. */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationTrigger,
  ) {}

  async run(importId: string): Promise<Import> {
    const imports = this.dataSource.getRepository(Import);
    const row = await imports.findOneByOrFail({ id: importId });
    if (row.status === 'succeeded' || row.status === 'failed') return row;
    await imports.update(importId, { status: 'processing', startedAt: new Date() });

    const { content } = await this.dataSource.getRepository(ImportFile).findOneByOrFail({ importId });
    let document;
    try {
      document = await parseDocument({ fileName: row.fileName, content });
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      return this.fail(importId, error.code, error.message, error.details);
    }
    const findings = document.projects.map((project) => reviewProject(project));

    const stored = await this.dataSource.transaction(async (manager) => {
      const stored = await storeDocument(manager, importId, document, findings);
      if (document.year !== null) await this.evaluation.markChanged(manager, stored.projectIds, String(document.year));
      await manager.update(Import, importId, {
        status: 'succeeded',
        layout: document.layout,
        year: document.year,
        departmentId: stored.departmentId,
        projectCount: stored.projectCount,
        indicatorCount: stored.indicatorCount,
        flagCount: stored.flagCount,
        warnings: stored.warnings,
        finishedAt: new Date(),
      });
      return stored;
    });
    this.logger.log(`import ${importId}: ${stored.projectCount} projects, ${stored.indicatorCount} indicators`);
    if (document.year !== null) await this.evaluation.enqueue(stored.projectIds, String(document.year));
    return imports.findOneByOrFail({ id: importId });
  }

  async fail(importId: string, errorCode: string, errorMessage: string, errorDetails: Record<string, unknown> = {}) {
    const imports = this.dataSource.getRepository(Import);
    await imports.update(importId, {
      status: 'failed',
      errorCode,
      errorMessage,
      // TypeORM's deep-partial update type cannot express an arbitrary jsonb record.
      errorDetails: errorDetails as never,
      finishedAt: new Date(),
    });
    return imports.findOneByOrFail({ id: importId });
  }
}
