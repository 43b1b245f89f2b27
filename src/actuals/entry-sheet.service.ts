import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canEnter, canRead } from '../auth/scope';
import { periodOf } from '../common/period';
import { findUnitOwner } from '../database/owners';
import type { BulkResultDto } from './actual.dto';
import { ActualsService } from './actuals.service';
import { type SheetRow, buildEntrySheet, readEntrySheet } from './entry-sheet';

@Injectable()
export class EntrySheetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actuals: ActualsService,
  ) {}

  async download(caller: Caller, unitId: string, periodText: string): Promise<{ fileName: string; content: Buffer }> {
    const owner = await findUnitOwner(this.dataSource.manager, unitId);
    assertAllowed(canRead(caller, owner), `下载单位“${owner.name}”的填报表`);
    const period = periodOf(periodText);
    const rows: SheetRow[] = await this.dataSource.query(
      `SELECT i.id AS "indicatorId", a.version, p.name AS project, i.level1, i.level2, i.name,
              i."annualRaw" AS "annualTarget", i."periodRaw" AS "periodTarget",
              a.value, a.grade, a.text, a."deviationCategory", a."deviationText", a.possibility, a.suggestion
         FROM indicators i
         JOIN projects p ON p.id = i."projectId"
         LEFT JOIN actuals a ON a."indicatorId" = i.id AND a.period = $2
        WHERE p."unitId" = $1 AND p.year = $3
        ORDER BY p.name, p.id, i.position`,
      [unitId, period.text, period.year],
    );
    return { fileName: `${owner.name}-${period.text}-绩效填报.xlsx`, content: await buildEntrySheet(rows, period) };
  }

  /** Applies every filled row of the sheet or none; bad rows are reported by their sheet row number. */
  async upload(caller: Caller, unitId: string, periodText: string, content: Buffer): Promise<BulkResultDto> {
    const owner = await findUnitOwner(this.dataSource.manager, unitId);
    assertAllowed(canEnter(caller, owner), `填报单位“${owner.name}”的数据`);
    const entries = await readEntrySheet(content);
    return this.actuals.putMany(caller, unitId, periodText, entries, (index) => ({ sheetRow: entries[index].sheetRow }));
  }
}
