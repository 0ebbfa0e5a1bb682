import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, PermissionFlagsBits } from 'discord.js';
import { respond, toMessage } from 'mellow';
import { actorOf, authorize, isStaff } from '../lib/access';
import { seesCrisis } from '../lib/actions';
import { formatLogPage, parsePageCustomId, readLogPage } from '../lib/logs';

@ApplyOptions<InteractionHandler.Options>({
  name: 'guilddebugLogsPage',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class GuilddebugLogsPageHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const query = parsePageCustomId(interaction.customId);
    return query ? this.some(query) : this.none();
  }

  public override async run(interaction: ButtonInteraction, page: InteractionHandler.ParseResult<this>) {
    // The checks below call Discord and the database; acknowledge first so the 3 s deadline can't pass.
    await interaction.deferUpdate();
    // Checked again on every page: the pages may be turned in DMs, or after a role was taken away.
    const managesServer = isStaff(interaction.user.id) ? false : await this.managesServer(interaction, page.guildId);
    const actor = actorOf(
      interaction.user.id,
      managesServer ? page.guildId : (interaction.guildId ?? ''),
      managesServer,
    );
    const refusal = authorize('logs', actor, page.guildId);
    // A refusal replaces the page: whoever lost access should not keep reading it.
    if (refusal) return respond(interaction, refusal);
    const query = { ...page, includeCrisis: seesCrisis(actor, page.guildId) };
    await interaction.editReply(toMessage(formatLogPage(query, await readLogPage(query))));
  }

  private async managesServer(interaction: ButtonInteraction, guildId: string): Promise<boolean> {
    if (interaction.guildId === guildId)
      return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    try {
      const guild = await this.container.client.guilds.fetch(guildId);
      const member = await guild.members.fetch(interaction.user.id);
      return member.permissions.has(PermissionFlagsBits.ManageGuild);
    } catch {
      return false;
    }
  }
}
