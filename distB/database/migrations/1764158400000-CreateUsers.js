"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateUsers1764158400000 = void 0;
class CreateUsers1764158400000 {
    name = 'CreateUsers1764158400000';
    async up(queryRunner) {
        await queryRunner.query(`CREATE TABLE "users" ("id" SERIAL NOT NULL, "username" character varying(64) NOT NULL, "password_hash" character varying(255) NOT NULL, "administrator" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_pkey" PRIMARY KEY ("id"))`);
        // Usernames are unique regardless of case; TypeORM cannot express this
        // expression index, so the entity declares it with synchronize: false.
        await queryRunner.query(`CREATE UNIQUE INDEX "users_username_lower_key" ON "users" (lower("username"))`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP INDEX "public"."users_username_lower_key"`);
        await queryRunner.query(`DROP TABLE "users"`);
    }
}
exports.CreateUsers1764158400000 = CreateUsers1764158400000;
//# sourceMappingURL=1764158400000-CreateUsers.js.map