import { container } from '@sapphire/framework';
import { DecryptionError, secretBox } from 'mellow';

/** The authenticated context of each sealed column: a value copied into another column fails to open. */
export const SEALED = {
  toolbox: 'coping_toolbox_item.text',
  plan: 'coping_plan.content',
  event: 'coping_crisis_event.details',
} as const;

export type SealedColumn = (typeof SEALED)[keyof typeof SEALED];

export const seal = (value: string, column: SealedColumn): string => secretBox().seal(value, column);

/**
 * The plain text, or null when the value can't be opened (it was sealed with a key that is no
 * longer configured): the record is treated as absent rather than crashing the command.
 */
export function openOrNull(sealed: string, column: SealedColumn): string | null {
  try {
    return secretBox().open(sealed, column);
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    container.logger.warn(`coping: a stored ${column} value could not be decrypted (${error.message})`);
    return null;
  }
}

/** Seals again with the current key; returns the new value, or null when it is current or unreadable. */
export function resealed(sealed: string, column: SealedColumn): string | null {
  if (!secretBox().isStale(sealed)) return null;
  const plain = openOrNull(sealed, column);
  return plain === null ? null : seal(plain, column);
}
