import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import type { Message } from 'discord.js';
import { checkinsOff, checkinsOn } from '../lib/checkinActions';
import { CHECKIN_MAX_HOURS, CHECKIN_MIN_HOURS } from '../lib/checkins';

@ApplyOptions<Subcommand.Options>({
  description: 'Gentle check-ins by DM',
  subcommands: [
    {
      name: 'reminders',
      type: 'group',
      entries: [
        { name: 'on', chatInputRun: 'chatInputOn', messageRun: 'messageOn' },
        { name: 'off', chatInputRun: 'chatInputOff', messageRun: 'messageOff' },
      ],
    },
  ],
})
export class CheckinCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommandGroup((group) =>
          group
            .setName('reminders')
            .setDescription('Periodic "how are you doing?" prompts')
            .addSubcommand((sub) =>
              sub
                .setName('on')
                .setDescription('Check in with me every few hours')
                .addIntegerOption((o) =>
                  o
                    .setName('interval')
                    .setDescription('Hours between check-ins (1–72)')
                    .setRequired(true)
                    .setMinValue(CHECKIN_MIN_HOURS)
                    .setMaxValue(CHECKIN_MAX_HOURS),
                ),
            )
            .addSubcommand((sub) => sub.setName('off').setDescription('Stop check-ins')),
        ),
    );
  }

  public async chatInputOn(interaction: Subcommand.ChatInputCommandInteraction) {
    await checkinsOn(interaction, interaction.options.getInteger('interval', true));
  }

  public async chatInputOff(interaction: Subcommand.ChatInputCommandInteraction) {
    await checkinsOff(interaction);
  }

  public async messageOn(message: Message, args: Args) {
    await checkinsOn(message, await args.pick('integer').catch(() => 0));
  }

  public async messageOff(message: Message) {
    await checkinsOff(message);
  }
}
