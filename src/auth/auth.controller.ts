import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ErrorResponseDto } from '../common/dto/error-response.dto';
import { toUserResponse, UserResponse } from '../users/user-response';
import type { User } from '../users/user.entity';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { RegistrationOpenGuard } from './registration-open.guard';
import { RegistrationService } from './registration.service';
import { SessionResponse } from './dto/session-response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'username and password are required',
  })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'invalid username or password',
  })
  login(@Body() body: LoginDto): Promise<SessionResponse> {
    return this.auth.login(body.username, body.password);
  }

  @Public()
  @Post('register')
  @HttpCode(200)
  @UseGuards(RegistrationOpenGuard)
  @ApiOkResponse({
    type: SessionResponse,
    description: 'The new user, logged in',
  })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'invalid invite code | registration is disabled | invalid username | invalid password | unknown field: <name>',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'username already exists',
  })
  register(@Body() body: RegisterDto): Promise<SessionResponse> {
    return this.registration.register(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'not logged in',
  })
  me(@CurrentUser() user: User): UserResponse {
    return toUserResponse(user);
  }
}
