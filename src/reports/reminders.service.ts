import { entryDeadline, Period } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PROJECT_IN_PERIOD, UnitScope } from './report-data-loader.service';

export const REMINDER_FLAG_CODE = 'REMINDER_MISSING_ENTRIES';

export interface UnitReminder {
  unitId: string;
  missing: number;
}

/**
 * Before an entry deadline, a unit with indicators that still lack an actual for the period gets one open
 * reminder flag naming the count; a unit that has caught up has its reminder resolved.
 */
@Injectable()
export class Reminders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async raise(period: Period, scope: UnitScope): Promise<UnitReminder[]> {
    const deadline = entryDeadline(period);
    return this.dataSource.transaction(async (manager) => {
      const counts: { unitId: string; missing: string }[] = await manager.query(
        `SELECT p."unitId", count(*) FILTER (WHERE a.id IS NULL OR (a.value IS NULL AND a.text IS NULL AND a.grade IS NULL)) AS missing
         FROM projects p
         JOIN units u ON u.id = p."unitId"
         JOIN indicators i ON i."projectId" = p.id AND i."annualKind" IN ('quantitative', 'qualitative')
         LEFT JOIN actuals a ON a."indicatorId" = i.id AND a.period = $2
         WHERE ${PROJECT_IN_PERIOD} AND ($3::uuid IS NULL OR u.id = $3) AND ($4::uuid IS NULL OR u."departmentId" = $4)
         GROUP BY p."unitId"`,
        [period.year, period.text, scope.unitId, scope.departmentId],
      );
      const reminders = counts.map(({ unitId, missing }) => ({ unitId, missing: Number(missing) }));
      for (const { unitId, missing } of reminders) {
        if (missing === 0) {
          await manager.query(
            `UPDATE flags SET "resolvedAt" = now()
             WHERE "subjectType" = 'unit' AND "subjectId" = $1 AND code = $2 AND period = $3 AND "resolvedAt" IS NULL`,
            [unitId, REMINDER_FLAG_CODE, period.text],
          );
          continue;
        }
        await manager.query(
          `INSERT INTO flags ("subjectType", "subjectId", code, period, severity, message, details)
           VALUES ('unit', $1, $2, $5, 'warning', $3, $4)
           ON CONFLICT ("subjectType", "subjectId", code, period) WHERE "resolvedAt" IS NULL
           DO UPDATE SET message = EXCLUDED.message, details = EXCLUDED.details, "openedAt" = now()`,
          [
            unitId,
            REMINDER_FLAG_CODE,
            `尚有 ${missing} 个绩效指标未填报 ${period.text} 期间的实际完成值，请于 ${deadline} 前填报`,
            { period: period.text, missing, deadline },
            period.text,
          ],
        );
      }
      return reminders;
    });
  }
}
