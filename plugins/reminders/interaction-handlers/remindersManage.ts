import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { toMessage } from 'mellow';
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
    // Unscheduling and rescheduling may wait for Redis longer than Discord's 3 s: acknowledge first.
    await interaction.deferUpdate();
    const reminders = service();
    const userId = interaction.user.id;
    const refuse = ({ title, description }: { title: string; description: string }) =>
      interaction.followUp({ ...toMessage({ outcome: 'warning', title, description }), flags: MessageFlags.Ephemeral });
    if (action === 'reminders.delete') {
      const deleted = await reminders.delete(userId, id);
      if (!deleted.ok) return refuse(deleted);
      const list = listReply(await reminders.list(userId, 0));
      return interaction.editReply(asUpdate({ ...list, title: `Deleted #${id}. ${list.title}` }));
    }
    const changed =
      action === 'reminders.pause' ? await reminders.pause(userId, id) : await reminders.resume(userId, id);
    if (!changed.ok) return refuse(changed);
    return interaction.editReply(asUpdate(manageReply(changed.value)));
  }
}
