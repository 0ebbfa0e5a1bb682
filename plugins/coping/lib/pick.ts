import { randomInt } from 'node:crypto';

const MAX_REMEMBERED = 10_000;
/** user + list → the indexes shown recently, newest last. In memory: a repeat after a restart is harmless. */
const recent = new Map<string, number[]>();

/**
 * A random entry the user has not been shown recently from this list: up to half the list is held
 * back, so asking twice in a row never repeats and asking a few times rarely does.
 */
export function pickFresh<T>(userId: string, list: string, items: readonly T[]): T {
  if (items.length === 1) return items[0]!;
  const key = `${userId}:${list}`;
  const seen = recent.get(key) ?? [];
  const memory = Math.max(1, Math.floor(items.length / 2));
  const candidates = items.map((_, index) => index).filter((index) => !seen.includes(index));
  const index = candidates[randomInt(candidates.length)]!;
  const next = [...seen, index].slice(-memory);
  recent.delete(key);
  recent.set(key, next);
  if (recent.size > MAX_REMEMBERED) recent.delete(recent.keys().next().value!);
  return items[index]!;
}
