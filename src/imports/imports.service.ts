import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Import, ImportFile } from '../database/entities';

export interface RegisteredImport {
  import: Import;
  /** false when a document with the same sha256 was already known. */
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Import) private readonly imports: Repository<Import>,
  ) {}

  /** Stores the document once per sha256, with its bytes, as a queued import. */
  async register(fileName: string, content: Buffer, createdBy: string | null = null): Promise<RegisteredImport> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const existing = await this.imports.findOneBy({ sha256 });
    if (existing) return { import: existing, created: false };
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        const row = await manager.save(
          manager.create(Import, { fileName, sha256, sizeBytes: content.length, status: 'queued', createdBy }),
        );
        await manager.insert(ImportFile, { importId: row.id, content });
        return row;
      });
      return { import: created, created: true };
    } catch (error) {
      // Two uploads of one document raced; the other one won.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        return { import: await this.imports.findOneByOrFail({ sha256 }), created: false };
      }
      throw error;
    }
  }

  async get(id: string): Promise<Import> {
    const row = await this.imports.findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', `导入记录 ${id} 不存在`, { importId: id });
    return row;
  }
}
