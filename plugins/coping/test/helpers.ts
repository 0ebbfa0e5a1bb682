import { bot } from '../../../test/setup/bot';
import { createWorld } from '../../../test/setup/world';

export { eventually } from '../../../test/setup/world';

/** A world with the coping plugin on (it is on by default), and direct SQL for checks on stored rows. */
export function copingWorld() {
  return createWorld();
}

export const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  bot().mellow.services.orm.em.fork().getConnection().execute<T[]>(query, params);
