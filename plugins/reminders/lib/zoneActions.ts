import { container } from '@sapphire/framework';
import { type CommandTarget, respond, formatZoneOffset } from 'mellow';
import { userIdOf } from './actions';
import { setGuildZone, setUserZone, zoneFor } from './settings';

/** What `/timezone …` and `!timezone …` do. */
export async function setMyZone(target: CommandTarget, input: string) {
  const set = await setUserZone(container.mellow.orm.em.fork(), userIdOf(target), input);
  if (!set.ok) return respond(target, { outcome: 'error', title: set.title, description: set.description });
  return respond(target, {
    outcome: 'success',
    title: `Your time zone is ${set.value}`,
    description: `It's ${formatZoneOffset(set.value)} there now. New reminders read times in it; existing ones keep their time.`,
  });
}

export async function setServerZone(target: CommandTarget, input: string) {
  const set = await setGuildZone(container.mellow.orm.em.fork(), target.guildId!, input);
  if (!set.ok) return respond(target, { outcome: 'error', title: set.title, description: set.description });
  return respond(target, {
    outcome: 'success',
    title: `This server's default time zone is ${set.value}`,
    description: 'Members who set no zone of their own (`/timezone set`) now use it.',
  });
}

export async function viewZone(target: CommandTarget) {
  const { zone, source } = await zoneFor(container.mellow.orm.em.fork(), userIdOf(target), target.guildId);
  const why = { you: 'you set it', server: "it's this server's default", default: 'nobody set one, so UTC applies' }[
    source
  ];
  return respond(target, {
    outcome: 'info',
    title: `Your time zone: ${zone}`,
    description: `${formatZoneOffset(zone)} now; ${why}.${source === 'you' ? '' : ' Set yours with `/timezone set`.'}`,
  });
}
