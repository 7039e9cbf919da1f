"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsersService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const database_errors_1 = require("../database/database-errors");
const postgres_text_1 = require("../database/postgres-text");
const read_rows_1 = require("../database/read-rows");
const password_hasher_1 = require("./password-hasher");
const user_entity_1 = require("./user.entity");
const users_errors_1 = require("./users.errors");
let UsersService = class UsersService {
    users;
    passwords;
    constructor(users, passwords) {
        this.users = users;
        this.passwords = passwords;
    }
    /**
     * Runs on every authenticated request, so it is one plain statement on the
     * pool rather than a query-builder round through TypeORM's metadata.
     */
    async findById(id) {
        const rows = await (0, read_rows_1.readRows)(this.users.manager.connection, `SELECT id, username, administrator, created_at, invite_id FROM users WHERE id = $1`, [id]);
        if (rows.length === 0)
            return null;
        const [row] = rows;
        return Object.assign(new user_entity_1.User(), {
            id: row.id,
            username: row.username,
            administrator: row.administrator,
            createdAt: row.created_at,
            inviteId: row.invite_id,
        });
    }
    /** Case-insensitive, with the password hash (which is otherwise never selected). */
    async findForLogin(username) {
        if (!(0, postgres_text_1.isStorableText)(username))
            return null;
        return this.users
            .createQueryBuilder('user')
            .addSelect('user.passwordHash')
            .where('lower(user.username) = lower(:username)', { username })
            .getOne();
    }
    count() {
        return this.users.count();
    }
    /** @throws UsernameTakenError when the name exists in any letter case. */
    async create(newUser) {
        return this.insert({
            username: newUser.username,
            passwordHash: await this.passwords.hash(newUser.password),
            administrator: newUser.administrator,
        });
    }
    /**
     * Inserts an already hashed user, inside `manager`'s transaction when one
     * is given: registration redeems an invite in the same transaction, and
     * hashes before opening it so no lock is held while argon2 runs.
     * @throws UsernameTakenError when the name exists in any letter case.
     */
    async insert(row, manager) {
        const repository = manager ? manager.getRepository(user_entity_1.User) : this.users;
        try {
            const inserted = await repository.insert({
                username: row.username,
                passwordHash: row.passwordHash,
                administrator: row.administrator ?? false,
                inviteId: row.inviteId ?? null,
            });
            const id = inserted.identifiers[0].id;
            return await repository.findOneByOrFail({ id });
        }
        catch (error) {
            if ((0, database_errors_1.isUniqueViolation)(error, user_entity_1.USERNAME_UNIQUE_INDEX)) {
                throw new users_errors_1.UsernameTakenError();
            }
            throw error;
        }
    }
    async setPassword(username, password) {
        const user = await this.findByUsernameOrFail(username);
        await this.users.update(user.id, {
            passwordHash: await this.passwords.hash(password),
        });
        return user;
    }
    async setAdministrator(username, administrator) {
        const user = await this.findByUsernameOrFail(username);
        await this.users.update(user.id, { administrator });
        return { ...user, administrator };
    }
    async findByUsernameOrFail(username) {
        if (!(0, postgres_text_1.isStorableText)(username))
            throw new users_errors_1.UserNotFoundError(username);
        const user = await this.users
            .createQueryBuilder('user')
            .where('lower(user.username) = lower(:username)', { username })
            .getOne();
        if (!user)
            throw new users_errors_1.UserNotFoundError(username);
        return user;
    }
};
exports.UsersService = UsersService;
exports.UsersService = UsersService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        password_hasher_1.PasswordHasher])
], UsersService);
//# sourceMappingURL=users.service.js.map