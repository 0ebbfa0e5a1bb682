import { Command } from '@sapphire/framework';
import { EmbedBuilder, MessageFlags } from 'discord.js';

/** The same answer as Mellow's /ping (src/commands/ping.ts): an ephemeral embed, no mentions. */
export class PingCommand extends Command {
  public constructor(context: Command.LoaderContext) {
    super(context, { name: 'ping', description: 'Check that the bot answers' });
  }

  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) => builder.setName(this.name).setDescription(this.description));
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    const ping = this.container.client.ws.ping;
    const embed = new EmbedBuilder()
      .setColor(0x3ba55d)
      .setTitle('Pong!')
      .setDescription(ping >= 0 ? `Gateway heartbeat: ${ping} ms.` : 'Connected; no heartbeat measured yet.');
    await interaction.reply({
      embeds: [embed],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [], repliedUser: false },
    });
  }
}
