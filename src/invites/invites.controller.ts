import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RequiredScope } from '../api-keys/api-key-scopes';
import { Admin } from '../common/decorators/admin.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  Idempotency,
  type IdempotentRequest,
} from '../idempotency/idempotency-claim';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import {
  compileJson,
  compileJsonBytes,
  JsonText,
} from '../http/fast-json-response';
import {
  ApiErrorResponses,
  JSON_BODY_ERRORS,
} from '../common/decorators/api-error-responses.decorator';
import { Requester, type RequestContext } from '../audit/request-context';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import {
  Exchange,
  type HttpExchange,
} from '../common/decorators/exchange.decorator';
import { UserResponse } from '../users/user-response';
import type { User } from '../users/user.entity';
import type {
  CreateInvitesInput,
  UpdateInviteInput,
} from './create-invites-input';
import { CreateInviteBody, UpdateInviteBody } from './dto/invite-bodies.api';
import { InviteCodeQueryDto } from './dto/invite-code-query.dto';
import {
  ApiListInvitesQuery,
  ApiPageQuery,
} from './dto/list-invites-query.api';
import { NEXT_PAGE_LINK_HEADER } from '../common/paging/id-page-query';
import {
  INVITE_EXAMPLE,
  INVITE_JSON_SCHEMA,
  InviteResponse,
} from './invite-response';
import { InvitesEnabledGuard } from './invites-enabled.guard';
import { InvitesService } from './invites.service';
import type { ListInvitesQuery, PageQuery } from './list-invites-query';
import { PageAnswers } from '../common/paging/page-answers';
import { RowIdGuard } from '../common/guards/row-id.guard';
import { RowIdPipe } from '../common/pipes/row-id.pipe';
import { InviteNotFoundError } from './invites.errors';
import {
  CreateInvitesPipe,
  ListInvitesQueryPipe,
  PageQueryPipe,
  UpdateInvitePipe,
} from './pipes/invite-input.pipes';

