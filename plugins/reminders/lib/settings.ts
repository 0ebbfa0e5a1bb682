import type { EntityManager } from '@mikro-orm/core';
import { ReminderGuild } from '../entities/ReminderGuild';
import { type DeliveryPreference, ReminderUser } from '../entities/ReminderUser';
import { fail, ok, type Result } from './result';
import { canonicalZone } from 'mellow';

export interface ZoneSource {
  zone: string;
  source: 'you' | 'server' | 'default';
}

/** The zone a user's times are read in: theirs, else the server's default, else UTC. */
export async function zoneFor(em: EntityManager, userId: string, guildId: string | null): Promise<ZoneSource> {
  const user = await em.findOne(ReminderUser, { userId }, { fields: ['zone'] });
  if (user?.zone) return { zone: user.zone, source: 'you' };
  const guild = guildId ? await em.findOne(ReminderGuild, { guildId }, { fields: ['zone'] }) : null;
  if (guild?.zone) return { zone: guild.zone, source: 'server' };
  return { zone: 'UTC', source: 'default' };
}

export async function guildZone(em: EntityManager, guildId: string): Promise<string | null> {
  return (await em.findOne(ReminderGuild, { guildId }))?.zone ?? null;
}

/** Where a user's new reminders go by default. Reads only: creating a settings row here would race parallel creates. */
export async function defaultDelivery(em: EntityManager, userId: string): Promise<DeliveryPreference> {
  return (await em.findOne(ReminderUser, { userId }, { fields: ['delivery'] }))?.delivery ?? 'dm';
}

function readZone(input: string): Result<string> {
  const zone = canonicalZone(input);
  if (!zone) {
    return fail(
      'Unknown time zone',
      "That isn't a time zone I know. Pick one from the list as you type, for example `Europe/Berlin` or `America/New_York`.",
    );
  }
  return ok(zone);
}

export async function setUserZone(em: EntityManager, userId: string, input: string): Promise<Result<string>> {
  const zone = readZone(input);
  if (!zone.ok) return zone;
  await em.upsert(ReminderUser, { userId, zone: zone.value, updatedAt: new Date() });
  return zone;
}

export async function setGuildZone(em: EntityManager, guildId: string, input: string): Promise<Result<string>> {
  const zone = readZone(input);
  if (!zone.ok) return zone;
  await em.upsert(ReminderGuild, { guildId, zone: zone.value, updatedAt: new Date() });
  return zone;
}

export async function setDelivery(em: EntityManager, userId: string, delivery: DeliveryPreference): Promise<void> {
  await em.upsert(ReminderUser, { userId, delivery, dmRefusals: 0, updatedAt: new Date() });
}
