import { MigrationInterface, QueryRunner } from "typeorm";

export class StaleProjectScoresIndex1796509550035 implements MigrationInterface {
    name = 'StaleProjectScoresIndex1796509550035'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_project_scores_inputsChangedAt_computedAt"`);
        await queryRunner.query(`CREATE INDEX "IDX_project_scores_stale" ON "project_scores" ("period", "inputsChangedAt") WHERE "computedAt" IS NULL OR "inputsChangedAt" > "computedAt"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_project_scores_stale"`);
        await queryRunner.query(`CREATE INDEX "IDX_project_scores_inputsChangedAt_computedAt" ON "project_scores" ("inputsChangedAt", "computedAt") `);
    }

}
