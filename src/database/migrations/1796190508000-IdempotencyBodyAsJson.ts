import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * idempotency_keys.response_body as json, which keeps the text it is given:
 * jsonb reorders keys, so a replayed invite came back with `url` second.
 */
export class IdempotencyBodyAsJson1796190508000 implements MigrationInterface {
  name = 'IdempotencyBodyAsJson1796190508000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE json USING "response_body"::json`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE jsonb USING "response_body"::jsonb`,
    );
  }
}
