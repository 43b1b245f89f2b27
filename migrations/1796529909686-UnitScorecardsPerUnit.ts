import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `refresh_unit_scorecards` (written by hand: TypeORM does not see functions):
 * - sums each unit's projects in a subquery of its own. As one join grouped by unit, Postgres planned the projects of
 *   250 given ids as if they were spread over 250 units, 12 500 projects, and once project_scorecards had statistics
 *   read that whole table (100 000 rows: 27 ms) instead of probing 250 rows by key (2.5 ms);
 * - finds the given projects' units one index probe per id. Written as `"id" = ANY(…)`, the lookup is planned from
 *   the statistics of projects, which lag while an import fills the table: it became a scan of every project (22 ms
 *   a call during the import bench).
 * A unit is still written only if it has projects in the period's year, as before.
 */
const UNIT_FUNCTION = (batchUnits: string, sums: string) => `
CREATE OR REPLACE FUNCTION "refresh_unit_scorecards"("projectIds" uuid[], "scorecardPeriod" varchar) RETURNS void LANGUAGE sql AS $$
    SELECT 1 FROM "units" WHERE "id" IN (${batchUnits}) ORDER BY "id" FOR UPDATE;
    INSERT INTO "unit_scorecards" ("unitId", "period", "departmentId", "projects", "budget", "spent", "scoreSum", "scoredProjects", "excellent", "good", "pass", "poor", "indicators", "indicatorsMet", "indicatorsPending", "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo", "refreshedAt")
    ${sums}
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

const SUMS = `count(*), coalesce(sum(p."amount"), 0), sum(s."spent"),
           sum(s."score"), count(s."score"), count(*) FILTER (WHERE s."grade" = '优'), count(*) FILTER (WHERE s."grade" = '良'),
           count(*) FILTER (WHERE s."grade" = '中'), count(*) FILTER (WHERE s."grade" = '差'),
           coalesce(sum(s."indicators"), 0), coalesce(sum(s."indicatorsMet"), 0), coalesce(sum(s."indicatorsPending"), 0), coalesce(sum(s."keyIndicators"), 0), coalesce(sum(s."keyIndicatorsMet"), 0), coalesce(sum(s."keyIndicatorsPending"), 0), coalesce(sum(s."flagsError"), 0), coalesce(sum(s."flagsWarning"), 0), coalesce(sum(s."flagsInfo"), 0)`;

const PROBED_UNITS = `SELECT p."unitId" FROM unnest("projectIds") AS given("id")
        CROSS JOIN LATERAL (SELECT "unitId" FROM "projects" WHERE "id" = given."id" OFFSET 0) p`;

const PER_UNIT = `SELECT u."id", "scorecardPeriod", u."departmentId", t.*, now()
    FROM "units" u
    CROSS JOIN LATERAL (
        SELECT ${SUMS}
        FROM "projects" p
        LEFT JOIN "project_scorecards" s ON s."projectId" = p."id" AND s."period" = "scorecardPeriod"
        WHERE p."unitId" = u."id" AND p."year" = left("scorecardPeriod", 4)::int
    ) t ("projects")
    WHERE u."id" IN (${PROBED_UNITS}) AND t."projects" > 0`;

/** As migration LighterWrites1796523407317 wrote them. */
const SCANNED_UNITS = `SELECT "unitId" FROM "projects" WHERE "id" = ANY("projectIds")`;
const GROUPED = `SELECT u."id", "scorecardPeriod", u."departmentId", ${SUMS}, now()
    FROM "units" u
    JOIN "projects" p ON p."unitId" = u."id" AND p."year" = left("scorecardPeriod", 4)::int
    LEFT JOIN "project_scorecards" s ON s."projectId" = p."id" AND s."period" = "scorecardPeriod"
    WHERE u."id" IN (${SCANNED_UNITS})
    GROUP BY u."id"`;

export class UnitScorecardsPerUnit1796529909686 implements MigrationInterface {
    name = 'UnitScorecardsPerUnit1796529909686'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(UNIT_FUNCTION(PROBED_UNITS, PER_UNIT));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(UNIT_FUNCTION(SCANNED_UNITS, GROUPED));
    }

}
