import type { EntityManager } from 'typeorm';
import { ApiKey } from './api-key.entity';

/**
 * API keys act as the administrator who created them: when that user is
 * demoted or disabled they expire, as the user's sessions end, and stay
 * expired if the user is promoted or enabled again. A plain function rather
 * than an ApiKeysService method: UsersService calls it inside its own
 * transaction, and ApiKeysModule already depends on UsersModule.
 */
export async function expireApiKeysOf(
  manager: EntityManager,
  userId: number,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(ApiKey)
    .set({ expiresAt: () => 'now()' })
    .where('created_by_id = :userId', { userId })
    .andWhere('(expires_at IS NULL OR expires_at > now())')
    .execute();
}
