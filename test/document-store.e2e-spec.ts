import { reviewProject } from '@app/domain';
import { parseDocument, type ParsedDocument } from '@app/importer';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../src/database/database.options';
import { Import } from '../src/database/entities';
import { storeDocument } from '../src/imports/document-store';

const SAMPLES = join(__dirname, '..', 'samples');

async function documentWithDepartment(): Promise<ParsedDocument> {
  for (const file of readdirSync(SAMPLES).sort()) {
    const document = await parseDocument({ fileName: file, content: readFileSync(join(SAMPLES, file)) });
    if (document.department && document.projects.length > 0) return document;
  }
  throw new Error('no sample names its department');
}

describe(storeDocument.name, () => {
  let db: DataSource;
  let document: ParsedDocument;
  const store = (manager: DataSource['manager'], importId: string) =>
    storeDocument(manager, importId, document, document.projects.map((project) => reviewProject(project)));
  const newImport = async () =>
    (
      await db.getRepository(Import).save({
        fileName: 'concurrent.txt',
        sha256: randomBytes(32).toString('hex'),
        sizeBytes: 1,
        status: 'processing' as const,
      })
    ).id;
  const projectsOf = async (importId: string) =>
    Number((await db.query('SELECT count(*) FROM projects WHERE "importId" = $1', [importId]))[0].count);

  beforeAll(async () => {
    db = await new DataSource(databaseOptions(process.env.DATABASE_URL!)).initialize();
    document = await documentWithDepartment();
  });

  afterAll(() => db.destroy());

  it('stores two documents of one known department side by side: neither waits for the other to commit', async () => {
    const [first, held, concurrent] = [await newImport(), await newImport(), await newImport()];
    await db.transaction((manager) => store(manager, first));

    const open = db.createQueryRunner();
    await open.startTransaction();
    try {
      await store(open.manager, held);
      await db.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '2s'`);
        await store(manager, concurrent);
      });
    } finally {
      await open.rollbackTransaction();
      await open.release();
    }

    expect(await projectsOf(concurrent)).toBe(document.projects.length);
    expect(await projectsOf(held)).toBe(0);
    const departments = await db.query('SELECT count(*) FROM departments WHERE name = $1', [document.department]);
    expect(Number(departments[0].count)).toBe(1);
  });
});
