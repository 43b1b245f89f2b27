import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Fewer bytes, index entries and key checks per scored indicator, project and flag (reviewed; generated, with the
 * functions and the trigger written by hand, as TypeORM does not see them):
 * - project_scores is keyed by (projectId, period), which it was unique on, instead of a random uuid of its own;
 * - evaluations lose `inputsHash`, a copy of their project's (project_scores), written on every row and never read
 *   (going down, the column comes back filled with zeros), and are keyed by (projectId, period, indicatorId), one index
 *   instead of (indicatorId, period) plus (projectId, period): every read by indicator also knows its project;
 * - flags lose `IDX_flags_code` (no query filters on the code alone) and their foreign key to projects with the index
 *   that served it: every read of a project's flags is of its open ones (`IDX_flags_projectId_code_open`), and the
 *   trigger `delete_flags_of_deleted_projects` deletes them with their project;
 * - the unit half of `refresh_project_scorecards` becomes `refresh_unit_scorecards` (the units of the given
 *   projects), so the evaluator, which has just counted each project's indicators, upserts the project rows itself and
 *   then calls it. The unit rows are now locked after the project rows are written (before, first): the unit sum is a
 *   statement of its own, so it still reads what another transaction on the same unit committed while this one waited.
 */
const LOCK_UNITS = `
    SELECT 1 FROM "units" WHERE "id" IN (SELECT "unitId" FROM "projects" WHERE "id" = ANY("projectIds")) ORDER BY "id" FOR UPDATE;`;

const UPSERT_PROJECT_SCORECARDS = `
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
        "refreshedAt" = EXCLUDED."refreshedAt";`;

const UPSERT_UNIT_SCORECARDS = `
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
        "refreshedAt" = EXCLUDED."refreshedAt";`;

const UNIT_FUNCTION = `
CREATE FUNCTION "refresh_unit_scorecards"("projectIds" uuid[], "scorecardPeriod" varchar) RETURNS void LANGUAGE sql AS $$${LOCK_UNITS}${UPSERT_UNIT_SCORECARDS}
$$`;

const PROJECT_FUNCTION = `
CREATE OR REPLACE FUNCTION "refresh_project_scorecards"("projectIds" uuid[], "scorecardPeriod" varchar) RETURNS void LANGUAGE sql AS $$${UPSERT_PROJECT_SCORECARDS}
    SELECT "refresh_unit_scorecards"("projectIds", "scorecardPeriod");
$$`;

/** As migration Scorecards1795324808962 created it. */
const PREVIOUS_PROJECT_FUNCTION = `
CREATE OR REPLACE FUNCTION "refresh_project_scorecards"("projectIds" uuid[], "scorecardPeriod" varchar) RETURNS void LANGUAGE sql AS $$${LOCK_UNITS}${UPSERT_PROJECT_SCORECARDS}${UPSERT_UNIT_SCORECARDS}
$$`;

/**
 * Migration EvaluationsKeyedByIndicator's trigger function, `match` picking the deleted indicators' rows: going up, by
 * project and indicator, as the new primary key serves.
 */
const EVALUATIONS_CLEANUP_FUNCTION = (match: string) => `
CREATE OR REPLACE FUNCTION "delete_evaluations_of_deleted_indicators"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "evaluations" WHERE ${match};
    RETURN NULL;
END $$`;

/** What the dropped `ON DELETE CASCADE` of flags did, once per deleting statement instead of a key check per inserted flag. */
const FLAGS_CLEANUP_FUNCTION = `
CREATE FUNCTION "delete_flags_of_deleted_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "flags" WHERE "projectId" IN (SELECT "id" FROM "deleted_projects");
    RETURN NULL;
END $$`;

export class LighterWrites1796523407317 implements MigrationInterface {
    name = 'LighterWrites1796523407317'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "inputsHash"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_evaluations_projectId_period"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "PK_eb3ed7f80e910b82b294860eb7c"`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "PK_14286adc64462339fcbb6b0ead0" PRIMARY KEY ("projectId", "period", "indicatorId")`);
        await queryRunner.query(EVALUATIONS_CLEANUP_FUNCTION(`("projectId", "indicatorId") IN (SELECT "projectId", "id" FROM "deleted_indicators")`));
        await queryRunner.query(`ALTER TABLE "flags" DROP CONSTRAINT "FK_4e98e679fc622ebdc5cf1035130"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_flags_projectId"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_flags_code"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_project_scores_projectId_period"`);
        await queryRunner.query(`ALTER TABLE "project_scores" DROP CONSTRAINT "PK_d33b5b574c9fd9e3649107c5ac0"`);
        await queryRunner.query(`ALTER TABLE "project_scores" DROP COLUMN "id"`);
        await queryRunner.query(`ALTER TABLE "project_scores" ADD CONSTRAINT "PK_896d26d7506a27ca5c66058d098" PRIMARY KEY ("projectId", "period")`);
        await queryRunner.query(UNIT_FUNCTION);
        await queryRunner.query(PROJECT_FUNCTION);
        await queryRunner.query(FLAGS_CLEANUP_FUNCTION);
        await queryRunner.query(`CREATE TRIGGER "delete_flags_of_deleted_projects" AFTER DELETE ON "projects"
            REFERENCING OLD TABLE AS "deleted_projects" FOR EACH STATEMENT EXECUTE FUNCTION "delete_flags_of_deleted_projects"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "delete_flags_of_deleted_projects" ON "projects"`);
        await queryRunner.query(`DROP FUNCTION "delete_flags_of_deleted_projects"()`);
        await queryRunner.query(PREVIOUS_PROJECT_FUNCTION);
        await queryRunner.query(`DROP FUNCTION "refresh_unit_scorecards"(uuid[], varchar)`);
        await queryRunner.query(`ALTER TABLE "project_scores" DROP CONSTRAINT "PK_896d26d7506a27ca5c66058d098"`);
        await queryRunner.query(`ALTER TABLE "project_scores" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
        await queryRunner.query(`ALTER TABLE "project_scores" ADD CONSTRAINT "PK_d33b5b574c9fd9e3649107c5ac0" PRIMARY KEY ("id")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_project_scores_projectId_period" ON "project_scores" ("projectId", "period") `);
        await queryRunner.query(`CREATE INDEX "IDX_flags_code" ON "flags" ("code") `);
        await queryRunner.query(`DELETE FROM "flags" f WHERE f."projectId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "projects" p WHERE p."id" = f."projectId")`);
        await queryRunner.query(`CREATE INDEX "IDX_flags_projectId" ON "flags" ("projectId") `);
        await queryRunner.query(`ALTER TABLE "flags" ADD CONSTRAINT "FK_4e98e679fc622ebdc5cf1035130" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(EVALUATIONS_CLEANUP_FUNCTION(`"indicatorId" IN (SELECT "id" FROM "deleted_indicators")`));
        await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "PK_14286adc64462339fcbb6b0ead0"`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "PK_eb3ed7f80e910b82b294860eb7c" PRIMARY KEY ("indicatorId", "period")`);
        await queryRunner.query(`CREATE INDEX "IDX_evaluations_projectId_period" ON "evaluations" ("projectId", "period") `);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "inputsHash" character(64) NOT NULL DEFAULT repeat('0', 64)`);
        await queryRunner.query(`ALTER TABLE "evaluations" ALTER COLUMN "inputsHash" DROP DEFAULT`);
    }

}