const DISABLED = 'invites are disabled';
const NOT_FOUND: [404, string] = [404, 'invite not found'];
const INVITE_ID = new RowIdPipe(() => new InviteNotFoundError());
const INVITE_JSON = compileJson<InviteResponse>(INVITE_JSON_SCHEMA);
const INVITE_LIST_JSON = compileJsonBytes<InviteResponse[]>({
  type: 'array',
  items: INVITE_JSON_SCHEMA,
});
/** POST's answer: one invite, or an array of them. */
function createdJson(
  answer: InviteResponse | InviteResponse[],
): string | Buffer {
  return Array.isArray(answer) ? INVITE_LIST_JSON(answer) : INVITE_JSON(answer);
}
const ID_PARAM = ApiParam({
  name: 'id',
  type: 'integer',
  description: 'The invite’s id',
});

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
    private readonly pages: PageAnswers,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List invites, newest first' })
  @ApiOkResponse({
    type: InviteResponse,
    isArray: true,
    description: 'The invites (one page of them with `limit`)',
    example: [INVITE_EXAMPLE],
    headers: NEXT_PAGE_LINK_HEADER('auth/invite'),
  })
  @ApiErrorResponses([400, DISABLED, 'invalid query'])
  @ApiListInvitesQuery()
  @JsonText()
  async list(
    @Query(ListInvitesQueryPipe) query: ListInvitesQuery,
    @Exchange() exchange: HttpExchange,
  ): Promise<Buffer> {
    const page = await this.invites.list(query);
    return INVITE_LIST_JSON(this.pages.items(exchange, page));
  }

  @Post()
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Create one invite, or `count` invites at once (all or nothing)',
  })
  @ApiBody({ type: CreateInviteBody, required: false })
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
      DISABLED,
      'invalid date',
      'invalid count',
      'invalid maxUses',
      'invalid note',
      'unknown field: administrator',
      ...JSON_BODY_ERRORS,
    ],
    413,
    415,
    [503, 'database unavailable', 'no unused invite codes left'],
  )
  @JsonText()
  create(
    @Body(CreateInvitesPipe) input: CreateInvitesInput,
    @CurrentUser() user: User,
    @Requester() requester: RequestContext,
    @Idempotency() idempotent: IdempotentRequest,
  ): Promise<unknown> {
    const answer = (created: InviteResponse[]) =>
      input.count === 1 ? created[0] : created;
    return this.idempotency.run(idempotent, async (claim) => {
      const created = await this.invites.create(
        input,
        user.id,
        requester,
        // The batch and its replayable answer commit together.
        claim &&
          ((manager, batch) => claim.record(manager, 200, answer(batch))),
      );
      return createdJson(answer(created));
    });
  }

  @Delete()
  @ApiOperation({ summary: 'Delete an invite by its code' })
  @ApiOkResponse({
    type: InviteResponse,
    description: 'The deleted invite',
    example: INVITE_EXAMPLE,
  })
  @ApiErrorResponses([400, DISABLED, 'no code', 'invalid query'], NOT_FOUND)
  deleteByCode(
    @Query() query: InviteCodeQueryDto,
    @Requester() requester: RequestContext,
  ): Promise<InviteResponse> {
    return this.invites.delete({ code: query.code }, requester);
  }

  @Get(':id')
  @ID_PARAM
  @ApiOperation({ summary: 'Read one invite' })
  @ApiOkResponse({ type: InviteResponse, example: INVITE_EXAMPLE })
  @ApiErrorResponses([400, DISABLED], NOT_FOUND)
  findOne(@Param('id', INVITE_ID) id: number): Promise<InviteResponse> {
    return this.invites.find({ id });
  }

  @Patch(':id')
  @UseGuards(new RowIdGuard(() => new InviteNotFoundError()))
  @ID_PARAM
  @ApiOperation({
    summary: 'Change an invite’s expiry, maximum uses or note',
  })
  @ApiBody({ type: UpdateInviteBody, required: false })
  @ApiOkResponse({
    type: InviteResponse,
    description: 'The updated invite',
    example: INVITE_EXAMPLE,
  })
  @ApiErrorResponses(
    [
      400,
      DISABLED,
      'invalid date',
      'invalid maxUses',
      'invalid note',
      'unknown field: code',
      ...JSON_BODY_ERRORS,
    ],
    NOT_FOUND,
    413,
    415,
  )
  update(
    @Param('id', INVITE_ID) id: number,
    @Body(UpdateInvitePipe) input: UpdateInviteInput,
    @Requester() requester: RequestContext,
  ): Promise<InviteResponse> {
    return this.invites.update(id, input, requester);
  }

  @Delete(':id')
  @ID_PARAM
  @ApiOperation({ summary: 'Delete an invite by its id' })
  @ApiOkResponse({
    type: InviteResponse,
    description: 'The deleted invite',
    example: INVITE_EXAMPLE,
  })
  @ApiErrorResponses([400, DISABLED], NOT_FOUND)
  deleteById(
    @Param('id', INVITE_ID) id: number,
    @Requester() requester: RequestContext,
  ): Promise<InviteResponse> {
    return this.invites.delete({ id }, requester);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ID_PARAM
  @ApiOperation({
    summary: 'Revoke an invite: it keeps its history but cannot be redeemed',
  })
  @ApiOkResponse({
    type: InviteResponse,
    description: 'The invite, `revokedAt` set (revoking again keeps the first)',
    example: { ...INVITE_EXAMPLE, revokedAt: INVITE_EXAMPLE.createdAt },
  })
  @ApiErrorResponses([400, DISABLED], NOT_FOUND)
  revoke(
    @Param('id', INVITE_ID) id: number,
    @Requester() requester: RequestContext,
  ): Promise<InviteResponse> {
    return this.invites.revoke(id, requester);
  }

  @Post(':id/unrevoke')
  @HttpCode(200)
  @ID_PARAM
  @ApiOperation({ summary: 'Undo a revocation' })
  @ApiOkResponse({
    type: InviteResponse,
    description: 'The invite, `revokedAt` null',
    example: INVITE_EXAMPLE,
  })
  @ApiErrorResponses([400, DISABLED], NOT_FOUND)
  unrevoke(
    @Param('id', INVITE_ID) id: number,
    @Requester() requester: RequestContext,
  ): Promise<InviteResponse> {
    return this.invites.unrevoke(id, requester);
  }

  @Get(':id/users')
  @RequiredScope('users:read')
  @ID_PARAM
  @ApiOperation({
    summary: 'The users who registered with an invite, newest first',
  })
  @ApiOkResponse({
    type: UserResponse,
    isArray: true,
    description: 'The users (one page of them with `limit`)',
    headers: NEXT_PAGE_LINK_HEADER('auth/invite/{id}/users'),
  })
  @ApiErrorResponses([400, DISABLED, 'invalid query'], NOT_FOUND)
  @ApiPageQuery()
  async users(
    @Param('id', INVITE_ID) id: number,
    @Query(PageQueryPipe) query: PageQuery,
    @Exchange() exchange: HttpExchange,
  ): Promise<UserResponse[]> {
    return this.pages.items(exchange, await this.invites.usersOf(id, query));
  }
}
