import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config.module';

/** Evidence files under EVIDENCE_DIR, each named by the sha256 of its content: the same file is kept once. */
@Injectable()
export class EvidenceStore {
  readonly directory: string;

  constructor(@Inject(ConfigService) config: AppConfig) {
    this.directory = resolve(config.get('EVIDENCE_DIR', { infer: true }));
  }

  /** Written under a temporary name and renamed, so a reader never sees half a file; returns the sha256. */
  async keep(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    await mkdir(this.directory, { recursive: true });
    const partial = join(this.directory, `${sha256}.${randomBytes(6).toString('hex')}.partial`);
    await writeFile(partial, content, { flag: 'wx' });
    await rename(partial, join(this.directory, sha256));
    return sha256;
  }

  /** The file kept under `sha256` (checked to be 64 hex digits by the caller), or null when it is not on disk. */
  async read(sha256: string): Promise<Buffer | null> {
    return readFile(join(this.directory, sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }
}
