import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportScopeAndSchedules1795323496701 implements MigrationInterface {
    name = 'ReportScopeAndSchedules1795323496701'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_reports_scope" ON "reports" ("kind", "unitId", "period", "format") `);
        // Default calendar (domain.md §6.4): reminders ten days before each deadline, then the reports.
        await queryRunner.query(`INSERT INTO "report_schedules" ("id", "kind", "formats", "cron", "timezone", "periodRule") VALUES
            ('7a1c0000-0000-4000-8000-000000000001', 'reminder', '{xlsx}', '0 9 1 7 *', 'Asia/Shanghai', 'current-H1'),
            ('7a1c0000-0000-4000-8000-000000000002', 'monitoring', '{xlsx,pdf}', '0 8 10 7 *', 'Asia/Shanghai', 'current-H1'),
            ('7a1c0000-0000-4000-8000-000000000003', 'reminder', '{xlsx}', '0 9 1 1 *', 'Asia/Shanghai', 'previous-year'),
            ('7a1c0000-0000-4000-8000-000000000004', 'self_evaluation', '{xlsx,pdf}', '0 8 10 1 *', 'Asia/Shanghai', 'previous-year'),
            ('7a1c0000-0000-4000-8000-000000000005', 'self_evaluation_report', '{pdf}', '0 8 10 1 *', 'Asia/Shanghai', 'previous-year')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "report_schedules" WHERE "id"::text LIKE '7a1c0000-0000-4000-8000-00000000000_'`);
        await queryRunner.query(`DROP INDEX "public"."IDX_reports_scope"`);
    }

}
