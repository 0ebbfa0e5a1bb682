import { respond } from 'mellow';
import { actorOf } from '../access';
import { editModal } from '../modals';
import { listQueue, ownQueued, removeFromQueue } from '../queue';
import { problemReply } from '../views';
import { type Interaction, deferred, em } from './context';

export const list = deferred(async (interaction) => respond(interaction, await listQueue(em(), interaction.guildId!)));

export const remove = deferred(async (interaction) => {
  const id = interaction.options.getInteger('id', true);
  return respond(interaction, await removeFromQueue(em(), interaction.guildId!, id, actorOf(interaction)));
});

/** Opens the edit form (a modal must be the first answer, so this one is not deferred). */
export async function edit(interaction: Interaction) {
  const found = await ownQueued(
    em(),
    interaction.guildId!,
    interaction.options.getInteger('id', true),
    actorOf(interaction),
  );
  if ('error' in found) return respond(interaction, problemReply('Can’t edit that post', found.error));
  return interaction.showModal(editModal(found.post));
}
