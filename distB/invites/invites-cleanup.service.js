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
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvitesCleanupService = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const invites_service_1 = require("./invites.service");
/**
 * With INVITES_CLEANUP_INTERVAL > 0, deletes expired and used-up invites at
 * that interval (Zipline's CORE_INVITES_INTERVAL). Off by default: deleting
 * an invite forgets which users registered with it. Several instances may
 * run it at once; the DELETE is idempotent.
 */
let InvitesCleanupService = class InvitesCleanupService {
    invites;
    config;
    logger = new common_1.Logger('InvitesCleanup');
    timer;
    constructor(invites, config) {
        this.invites = invites;
        this.config = config;
    }
    onApplicationBootstrap() {
        const seconds = this.config.get('invites', {
            infer: true,
        }).cleanupIntervalSeconds;
        if (seconds <= 0)
            return;
        this.timer = setInterval(() => void this.runOnce(), seconds * 1000);
        this.timer.unref();
    }
    onApplicationShutdown() {
        clearInterval(this.timer);
    }
    /** One pass; failures (the database being away) are logged and retried next time. */
    async runOnce() {
        try {
            const deleted = await this.invites.deleteSpent();
            if (deleted > 0)
                this.logger.log(`deleted ${deleted} expired or used-up invites`);
            return deleted;
        }
        catch (error) {
            this.logger.warn(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
            return 0;
        }
    }
};
exports.InvitesCleanupService = InvitesCleanupService;
exports.InvitesCleanupService = InvitesCleanupService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invites_service_1.InvitesService,
        config_1.ConfigService])
], InvitesCleanupService);
//# sourceMappingURL=invites-cleanup.service.js.map