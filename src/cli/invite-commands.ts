import type { DataSource } from 'typeorm';
import { NO_REQUEST } from '../audit/request-context';
import type { InviteResponse } from '../invites/invite-response';
import type { InvitesService } from '../invites/invites.service';
import { User } from '../users/user.entity';
import type { InviteCommand } from './invite-args';

type InviteOperations = Pick<
  InvitesService,
  'create' | 'list' | 'find' | 'revoke' | 'unrevoke' | 'delete'
>;

export interface InviteCommandIo {
  print(line: string): void;
  /** What changed, for the operator's log line on stderr. */
  log(change: string): void;
  /** The administrator the CLI creates invites as. */
  creatorId(): Promise<number>;
}

/** Carries out one invite command through InvitesService, as the API does. */
export async function runInviteCommand(
  command: InviteCommand,
  invites: InviteOperations,
  io: InviteCommandIo,
): Promise<void> {
  let result: InviteResponse | InviteResponse[];
  switch (command.action) {
    case 'create': {
      const created = await invites.create(
        command,
        await io.creatorId(),
        NO_REQUEST,
      );
      io.log(`created ${described(created)}`);
      result = created;
      break;
    }
    case 'list':
      result = (
        await invites.list({
          valid: command.valid,
          revoked: command.revoked,
          limit: command.limit,
        })
      ).items;
      break;
    case 'show':
      result = await invites.find(command.invite);
      break;
    case 'delete':
      result = await invites.delete(command.invite, NO_REQUEST);
      io.log(`deleted ${described([result])}`);
      break;
    default: {
      const { id } = await invites.find(command.invite);
      result = await invites[command.action](id, NO_REQUEST);
      io.log(`${command.action}d ${described([result])}`);
    }
  }
  if (command.json) {
    io.print(JSON.stringify(result, null, 2));
    return;
  }
  for (const line of inviteTable(Array.isArray(result) ? result : [result])) {
    io.print(line);
  }
}

/** `invite "ix8iFD…" (id 12)`, or a count and the ids of a batch. */
function described(invites: InviteResponse[]): string {
  if (invites.length === 1) {
    const [invite] = invites;
    return `invite "${invite.code}" (id ${invite.id})`;
  }
  return `${invites.length} invites (ids ${invites.map((i) => i.id).join(', ')})`;
}

const COLUMNS: Array<[string, (invite: InviteResponse) => string]> = [
  ['ID', (i) => String(i.id)],
  ['CODE', (i) => i.code],
  ['USES', (i) => `${i.uses}/${i.maxUses ?? '∞'}`],
  ['EXPIRES', (i) => i.expiresAt ?? 'never'],
  ['STATUS', status],
  ['NOTE', (i) => i.note ?? ''],
];

function status(invite: InviteResponse): string {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.used) return 'used up';
  return invite.valid ? 'valid' : 'expired';
}

/** A plain-text table, columns padded to their widest cell. */
export function inviteTable(invites: InviteResponse[]): string[] {
  if (invites.length === 0) return ['No invites.'];
  const rows = [
    COLUMNS.map(([title]) => title),
    ...invites.map((invite) => COLUMNS.map(([, cell]) => cell(invite))),
  ];
  const widths = COLUMNS.map((_, c) =>
    Math.max(...rows.map((row) => row[c].length)),
  );
  return rows.map((row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Invites need a creator: the CLI acts as the first administrator (the
 * lowest id), normally the one created at the service's first start.
 */
export async function firstAdministratorId(
  dataSource: DataSource,
): Promise<number> {
  const first = await dataSource
    .getRepository(User)
    .createQueryBuilder('user')
    .select('user.id', 'id')
    .where('user.administrator')
    .orderBy('user.id')
    .limit(1)
    .getRawOne<{ id: number }>();
  if (!first) throw new Error('no administrator exists to create invites as');
  return first.id;
}
