import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Admin } from '../common/decorators/admin.decorator';
import { ApiErrorResponses } from '../common/decorators/api-error-responses.decorator';
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
import { AuditLog, type AuditEntryResponse } from './audit-log.service';
import { AUDIT_ENTRY_SCHEMA } from './audit.schema';

@ApiTags('audit')
@Admin()
@ApiErrorResponses(
  401,
  [403, 'not an administrator', 'insufficient scope'],
  500,
  503,
)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLog,
    private readonly pages: PageAnswers,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (paged)' })
  @ApiIdPageQuery()
  @ApiOkResponse({
    schema: { type: 'array', items: AUDIT_ENTRY_SCHEMA },
    headers: NEXT_PAGE_LINK_HEADER('audit'),
  })
  async list(
    @Query() rawQuery: Record<string, unknown>,
    @Exchange() exchange: HttpExchange,
  ): Promise<AuditEntryResponse[]> {
    const query = parseIdPageQuery(rawQuery);
    const items = await this.audit.list(query);
    return this.pages.items(exchange, idPage(query, items));
  }
}
