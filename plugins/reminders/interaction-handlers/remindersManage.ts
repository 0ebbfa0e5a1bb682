import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { respond } from 'mellow';
import { service } from '../lib/actions';
import { asUpdate, listReply, manageReply } from '../lib/format';

const ACTIONS = ['reminders.delete', 'reminders.pause', 'reminders.resume'] as const;
type Action = (typeof ACTIONS)[number];

/** The Delete, Pause and Resume buttons of a reminder picked from the list. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersManage',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersManageHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id] = interaction.customId.split(':');
    return ACTIONS.includes(action as Action) ? this.some({ action: action as Action, id: Number(id) }) : this.none();
  }

  public override async run(interaction: ButtonInteraction, { action, id }: InteractionHandler.ParseResult<this>) {
    const reminders = service();
    const userId = interaction.user.id;
    if (action === 'reminders.delete') {
      const deleted = await reminders.delete(userId, id);
      if (!deleted.ok)
        return respond(interaction, { outcome: 'warning', title: deleted.title, description: deleted.description });
      const list = listReply(await reminders.list(userId, 0));
      return interaction.update(asUpdate({ ...list, title: `Deleted #${id}. ${list.title}` }));
    }
    const changed =
      action === 'reminders.pause' ? await reminders.pause(userId, id) : await reminders.resume(userId, id);
    if (!changed.ok)
      return respond(interaction, { outcome: 'warning', title: changed.title, description: changed.description });
    return interaction.update(asUpdate(manageReply(changed.value)));
  }
}
