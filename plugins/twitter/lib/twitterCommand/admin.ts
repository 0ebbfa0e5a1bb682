import { type ReplyContent, respond } from 'mellow';
import type { RecurringKind } from '../../entities/TwitterRecurring';
import { actorOf } from '../access';
import { addBlockedTerm, changeSettings, listBlockedTerms, removeBlockedTerm } from '../admin';
import { clearRecurring, setRecurring } from '../recurring';
import { discordWhen, problemReply } from '../views';
import { adminOnly, em, requestedAccount } from './context';

export const settings = adminOnly(async (interaction) => {
  const { options } = interaction;
  return respond(
    interaction,
    await changeSettings(em(), interaction.guildId!, {
      approval: options.getBoolean('approval') ?? undefined,
      reviewChannelId: options.getChannel('review-channel')?.id ?? undefined,
      approverRoleId: options.getRole('approver-role')?.id ?? undefined,
      dailyCap: options.getInteger('daily-cap') ?? undefined,
      minIntervalMinutes: options.getInteger('min-interval') ?? undefined,
      timeZone: options.getString('timezone') ?? undefined,
    }),
  );
});

export const blockedAdd = adminOnly(async (interaction) =>
  respond(interaction, await addBlockedTerm(em(), interaction.guildId!, interaction.options.getString('term', true))),
);

export const blockedRemove = adminOnly(async (interaction) =>
  respond(
    interaction,
    await removeBlockedTerm(em(), interaction.guildId!, interaction.options.getString('term', true)),
  ),
);

export const blockedList = adminOnly(async (interaction) =>
  respond(interaction, await listBlockedTerms(em(), interaction.guildId!)),
);

const kindName = (kind: RecurringKind) => (kind === 'tip' ? 'daily tip' : 'weekly update');

export const recurringSet = adminOnly(async (interaction) => {
  const result = await setRecurring(
    em(),
    actorOf(interaction),
    interaction.guildId!,
    interaction.options.getString('kind', true) as RecurringKind,
    interaction.options.getString('when', true),
    requestedAccount(interaction),
  );
  if (!result.ok) return respond(interaction, problemReply(result.title, result.problem));
  const { recurring, account } = result;
  const reply: ReplyContent = {
    outcome: 'success',
    title: recurring.kind === 'tip' ? 'Daily tip set' : 'Weekly update set',
    description: `Posting ${recurring.description} with ${account}. First one ${discordWhen(recurring.nextAt)}. Each post goes through the same review and limits as any other.`,
  };
  return respond(interaction, reply);
});

export const recurringOff = adminOnly(async (interaction) => {
  const kind = interaction.options.getString('kind', true) as RecurringKind;
  const removed = await clearRecurring(em(), interaction.guildId!, kind);
  return respond(interaction, {
    outcome: removed ? 'success' : 'info',
    title: removed ? `Stopped the ${kindName(kind)}` : 'Nothing to stop',
  });
});
