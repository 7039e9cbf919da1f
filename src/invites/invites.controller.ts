import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  UseInterceptors,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RequiredScope } from '../api-keys/api-key-scopes';
import { Admin } from '../common/decorators/admin.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  NextPageLinkInterceptor,
  type Paged,
} from '../common/paging/next-page-link.interceptor';
import { API_PREFIX } from '../common/routing/route-table';
import { FastJsonResponse } from '../http/fast-json-response';
import {
  ApiErrorResponses,
  JSON_BODY_ERRORS,
} from '../common/decorators/api-error-responses.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import type { User } from '../users/user.entity';
import { parseCreateInvitesInput } from './create-invites-input';
import { CreateInviteDto } from './dto/create-invite.dto';
import { DeleteInviteQueryDto } from './dto/delete-invite-query.dto';
import { ApiListInvitesQuery } from './dto/list-invites-query.api';
import {
  INVITE_EXAMPLE,
  INVITE_JSON_SCHEMA,
  InviteResponse,
} from './invite-response';
import { InvitesEnabledGuard } from './invites-enabled.guard';
import { InvitesService } from './invites.service';
import { parseListInvitesQuery } from './list-invites-query';

@ApiTags('invites')
@ApiExtraModels(InviteResponse)
@ApiErrorResponses(401, 500, 503)
@Admin()
@RequiredScope('invites')
@UseGuards(InvitesEnabledGuard)
@Controller('auth/invite')
export class InvitesController {
  constructor(
    private readonly invites: InvitesService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List invites, newest first' })
  @ApiOkResponse({
    type: InviteResponse,
    isArray: true,
    description: 'The invites (one page of them with `limit`)',
    example: [INVITE_EXAMPLE],
    headers: {
      Link: {
        description:
          'With `limit`, when more invites remain: `</api/auth/invite?limit=…&cursor=…>; rel="next"`',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrorResponses([400, 'invites are disabled', 'invalid query'])
  @ApiListInvitesQuery()
  // Outermost last: the Link header is taken off before the array is written.
  @UseInterceptors(NextPageLinkInterceptor)
  @FastJsonResponse({ type: 'array', items: INVITE_JSON_SCHEMA })
  async list(
    @Query() rawQuery: Record<string, unknown>,
  ): Promise<Paged<InviteResponse>> {
    const query = parseListInvitesQuery(rawQuery);
    const page = await this.invites.list(query);
    if (!page.nextCursor) return { items: page.invites };
    const next = new URLSearchParams();
    next.set('limit', String(query.limit));
    next.set('cursor', page.nextCursor);
    if (query.used !== undefined) next.set('used', String(query.used));
    if (query.expired !== undefined) next.set('expired', String(query.expired));
    return {
      items: page.invites,
      next: `/${API_PREFIX}/auth/invite?${next.toString()}`,
    };
  }

  @Post()
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Create one invite, or `count` invites at once (all or nothing)',
  })
  @ApiBody({ type: CreateInviteDto, required: false })
  @ApiOkResponse({
    description:
      'One invite when count is 1 or absent; an array of `count` invites otherwise',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(InviteResponse) },
        { type: 'array', items: { $ref: getSchemaPath(InviteResponse) } },
      ],
    },
    examples: {
      one: { summary: 'count 1 or absent', value: INVITE_EXAMPLE },
      batch: {
        summary: 'count 2',
        value: [INVITE_EXAMPLE, { ...INVITE_EXAMPLE, id: 36, code: 'Qm3xT7' }],
      },
    },
  })
  @ApiErrorResponses(
    [
      400,
      'invites are disabled',
      'invalid date',
      'invalid count',
      'invalid maxUses',
      'unknown field: administrator',
      ...JSON_BODY_ERRORS,
    ],
    413,
    415,
  )
  async create(
    @Body() body: CreateInviteDto,
    @CurrentUser() user: User,
  ): Promise<InviteResponse | InviteResponse[]> {
    const input = parseCreateInvitesInput(
      body,
      { maxCount: this.config.get('invites', { infer: true }).maxCount },
      new Date(),
    );
    const created = await this.invites.create(input, user.id);
    return input.count === 1 ? created[0] : created;
  }

  @Delete()
  @ApiOperation({ summary: 'Delete an invite by its code' })
  @ApiOkResponse({
    type: InviteResponse,
    description: 'The deleted invite',
    example: INVITE_EXAMPLE,
  })
  @ApiErrorResponses(
    [400, 'invites are disabled', 'no code', 'invalid query'],
    [404, 'invite not found'],
  )
  delete(@Query() query: DeleteInviteQueryDto): Promise<InviteResponse> {
    return this.invites.delete(query.code);
  }
}
