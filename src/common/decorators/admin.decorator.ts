import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrorResponses } from './api-error-responses.decorator';

export const IS_ADMIN_KEY = 'requiresAdministrator';

/**
 * Marks a route (or a whole controller) as administrator-only. The global
 * AdminGuard reads the metadata; the Swagger decorators keep the document in
 * step with the rule.
 */
export const Admin = () =>
  applyDecorators(
    SetMetadata(IS_ADMIN_KEY, true),
    ApiBearerAuth(),
    ApiErrorResponses(403),
  );
