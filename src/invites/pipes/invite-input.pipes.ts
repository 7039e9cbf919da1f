import { Injectable, PipeTransform } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/configuration';
import {
  CreateInvitesInput,
  parseCreateInvitesInput,
  parseUpdateInviteInput,
  UpdateInviteInput,
} from '../create-invites-input';
import {
  ListInvitesQuery,
  PageQuery,
  parseListInvitesQuery,
  parsePageQuery,
} from '../list-invites-query';

type Raw = Record<string, unknown>;

/** POST's body; the global pipe has already refused a non-object body. */
@Injectable()
export class CreateInvitesPipe implements PipeTransform<
  Raw,
  CreateInvitesInput
> {
  private readonly limits: { maxCount: number };

  constructor(config: ConfigService<AppConfig, true>) {
    this.limits = { maxCount: config.get('invites', { infer: true }).maxCount };
  }

  transform(body: Raw): CreateInvitesInput {
    return parseCreateInvitesInput(body, this.limits, new Date());
  }
}

/** PATCH's body. */
@Injectable()
export class UpdateInvitePipe implements PipeTransform<Raw, UpdateInviteInput> {
  transform(body: Raw): UpdateInviteInput {
    return parseUpdateInviteInput(body, new Date());
  }
}

/** The list's raw query: the parser must see repeated keys, which a DTO would hide. */
@Injectable()
export class ListInvitesQueryPipe implements PipeTransform<
  Raw,
  ListInvitesQuery
> {
  transform(query: Raw): ListInvitesQuery {
    return parseListInvitesQuery(query);
  }
}

/** `limit` and `cursor` of a paged list. */
@Injectable()
export class PageQueryPipe implements PipeTransform<Raw, PageQuery> {
  transform(query: Raw): PageQuery {
    return parsePageQuery(query);
  }
}
