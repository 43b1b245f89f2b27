import { MigrationInterface, QueryRunner } from "typeorm";

export class Scorecards1795323152142 implements MigrationInterface {
    name = 'Scorecards1795323152142'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "project_scorecards" ("projectId" uuid NOT NULL, "period" character varying(10) NOT NULL, "spent" numeric(18,2), "score" numeric(8,2), "grade" character varying(4), "executionRate" numeric(12,6), "indicators" integer NOT NULL DEFAULT '0', "indicatorsMet" integer NOT NULL DEFAULT '0', "indicatorsPending" integer NOT NULL DEFAULT '0', "keyIndicators" integer NOT NULL DEFAULT '0', "keyIndicatorsMet" integer NOT NULL DEFAULT '0', "keyIndicatorsPending" integer NOT NULL DEFAULT '0', "flagsError" integer NOT NULL DEFAULT '0', "flagsWarning" integer NOT NULL DEFAULT '0', "flagsInfo" integer NOT NULL DEFAULT '0', "refreshedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8885307e6edfc63be9509f01d8d" PRIMARY KEY ("projectId", "period"))`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overrideScore" numeric(8,2)`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overrideReason" text`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overriddenBy" character varying(128)`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overriddenAt" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "IDX_projects_year_departmentId_unitId" ON "projects" ("year", "departmentId", "unitId") `);
        await queryRunner.query(`CREATE INDEX "IDX_flags_projectId_code_open" ON "flags" ("projectId", "code") WHERE "resolvedAt" IS NULL`);
        await queryRunner.query(`CREATE FUNCTION "refresh_project_scorecards"("projectIds" uuid[], "scorecardPeriod" varchar) RETURNS void LANGUAGE sql AS $$
            INSERT INTO "project_scorecards" ("projectId", "period", "spent", "score", "grade", "executionRate", "indicators", "indicatorsMet", "indicatorsPending", "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo", "refreshedAt")
            SELECT p."id", "scorecardPeriod", sp."executed", ps."score", ps."grade", ps."executionRate",
                   coalesce(e."indicators", 0), coalesce(e."indicatorsMet", 0), coalesce(e."indicatorsPending", 0),
                   coalesce(e."keyIndicators", 0), coalesce(e."keyIndicatorsMet", 0), coalesce(e."keyIndicatorsPending", 0),
                   coalesce(f."flagsError", 0), coalesce(f."flagsWarning", 0), coalesce(f."flagsInfo", 0), now()
            FROM "projects" p
            LEFT JOIN "spending" sp ON sp."projectId" = p."id" AND sp."period" = "scorecardPeriod"
            LEFT JOIN "project_scores" ps ON ps."projectId" = p."id" AND ps."period" = "scorecardPeriod"
            LEFT JOIN LATERAL (
                SELECT count(*) AS "indicators",
                       count(*) FILTER (WHERE ev."status" = 'met') AS "indicatorsMet",
                       count(*) FILTER (WHERE ev."status" = 'pending') AS "indicatorsPending",
                       count(*) FILTER (WHERE i."key") AS "keyIndicators",
                       count(*) FILTER (WHERE i."key" AND ev."status" = 'met') AS "keyIndicatorsMet",
                       count(*) FILTER (WHERE i."key" AND ev."status" = 'pending') AS "keyIndicatorsPending"
                FROM "evaluations" ev JOIN "indicators" i ON i."id" = ev."indicatorId"
                WHERE ev."projectId" = p."id" AND ev."period" = "scorecardPeriod"
            ) e ON true
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE fl."severity" = 'error') AS "flagsError",
                       count(*) FILTER (WHERE fl."severity" = 'warning') AS "flagsWarning",
                       count(*) FILTER (WHERE fl."severity" = 'info') AS "flagsInfo"
                FROM "flags" fl
                WHERE fl."projectId" = p."id" AND fl."resolvedAt" IS NULL
            ) f ON true
            WHERE p."id" = ANY("projectIds")
            ON CONFLICT ("projectId", "period") DO UPDATE SET
                "spent" = EXCLUDED."spent", "score" = EXCLUDED."score", "grade" = EXCLUDED."grade",
                "executionRate" = EXCLUDED."executionRate", "indicators" = EXCLUDED."indicators",
                "indicatorsMet" = EXCLUDED."indicatorsMet", "indicatorsPending" = EXCLUDED."indicatorsPending",
                "keyIndicators" = EXCLUDED."keyIndicators", "keyIndicatorsMet" = EXCLUDED."keyIndicatorsMet",
                "keyIndicatorsPending" = EXCLUDED."keyIndicatorsPending", "flagsError" = EXCLUDED."flagsError",
                "flagsWarning" = EXCLUDED."flagsWarning", "flagsInfo" = EXCLUDED."flagsInfo", "refreshedAt" = EXCLUDED."refreshedAt"
        $$`);
        await queryRunner.query(`ALTER TABLE "project_scorecards" ADD CONSTRAINT "FK_2b45cf43f38cd36531c5552c5ca" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION "refresh_project_scorecards"(uuid[], varchar)`);
        await queryRunner.query(`ALTER TABLE "project_scorecards" DROP CONSTRAINT "FK_2b45cf43f38cd36531c5552c5ca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_flags_projectId_code_open"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_projects_year_departmentId_unitId"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overriddenAt"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overriddenBy"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overrideReason"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overrideScore"`);
        await queryRunner.query(`DROP TABLE "project_scorecards"`);
    }

}
