import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
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
import {
  Exchange,
  type HttpExchange,
} from '../common/decorators/exchange.decorator';
import {
  ApiIdPageQuery,
  NEXT_PAGE_LINK_HEADER,
  idPage,
  parseIdPageQuery,
} from '../common/paging/id-page-query';
import { PageAnswers } from '../common/paging/page-answers';
import type { User } from '../users/user.entity';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import {
  CreatedWebhookResponse,
  WebhookDeliveryResponse,
  WebhookResponse,
} from './webhook-response';
import { WebhookNotFoundError } from './webhooks.errors';
import { WebhooksService } from './webhooks.service';

const ID_PIPE = new RowIdPipe(() => new WebhookNotFoundError());

@ApiTags('webhooks')
@Admin()
@ApiErrorResponses(
  401,
  [403, 'not an administrator', 'insufficient scope'],
  500,
  503,
)
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly pages: PageAnswers,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Subscribe a URL to events; the secret is in this answer only',
  })
  @ApiOkResponse({ type: CreatedWebhookResponse })
  @ApiErrorResponses([
    400,
    'invalid url',
    'invalid events',
    'unknown field: secret',
    ...JSON_BODY_ERRORS,
  ])
  create(
    @Body() body: CreateWebhookDto,
    @CurrentUser() user: User,
    @Requester() requester: RequestContext,
  ): Promise<CreatedWebhookResponse> {
    return this.webhooks.create(body, user.id, requester);
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks (never their secrets)' })
  @ApiOkResponse({ type: WebhookResponse, isArray: true })
  list(): Promise<WebhookResponse[]> {
    return this.webhooks.list();
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a webhook; pending deliveries to it are dropped',
  })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiErrorResponses([404, 'webhook not found'])
  delete(
    @Param('id', ID_PIPE) id: number,
    @Requester() requester: RequestContext,
  ): Promise<WebhookResponse> {
    return this.webhooks.delete(id, requester);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: "A webhook's delivery attempts, latest first (paged)",
  })
  @ApiIdPageQuery()
  @ApiOkResponse({
    type: WebhookDeliveryResponse,
    isArray: true,
    headers: NEXT_PAGE_LINK_HEADER('webhooks/{id}/deliveries'),
  })
  @ApiErrorResponses([404, 'webhook not found'])
  async deliveries(
    @Param('id', ID_PIPE) id: number,
    @Query() rawQuery: Record<string, unknown>,
    @Exchange() exchange: HttpExchange,
  ): Promise<WebhookDeliveryResponse[]> {
    const query = parseIdPageQuery(rawQuery);
    const items = await this.webhooks.deliveries(id, query);
    return this.pages.items(exchange, idPage(query, items));
  }
}
