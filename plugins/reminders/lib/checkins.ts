import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { ButtonStyle, ComponentType, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { Colors, pluginEnabledIn } from 'mellow';
import { ReminderUser } from '../entities/ReminderUser';
import { classify, postMessage } from './delivery/discordApi';
import { recipients } from './delivery/recipients';
import { button } from './components';
import { notices } from './notices';
import { fail, ok, type Result } from './result';
import { scheduleCheckin, tryToSchedule, unscheduleCheckin } from './schedule';

export const CHECKIN_MIN_HOURS = 1;
export const CHECKIN_MAX_HOURS = 72;

export type CheckinAnswer = 'good' | 'okay' | 'low';

/** Starts (or changes) periodic check-in prompts by DM. */
export async function startCheckins(
  em: EntityManager,
  userId: string,
  hours: number,
  guildId: string | null,
): Promise<Result<Date>> {
  if (!Number.isInteger(hours) || hours < CHECKIN_MIN_HOURS || hours > CHECKIN_MAX_HOURS) {
    return fail('Pick between 1 and 72 hours', 'For example `/checkin reminders on interval:8` for every 8 hours.');
  }
  const previous = await em.findOne(ReminderUser, { userId });
  const next = new Date(Date.now() + hours * 3_600_000);
  await em.upsert(ReminderUser, {
    userId,
    checkinHours: hours,
    checkinNextAt: next,
    checkinGuildId: guildId,
    updatedAt: new Date(),
  });
  await tryToSchedule(async () => {
    if (previous?.checkinNextAt) await unscheduleCheckin(userId, previous.checkinNextAt);
    await scheduleCheckin(userId, next);
  }, `check-ins of ${userId}`);
  return ok(next);
}

/** Returns whether check-ins were on. */
export async function stopCheckins(em: EntityManager, userId: string): Promise<boolean> {
  const user = await em.findOne(ReminderUser, { userId });
  if (!user?.checkinHours) return false;
  const due = user.checkinNextAt;
  Object.assign(user, { checkinHours: null, checkinNextAt: null, checkinGuildId: null, updatedAt: new Date() });
  await em.flush();
  if (due) await tryToSchedule(() => unscheduleCheckin(userId, due), `check-ins of ${userId}`);
  return true;
}

/**
 * A check-in came due. The next time is claimed first, so two processes never both send it; a crash while
 * sending skips one prompt rather than doubling it (a gentle prompt is better missed than repeated).
 */
export async function deliverCheckin(userId: string, dueAt: Date): Promise<void> {
  const em = container.mellow.orm.em.fork();
  const user = await em.findOne(ReminderUser, { userId, checkinNextAt: dueAt, checkinHours: { $ne: null } });
  if (!user?.checkinHours) return;
  const stepMs = user.checkinHours * 3_600_000;
  let next = dueAt.getTime() + stepMs;
  // After a downtime: one prompt now, then on the usual rhythm from now.
  if (next <= Date.now()) next = Date.now() + stepMs;
  const claimed = await em.nativeUpdate(
    ReminderUser,
    { userId, checkinNextAt: dueAt },
    { checkinNextAt: new Date(next) },
  );
  if (!claimed) return;
  try {
    await postMessage(await recipients.dmChannel(em, userId), checkinMessage());
  } catch (error) {
    if (classify(error) === 'dm-refused') {
      await stopCheckins(em, userId);
      await notices.add(
        em,
        userId,
        "Your check-ins are off: I couldn't DM you. Open your DMs to me and turn them on again with `/checkin reminders on`.",
      );
      return;
    }
    container.logger.warn(`reminders: a check-in for ${userId} could not be sent`, error);
  }
  await tryToSchedule(() => scheduleCheckin(userId, new Date(next)), `check-ins of ${userId}`);
}

export function checkinMessage(): RESTPostAPIChannelMessageJSONBody {
  return {
    embeds: [
      {
        color: Colors.info,
        title: '👋 Checking in',
        description: "How are you doing right now? There's no wrong answer, and nothing you pick is stored.",
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button('reminders.checkin:good', '😊 Good'),
          button('reminders.checkin:okay', '😐 Okay'),
          button('reminders.checkin:low', '😔 Not great'),
          button('reminders.checkin:off', 'Stop check-ins', ButtonStyle.Danger),
        ],
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

const COPING_TOOLS =
  '`/breathing` for a slow breath, `/grounding` to come back to the present, `/affirmation` for a kind word';

/** The reply to an answer. Tools from the coping plugin are offered only where that plugin is on. */
export async function checkinReply(
  em: EntityManager,
  userId: string,
  answer: CheckinAnswer,
): Promise<{ title: string; description: string }> {
  if (answer === 'good') return { title: 'Glad to hear it 💛', description: "I'll check in again later." };
  const user = await em.findOne(ReminderUser, { userId });
  const guildId = user?.checkinGuildId ?? null;
  const tools = pluginEnabledIn('coping', guildId) ? `\n\nIf it helps: ${COPING_TOOLS}.` : '';
  if (answer === 'okay') {
    return {
      title: 'Thanks for checking in',
      description: `A glass of water or a short stretch can help a little.${tools}`,
    };
  }
  return {
    title: "I'm sorry it's hard right now",
    description: `You don't have to fix it all at once. Reaching out to someone you trust can help.${tools}\n\nIf you are in danger, please contact your local emergency number.`,
  };
}
