import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrorResponses,
  JSON_BODY_ERRORS,
} from '../common/decorators/api-error-responses.decorator';
import { Requester, type RequestContext } from '../audit/request-context';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { RateLimited } from '../rate-limit/rate-limited.decorator';
import { USER_JSON_SCHEMA, UserResponse } from '../users/user-response';
import { compileJson, JsonText } from '../http/fast-json-response';
import type { User } from '../users/user.entity';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { RegistrationOpenGuard } from './registration-open.guard';
import { RegistrationService } from './registration.service';
import { SessionResponse } from './dto/session-response.dto';

/** /me's answer, written from the User as toUserResponse would give it. */
const USER_JSON = compileJson<User>(USER_JSON_SCHEMA);

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
  ) {}

  // Above @RateLimited(), so that its 429 is the one documented.
  @ApiErrorResponses(
    [
      400,
      'username and password are required',
      'unknown field: remember',
      ...JSON_BODY_ERRORS,
    ],
    [401, 'invalid username or password'],
    413,
    415,
    429,
    500,
    // server busy: the password-hashing queue is full (with Retry-After).
    [503, 'database unavailable', 'server busy'],
  )
  @Public()
  @RateLimited()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a token for a username and password' })
  @ApiOkResponse({ type: SessionResponse, description: 'Logged in' })
  login(
    @Body() body: LoginDto,
    @Requester() requester: RequestContext,
  ): Promise<SessionResponse> {
    return this.auth.login(body.username, body.password, requester);
  }

  // Above @RateLimited(), so that its 429 is the one documented.
  @ApiErrorResponses(
    [
      400,
      'registration is disabled',
      'invalid invite code',
      'invalid username',
      'invalid password',
      'unknown field: administrator',
      ...JSON_BODY_ERRORS,
    ],
    [409, 'username already exists'],
    413,
    415,
    429,
    500,
    // server busy: the password-hashing queue is full (with Retry-After).
    [503, 'database unavailable', 'server busy'],
  )
  @Public()
  @RateLimited()
  @Post('register')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Register, with an invite code while invites are on',
  })
  @UseGuards(RegistrationOpenGuard)
  @ApiOkResponse({
    type: SessionResponse,
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
  })
  register(
    @Body() body: RegisterDto,
    @Requester() requester: RequestContext,
  ): Promise<SessionResponse> {
    return this.registration.register(body, requester);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Log out: end every session of this user' })
  @ApiNoContentResponse({
    description:
      'Logged out: every token of this user issued so far stops working',
  })
  @ApiErrorResponses(401, 500, 503)
  logout(
    @CurrentUser() user: User,
    @Requester() requester: RequestContext,
  ): Promise<void> {
    return this.auth.logout(user, requester);
  }

  @Get('me')
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse, description: 'The logged-in user' })
  @ApiErrorResponses(401, 500, 503)
  @JsonText()
  me(@CurrentUser() user: User): string {
    return USER_JSON(user);
  }
}
