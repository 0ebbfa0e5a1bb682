import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { respond } from 'mellow';

/**
 * A list belongs to the user it was shown to; anyone else pressing its components would swap
 * it for their own reminders (or read the owner's). Resolves to true when it refused.
 */
export async function refuseOthersList(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  ownerId: string,
): Promise<boolean> {
  if (interaction.user.id === ownerId) return false;
  await respond(interaction, {
    outcome: 'warning',
    title: 'Not your list',
    description: 'Use `/remind list` to see your own reminders.',
  });
  return true;
}
