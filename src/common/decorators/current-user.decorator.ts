import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { User } from '../../users/user.entity';
import { requestOf } from '../http-context';

/** The authenticated user, as loaded by the JWT strategy for this request. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User =>
    requestOf<{ user: User }>(context).user,
);
