import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Admin } from '../common/decorators/admin.decorator';
import { ApiErrorResponses } from '../common/decorators/api-error-responses.decorator';
import { nextIdPage, parseIdPageQuery } from '../common/paging/id-page-query';
import {
  NextPageLinkInterceptor,
  type Paged,
} from '../common/paging/next-page-link.interceptor';
import { API_PREFIX } from '../common/routing/route-table';
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
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (paged)' })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000 },
  })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } })
  @ApiOkResponse({
    schema: { type: 'array', items: AUDIT_ENTRY_SCHEMA },
    headers: {
      Link: {
        description: 'the next page, when one follows',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrorResponses([400, 'invalid query'])
  @UseInterceptors(NextPageLinkInterceptor)
  async list(
    @Query() rawQuery: Record<string, unknown>,
  ): Promise<Paged<AuditEntryResponse>> {
    const query = parseIdPageQuery(rawQuery);
    const items = await this.audit.list(query);
    return { items, next: nextIdPage(`/${API_PREFIX}/audit`, query, items) };
  }
}
