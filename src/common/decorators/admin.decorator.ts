import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dto/error-response.dto';

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
    ApiForbiddenResponse({
      description: 'not an administrator',
      type: ErrorResponseDto,
    }),
  );
