"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Admin = exports.IS_ADMIN_KEY = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const api_error_responses_decorator_1 = require("./api-error-responses.decorator");
exports.IS_ADMIN_KEY = 'requiresAdministrator';
/**
 * Marks a route (or a whole controller) as administrator-only. The global
 * AdminGuard reads the metadata; the Swagger decorators keep the document in
 * step with the rule.
 */
const Admin = () => (0, common_1.applyDecorators)((0, common_1.SetMetadata)(exports.IS_ADMIN_KEY, true), (0, swagger_1.ApiBearerAuth)(), (0, api_error_responses_decorator_1.ApiErrorResponses)(403));
exports.Admin = Admin;
//# sourceMappingURL=admin.decorator.js.map