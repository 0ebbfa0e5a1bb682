import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { DiscordAPIError, RESTJSONErrorCodes, type User } from 'discord.js';
import { noMentions, outcomeEmbed } from 'mellow';
import type { DmStatus } from '../entities/CopingCrisisEvent';
import { copingConfig } from './config';
import { resourcesText } from './resources';

/**
 * Takes the user's check-in slot if the cooldown has passed; atomic, so it holds across processes.
 * One slot covers every check-in DM, for themselves or for someone they worry about.
 */
export async function claimCheckIn(em: EntityManager, userId: string): Promise<boolean> {
  const seconds = copingConfig().COPING_DM_COOLDOWN_HOURS * 3600;
  const rows = await em.getConnection().execute<unknown[]>(
    `insert into "coping_dm_cooldown" ("user_id", "last_sent_at") values (?, now())
     on conflict ("user_id") do update set "last_sent_at" = excluded."last_sent_at"
     where "coping_dm_cooldown"."last_sent_at" <= now() - make_interval(secs => ?)
     returning "user_id"`,
    [userId, seconds],
  );
  return rows.length > 0;
}

/** Sends a check-in DM; never throws. */
export async function sendCheckIn(user: User, title: string, text: string): Promise<Exclude<DmStatus, 'none'>> {
  try {
    await user.send({ embeds: [outcomeEmbed('info', title, text)], ...noMentions });
    return 'sent';
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)
      return 'closed';
    container.logger.warn('coping: could not send a check-in DM', error);
    return 'failed';
  }
}

export function checkInMessage(guildName: string, country: string | null, alerting: boolean): string {
  return [
    `Something you wrote in **${guildName}** made me want to check in with you. You're not in trouble, and nothing was done to your message.`,
    '',
    "If things feel heavy right now, you don't have to carry it alone. Talking to someone you trust (a friend, someone in your family, a doctor or a counsellor) can really help. These services are free and confidential, and they are there to listen:",
    '',
    resourcesText(country),
    '',
    'If you want something for this moment, `/breathing` and `/grounding` are here for you.',
    ...(alerting
      ? ['', 'The server’s moderators have also been told, so someone there may reach out to you kindly.']
      : []),
    '',
    'If I got this wrong, sorry for the interruption. You can turn these check-ins off with `/coping optout`.',
  ].join('\n');
}

/** For someone worried about another person: how to help, and lines that also support helpers. */
export function concernMessage(guildName: string, country: string | null): string {
  return [
    `Something you wrote in **${guildName}** sounded like you're worried about someone. Caring enough to ask matters.`,
    '',
    'Some ways to help: ask them, kindly and directly, how they are doing; listen without judging; encourage them to talk to someone they trust or to a professional; and stay in touch. If they may be in immediate danger, call your local emergency number.',
    '',
    'The lines below support people who are worried about someone else too, and can talk it through with you:',
    '',
    resourcesText(country),
    '',
    'Look after yourself as well: this is a lot to carry. Nobody else was told about this message. You can turn these messages off with `/coping optout`.',
  ].join('\n');
}
