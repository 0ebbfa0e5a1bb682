import type { AutocompleteInteraction } from 'discord.js';
import { DateTime } from 'luxon';
import { container } from '@sapphire/framework';
import { service } from './actions';
import { clip } from './format';
import { zoneFor } from './settings';
import { searchZones, zoneLabel } from 'mellow';

/** The user's own active reminders only, labelled with their time in the user's zone. */
export async function reminderChoices(interaction: AutocompleteInteraction) {
  const typed = String(interaction.options.getFocused());
  const found = await service().search(interaction.user.id, typed);
  const { zone } = await zoneFor(container.mellow.orm.em.fork(), interaction.user.id, interaction.guildId);
  return found.map((reminder) => {
    const when = DateTime.fromJSDate(reminder.dueAt, { zone }).toFormat('ccc d LLL HH:mm');
    return { name: clip(`#${reminder.id} · ${when} · ${reminder.text.replace(/\s+/g, ' ')}`, 100), value: reminder.id };
  });
}

export function zoneChoices(interaction: AutocompleteInteraction) {
  return searchZones(String(interaction.options.getFocused()), 25).map((zone) => ({
    name: zoneLabel(zone),
    value: zone,
  }));
}
