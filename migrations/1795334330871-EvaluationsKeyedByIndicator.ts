import { MigrationInterface, QueryRunner } from "typeorm";

/** What the dropped `ON DELETE CASCADE` did, once per deleting statement instead of a key check per inserted row. */
const CLEANUP_FUNCTION = `
CREATE FUNCTION "delete_evaluations_of_deleted_indicators"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "evaluations" WHERE "indicatorId" IN (SELECT "id" FROM "deleted_indicators");
    RETURN NULL;
END $$`;

export class EvaluationsKeyedByIndicator1795334330871 implements MigrationInterface {
    name = 'EvaluationsKeyedByIndicator1795334330871'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "FK_db26ec078cf3c488288fac265f4"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "FK_3b60ad2dfd0fbcf0501d46cf85f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_evaluations_indicatorId_period"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "PK_f683b433eba0e6dae7e19b29e29"`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "id"`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "PK_eb3ed7f80e910b82b294860eb7c" PRIMARY KEY ("indicatorId", "period")`);
        await queryRunner.query(CLEANUP_FUNCTION);
        await queryRunner.query(`CREATE TRIGGER "delete_evaluations_of_deleted_indicators" AFTER DELETE ON "indicators"
            REFERENCING OLD TABLE AS "deleted_indicators" FOR EACH STATEMENT EXECUTE FUNCTION "delete_evaluations_of_deleted_indicators"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "delete_evaluations_of_deleted_indicators" ON "indicators"`);
        await queryRunner.query(`DROP FUNCTION "delete_evaluations_of_deleted_indicators"()`);
        await queryRunner.query(`DELETE FROM "evaluations" e WHERE NOT EXISTS (SELECT 1 FROM "indicators" i WHERE i."id" = e."indicatorId")`);
        await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "PK_eb3ed7f80e910b82b294860eb7c"`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "PK_f683b433eba0e6dae7e19b29e29" PRIMARY KEY ("id")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_evaluations_indicatorId_period" ON "evaluations" ("indicatorId", "period") `);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "FK_3b60ad2dfd0fbcf0501d46cf85f" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "FK_db26ec078cf3c488288fac265f4" FOREIGN KEY ("indicatorId") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

}
