import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Admin } from '../common/decorators/admin.decorator';
import { RowIdPipe } from '../common/pipes/row-id.pipe';
import {
  ApiErrorResponses,
  JSON_BODY_ERRORS,
} from '../common/decorators/api-error-responses.decorator';
import { Requester, type RequestContext } from '../audit/request-context';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import type { User } from '../users/user.entity';
import { ApiKeyResponse, CreatedApiKeyResponse } from './api-key-response';
import { ApiKeyNotFoundError } from './api-keys.errors';
import { ApiKeysService } from './api-keys.service';
import { parseCreateApiKeyInput } from './create-api-key-input';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Unknown or malformed ids are all "not found", as API.md says for invites. */
const ID_PIPE = new RowIdPipe(() => new ApiKeyNotFoundError());

@ApiTags('api keys')
@Admin()
@ApiErrorResponses(
  401,
  [403, 'not an administrator', 'insufficient scope'],
  500,
  503,
)
@Controller('auth/keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create an API key; the secret is in this answer only',
  })
  @ApiOkResponse({ type: CreatedApiKeyResponse })
  @ApiErrorResponses([
    400,
    'invalid name',
    'invalid scopes',
    'invalid date',
    'unknown field: administrator',
    ...JSON_BODY_ERRORS,
  ])
  create(
    @Body() body: CreateApiKeyDto,
    @CurrentUser() user: User,
    @Requester() requester: RequestContext,
  ): Promise<CreatedApiKeyResponse> {
    return this.keys.create(
      parseCreateApiKeyInput(body, new Date()),
      user.id,
      requester,
    );
  }

  @Get()
  @ApiOperation({
    summary: 'List API keys (never their secrets), newest first',
  })
  @ApiOkResponse({ type: ApiKeyResponse, isArray: true })
  list(): Promise<ApiKeyResponse[]> {
    return this.keys.list();
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an API key: it stops working at once' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiErrorResponses([404, 'api key not found'])
  delete(
    @Param('id', ID_PIPE) id: number,
    @Requester() requester: RequestContext,
  ): Promise<ApiKeyResponse> {
    return this.keys.delete(id, requester);
  }
}
