import { MigrationInterface, QueryRunner } from "typeorm";

/** Codes of the rules that judge one entry period, as they stood when flags gained their period column. */
const PERIOD_RULE_CODES = [
    'ACTUAL_MISSING', 'ACTUAL_INVALID', 'DEVIATION_REASON_MISSING', 'OVER_ACHIEVED', 'EXECUTION_LOW_UNEXPLAINED',
    'SUGGESTION_MISSING', 'REMINDER_MISSING_ENTRIES',
];

export class FlagsPerPeriod1796508395436 implements MigrationInterface {
    name = 'FlagsPerPeriod1796508395436'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_flags_open"`);
        await queryRunner.query(`ALTER TABLE "flags" ADD "period" character varying(10)`);
        await queryRunner.query(`UPDATE "flags" SET "period" = "details"->>'period' WHERE "code" = ANY($1::varchar[])`, [PERIOD_RULE_CODES]);
        // Reviewed: NULLS NOT DISTINCT added by hand (TypeORM cannot declare it), so findings without a period stay unique.
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_flags_open" ON "flags" ("subjectType", "subjectId", "code", "period") NULLS NOT DISTINCT WHERE "resolvedAt" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_flags_open"`);
        // Without the period only one open flag per subject and code fits: keep the newest.
        await queryRunner.query(`UPDATE "flags" f SET "resolvedAt" = now() WHERE f."resolvedAt" IS NULL AND EXISTS (
            SELECT 1 FROM "flags" n WHERE n."resolvedAt" IS NULL AND n."subjectType" = f."subjectType" AND n."subjectId" = f."subjectId"
              AND n."code" = f."code" AND (n."openedAt", n."id") > (f."openedAt", f."id"))`);
        await queryRunner.query(`ALTER TABLE "flags" DROP COLUMN "period"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_flags_open" ON "flags" ("subjectType", "subjectId", "code") WHERE ("resolvedAt" IS NULL)`);
    }

}
