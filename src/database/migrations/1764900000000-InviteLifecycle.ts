import { MigrationInterface, QueryRunner } from 'typeorm';

export class InviteLifecycle1764900000000 implements MigrationInterface {
  name = 'InviteLifecycle1764900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "invites" ADD "note" character varying(500)`,
    );
    await queryRunner.query(
      `ALTER TABLE "invites" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "invites" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invites" DROP COLUMN "last_used_at"`);
    await queryRunner.query(`ALTER TABLE "invites" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "invites" DROP COLUMN "note"`);
  }
}
