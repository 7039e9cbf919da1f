"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateInvites1764162000000 = void 0;
class CreateInvites1764162000000 {
    name = 'CreateInvites1764162000000';
    async up(queryRunner) {
        await queryRunner.query(`CREATE TABLE "invites" ("id" SERIAL NOT NULL, "code" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "uses" integer NOT NULL DEFAULT '0', "max_uses" integer DEFAULT '1', "created_by_id" integer NOT NULL, CONSTRAINT "invites_max_uses_positive" CHECK ("max_uses" IS NULL OR "max_uses" >= 1), CONSTRAINT "invites_uses_not_negative" CHECK ("uses" >= 0), CONSTRAINT "invites_uses_within_max" CHECK ("max_uses" IS NULL OR "uses" <= "max_uses"), CONSTRAINT "invites_pkey" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "invites_code_key" ON "invites" ("code") `);
        await queryRunner.query(`CREATE INDEX "invites_created_by_id_idx" ON "invites" ("created_by_id") `);
        await queryRunner.query(`CREATE INDEX "invites_created_at_id_idx" ON "invites" ("created_at", "id") `);
        await queryRunner.query(`ALTER TABLE "invites" ADD CONSTRAINT "invites_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD "invite_id" integer`);
        await queryRunner.query(`CREATE INDEX "users_invite_id_idx" ON "users" ("invite_id") `);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_invite_id_fkey" FOREIGN KEY ("invite_id") REFERENCES "invites"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }
    async down(queryRunner) {
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_invite_id_fkey"`);
        await queryRunner.query(`DROP INDEX "public"."users_invite_id_idx"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "invite_id"`);
        await queryRunner.query(`ALTER TABLE "invites" DROP CONSTRAINT "invites_created_by_id_fkey"`);
        await queryRunner.query(`DROP INDEX "public"."invites_created_at_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."invites_created_by_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."invites_code_key"`);
        await queryRunner.query(`DROP TABLE "invites"`);
    }
}
exports.CreateInvites1764162000000 = CreateInvites1764162000000;
//# sourceMappingURL=1764162000000-CreateInvites.js.map