import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Import } from './import.entity';

/** The uploaded bytes, kept apart from `imports` so listing imports never reads them; any worker can load them. */
@Entity('import_files')
export class ImportFile {
  @PrimaryColumn('uuid')
  importId: string;

  @OneToOne(() => Import, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'importId' })
  import?: Import;

  @Column({ type: 'bytea' })
  content: Buffer;
}
