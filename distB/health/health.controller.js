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
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const terminus_1 = require("@nestjs/terminus");
const api_error_responses_decorator_1 = require("../common/decorators/api-error-responses.decorator");
const public_decorator_1 = require("../common/decorators/public.decorator");
/** Terminus's result, keyed by check name (here only `database`). */
const CHECKS_SCHEMA = {
    type: 'object',
    additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', example: 'up' } },
        additionalProperties: true,
    },
};
/** The 200 body; a failed check answers 503 `database unavailable` instead. */
const HEALTH_OK_SCHEMA = {
    type: 'object',
    required: ['status', 'info', 'error', 'details'],
    properties: {
        status: { type: 'string', enum: ['ok'] },
        info: CHECKS_SCHEMA,
        error: CHECKS_SCHEMA,
        details: CHECKS_SCHEMA,
    },
    example: {
        status: 'ok',
        info: { database: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' } },
    },
};
let HealthController = class HealthController {
    health;
    database;
    constructor(health, database) {
        this.health = health;
        this.database = database;
    }
    /** 200 `{ status: 'ok', ... }` when the database answers within 1.5 s, else 503. */
    check() {
        return this.health.check([
            () => this.database.pingCheck('database', { timeout: 1500 }),
        ]);
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, public_decorator_1.Public)(),
    (0, common_1.Get)()
    // Documented below: terminus's own 503 schema is not what the filter sends.
    ,
    (0, terminus_1.HealthCheck)({ noCache: true, swaggerDocumentation: false }),
    (0, swagger_1.ApiOkResponse)({
        description: 'The database answers',
        schema: HEALTH_OK_SCHEMA,
    }),
    (0, api_error_responses_decorator_1.ApiErrorResponses)(500, 503),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "check", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('health'),
    (0, common_1.Controller)('health'),
    __metadata("design:paramtypes", [terminus_1.HealthCheckService,
        terminus_1.TypeOrmHealthIndicator])
], HealthController);
//# sourceMappingURL=health.controller.js.map