import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Recomputes project_scorecards for the projects and period, then unit_scorecards for their units. The unit rows are
 * locked first, so two transactions refreshing projects of one unit run one after the other and the second sums
 * what the first committed.
 */
const REFRESH_FUNCTION = `
CREATE FUNCTION "refresh_project_scorecards"("projectIds" uuid[], "scorecardPeriod" varchar) RETURNS void LANGUAGE sql AS $$
    SELECT 1 FROM "units" WHERE "id" IN (SELECT "unitId" FROM "projects" WHERE "id" = ANY("projectIds")) ORDER BY "id" FOR UPDATE;

    INSERT INTO "project_scorecards" ("projectId", "period", "spent", "score", "grade", "executionRate", "indicators", "indicatorsMet", "indicatorsPending", "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo", "refreshedAt")
    SELECT p."id", "scorecardPeriod", sp."executed", ps."score", ps."grade", ps."executionRate",
           coalesce(e."indicators", 0), coalesce(e."indicatorsMet", 0), coalesce(e."indicatorsPending", 0), coalesce(e."keyIndicators", 0), coalesce(e."keyIndicatorsMet", 0), coalesce(e."keyIndicatorsPending", 0), coalesce(f."flagsError", 0), coalesce(f."flagsWarning", 0), coalesce(f."flagsInfo", 0), now()
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
        "spent" = EXCLUDED."spent",
        "score" = EXCLUDED."score",
        "grade" = EXCLUDED."grade",
        "executionRate" = EXCLUDED."executionRate",
        "indicators" = EXCLUDED."indicators",
        "indicatorsMet" = EXCLUDED."indicatorsMet",
        "indicatorsPending" = EXCLUDED."indicatorsPending",
        "keyIndicators" = EXCLUDED."keyIndicators",
        "keyIndicatorsMet" = EXCLUDED."keyIndicatorsMet",
        "keyIndicatorsPending" = EXCLUDED."keyIndicatorsPending",
        "flagsError" = EXCLUDED."flagsError",
        "flagsWarning" = EXCLUDED."flagsWarning",
        "flagsInfo" = EXCLUDED."flagsInfo",
        "refreshedAt" = EXCLUDED."refreshedAt";

    INSERT INTO "unit_scorecards" ("unitId", "period", "departmentId", "projects", "budget", "spent", "scoreSum", "scoredProjects", "excellent", "good", "pass", "poor", "indicators", "indicatorsMet", "indicatorsPending", "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo", "refreshedAt")
    SELECT u."id", "scorecardPeriod", u."departmentId", count(*), coalesce(sum(p."amount"), 0), sum(s."spent"),
           sum(s."score"), count(s."score"), count(*) FILTER (WHERE s."grade" = '优'), count(*) FILTER (WHERE s."grade" = '良'),
           count(*) FILTER (WHERE s."grade" = '中'), count(*) FILTER (WHERE s."grade" = '差'),
           coalesce(sum(s."indicators"), 0), coalesce(sum(s."indicatorsMet"), 0), coalesce(sum(s."indicatorsPending"), 0), coalesce(sum(s."keyIndicators"), 0), coalesce(sum(s."keyIndicatorsMet"), 0), coalesce(sum(s."keyIndicatorsPending"), 0), coalesce(sum(s."flagsError"), 0), coalesce(sum(s."flagsWarning"), 0), coalesce(sum(s."flagsInfo"), 0), now()
    FROM "units" u
    JOIN "projects" p ON p."unitId" = u."id" AND p."year" = left("scorecardPeriod", 4)::int
    LEFT JOIN "project_scorecards" s ON s."projectId" = p."id" AND s."period" = "scorecardPeriod"
    WHERE u."id" IN (SELECT "unitId" FROM "projects" WHERE "id" = ANY("projectIds"))
    GROUP BY u."id"
    ON CONFLICT ("unitId", "period") DO UPDATE SET
        "departmentId" = EXCLUDED."departmentId", "projects" = EXCLUDED."projects",
        "budget" = EXCLUDED."budget",
        "spent" = EXCLUDED."spent",
        "scoreSum" = EXCLUDED."scoreSum",
        "scoredProjects" = EXCLUDED."scoredProjects",
        "excellent" = EXCLUDED."excellent",
        "good" = EXCLUDED."good",
        "pass" = EXCLUDED."pass",
        "poor" = EXCLUDED."poor",
        "indicators" = EXCLUDED."indicators",
        "indicatorsMet" = EXCLUDED."indicatorsMet",
        "indicatorsPending" = EXCLUDED."indicatorsPending",
        "keyIndicators" = EXCLUDED."keyIndicators",
        "keyIndicatorsMet" = EXCLUDED."keyIndicatorsMet",
        "keyIndicatorsPending" = EXCLUDED."keyIndicatorsPending",
        "flagsError" = EXCLUDED."flagsError",
        "flagsWarning" = EXCLUDED."flagsWarning",
        "flagsInfo" = EXCLUDED."flagsInfo",
        "refreshedAt" = EXCLUDED."refreshedAt";
$$`;

