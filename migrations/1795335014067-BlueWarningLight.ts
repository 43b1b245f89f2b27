import { MigrationInterface, QueryRunner } from "typeorm";

export class BlueWarningLight1795335014067 implements MigrationInterface {
    name = 'BlueWarningLight1795335014067'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."warning_light" RENAME TO "warning_light_old"`);
        await queryRunner.query(`CREATE TYPE "public"."warning_light" AS ENUM('green', 'yellow', 'red', 'blue')`);
        await queryRunner.query(`ALTER TABLE "project_scores" ALTER COLUMN "light" TYPE "public"."warning_light" USING "light"::"text"::"public"."warning_light"`);
        await queryRunner.query(`DROP TYPE "public"."warning_light_old"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "project_scores" SET "light" = 'green' WHERE "light" = 'blue'`);
        await queryRunner.query(`CREATE TYPE "public"."warning_light_old" AS ENUM('green', 'yellow', 'red')`);
        await queryRunner.query(`ALTER TABLE "project_scores" ALTER COLUMN "light" TYPE "public"."warning_light_old" USING "light"::"text"::"public"."warning_light_old"`);
        await queryRunner.query(`DROP TYPE "public"."warning_light"`);
        await queryRunner.query(`ALTER TYPE "public"."warning_light_old" RENAME TO "warning_light"`);
    }

}
