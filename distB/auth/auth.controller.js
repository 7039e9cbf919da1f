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
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const api_error_responses_decorator_1 = require("../common/decorators/api-error-responses.decorator");
const current_user_decorator_1 = require("../common/decorators/current-user.decorator");
const public_decorator_1 = require("../common/decorators/public.decorator");
const rate_limited_decorator_1 = require("../rate-limit/rate-limited.decorator");
const user_response_1 = require("../users/user-response");
const auth_service_1 = require("./auth.service");
const login_dto_1 = require("./dto/login.dto");
const register_dto_1 = require("./dto/register.dto");
const registration_open_guard_1 = require("./registration-open.guard");
const registration_service_1 = require("./registration.service");
const session_response_dto_1 = require("./dto/session-response.dto");
let AuthController = class AuthController {
    auth;
    registration;
    constructor(auth, registration) {
        this.auth = auth;
        this.registration = registration;
    }
    // Above @RateLimited(), so that its 429 is the one documented.
    login(body) {
        return this.auth.login(body.username, body.password);
    }
    // Above @RateLimited(), so that its 429 is the one documented.
    register(body) {
        return this.registration.register(body);
    }
    me(user) {
        return (0, user_response_1.toUserResponse)(user);
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, api_error_responses_decorator_1.ApiErrorResponses)([
        400,
        'username and password are required',
        'unknown field: remember',
        ...api_error_responses_decorator_1.JSON_BODY_ERRORS,
    ], [401, 'invalid username or password'], 413, 415, 429, 500, 503),
    (0, public_decorator_1.Public)(),
    (0, rate_limited_decorator_1.RateLimited)(),
    (0, common_1.Post)('login'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ type: session_response_dto_1.SessionResponse, description: 'Logged in' }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [login_dto_1.LoginDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "login", null);
__decorate([
    (0, api_error_responses_decorator_1.ApiErrorResponses)([
        400,
        'registration is disabled',
        'invalid invite code',
        'invalid username',
        'invalid password',
        'unknown field: administrator',
        ...api_error_responses_decorator_1.JSON_BODY_ERRORS,
    ], [409, 'username already exists'], 413, 415, 429, 500, 503),
    (0, public_decorator_1.Public)(),
    (0, rate_limited_decorator_1.RateLimited)(),
    (0, common_1.Post)('register'),
    (0, common_1.HttpCode)(200),
    (0, common_1.UseGuards)(registration_open_guard_1.RegistrationOpenGuard),
    (0, swagger_1.ApiOkResponse)({
        type: session_response_dto_1.SessionResponse,
        description: 'The new user, logged in',
        example: {
            token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
            expiresAt: '2022-11-12T03:40:02.114Z',
            user: {
                id: 2,
                username: 'alice',
                administrator: false,
                createdAt: '2022-11-11T03:40:02.114Z',
                inviteId: 35,
            },
        },
    }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [register_dto_1.RegisterDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "register", null);
__decorate([
    (0, common_1.Get)('me'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiOkResponse)({ type: user_response_1.UserResponse, description: 'The logged-in user' }),
    (0, api_error_responses_decorator_1.ApiErrorResponses)(401, 500, 503),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", user_response_1.UserResponse)
], AuthController.prototype, "me", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('auth'),
    __metadata("design:paramtypes", [auth_service_1.AuthService,
        registration_service_1.RegistrationService])
], AuthController);
//# sourceMappingURL=auth.controller.js.map