export class Scorecards1795324808962 implements MigrationInterface {
    name = 'Scorecards1795324808962'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "project_scorecards" ("projectId" uuid NOT NULL, "period" character varying(10) NOT NULL, "spent" numeric(18,2), "score" numeric(8,2), "grade" character varying(4), "executionRate" numeric(12,6), "refreshedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "indicators" integer NOT NULL DEFAULT '0', "indicatorsMet" integer NOT NULL DEFAULT '0', "indicatorsPending" integer NOT NULL DEFAULT '0', "keyIndicators" integer NOT NULL DEFAULT '0', "keyIndicatorsMet" integer NOT NULL DEFAULT '0', "keyIndicatorsPending" integer NOT NULL DEFAULT '0', "flagsError" integer NOT NULL DEFAULT '0', "flagsWarning" integer NOT NULL DEFAULT '0', "flagsInfo" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_8885307e6edfc63be9509f01d8d" PRIMARY KEY ("projectId", "period"))`);
        await queryRunner.query(`CREATE TABLE "unit_scorecards" ("unitId" uuid NOT NULL, "period" character varying(10) NOT NULL, "departmentId" uuid, "projects" integer NOT NULL DEFAULT '0', "budget" numeric(18,2) NOT NULL DEFAULT '0', "spent" numeric(18,2), "scoreSum" numeric(14,2), "scoredProjects" integer NOT NULL DEFAULT '0', "excellent" integer NOT NULL DEFAULT '0', "good" integer NOT NULL DEFAULT '0', "pass" integer NOT NULL DEFAULT '0', "poor" integer NOT NULL DEFAULT '0', "refreshedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "indicators" integer NOT NULL DEFAULT '0', "indicatorsMet" integer NOT NULL DEFAULT '0', "indicatorsPending" integer NOT NULL DEFAULT '0', "keyIndicators" integer NOT NULL DEFAULT '0', "keyIndicatorsMet" integer NOT NULL DEFAULT '0', "keyIndicatorsPending" integer NOT NULL DEFAULT '0', "flagsError" integer NOT NULL DEFAULT '0', "flagsWarning" integer NOT NULL DEFAULT '0', "flagsInfo" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_70247b77f9a9558c5094afdd2c9" PRIMARY KEY ("unitId", "period"))`);
        await queryRunner.query(`CREATE INDEX "IDX_unit_scorecards_period_departmentId" ON "unit_scorecards" ("period", "departmentId") `);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overrideScore" numeric(8,2)`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overrideReason" text`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overriddenBy" character varying(128)`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "overriddenAt" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "IDX_projects_year_departmentId_unitId" ON "projects" ("year", "departmentId", "unitId") `);
        await queryRunner.query(`CREATE INDEX "IDX_flags_projectId_code_open" ON "flags" ("projectId", "code") WHERE "resolvedAt" IS NULL`);
        await queryRunner.query(REFRESH_FUNCTION);
        await queryRunner.query(`ALTER TABLE "project_scorecards" ADD CONSTRAINT "FK_2b45cf43f38cd36531c5552c5ca" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "unit_scorecards" ADD CONSTRAINT "FK_7ec8b7dc222fc9efe625b33fd5f" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION "refresh_project_scorecards"(uuid[], varchar)`);
        await queryRunner.query(`ALTER TABLE "unit_scorecards" DROP CONSTRAINT "FK_7ec8b7dc222fc9efe625b33fd5f"`);
        await queryRunner.query(`ALTER TABLE "project_scorecards" DROP CONSTRAINT "FK_2b45cf43f38cd36531c5552c5ca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_flags_projectId_code_open"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_projects_year_departmentId_unitId"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overriddenAt"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overriddenBy"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overrideReason"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "overrideScore"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_unit_scorecards_period_departmentId"`);
        await queryRunner.query(`DROP TABLE "unit_scorecards"`);
        await queryRunner.query(`DROP TABLE "project_scorecards"`);
    }

}
