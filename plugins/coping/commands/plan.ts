import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import { type Message, MessageFlags } from 'discord.js';
import { pluginContext, respond, sendPrivately } from 'mellow';
import { asGoal } from '../lib/commandKit';
import { GOALS } from '../lib/content';
import { currentPlan, planModal, removePlanPrompt, suggestPlanReply, viewPlanReply } from '../lib/planReplies';

const em = () => pluginContext('coping').em();

/**
 * One coping plan per user, written in a modal. Modals exist only for slash commands, so the
 * message path views the plan by DM and points to `/plan edit` for writing it.
 */
@ApplyOptions<Subcommand.Options>({
  description: 'Your personal coping plan',
  subcommands: [
    { name: 'create', chatInputRun: 'chatInputEdit', messageRun: 'messageEdit' },
    { name: 'view', chatInputRun: 'chatInputView', messageRun: 'messageView', default: true },
    { name: 'edit', chatInputRun: 'chatInputEdit', messageRun: 'messageEdit' },
    { name: 'suggest', chatInputRun: 'chatInputSuggest', messageRun: 'messageSuggest' },
    { name: 'remove', chatInputRun: 'chatInputRemove', messageRun: 'messageRemove' },
  ],
})
export class PlanCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommand((sub) => sub.setName('create').setDescription('Write your coping plan'))
        .addSubcommand((sub) => sub.setName('view').setDescription('Show your coping plan, privately'))
        .addSubcommand((sub) => sub.setName('edit').setDescription('Change your coping plan'))
        .addSubcommand((sub) =>
          sub
            .setName('suggest')
            .setDescription('Ideas for your plan')
            .addStringOption((option) =>
              option
                .setName('goal')
                .setDescription('What you would like help with')
                .addChoices(...GOALS.map((goal) => ({ name: goal, value: goal }))),
            ),
        )
        .addSubcommand((sub) => sub.setName('remove').setDescription('Delete your coping plan')),
    );
  }

  public async chatInputEdit(interaction: Subcommand.ChatInputCommandInteraction) {
    await interaction.showModal(planModal(await currentPlan(em(), interaction.user.id)));
  }

  public async chatInputView(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, await viewPlanReply(em(), interaction.user.id));
  }

  public async chatInputSuggest(interaction: Subcommand.ChatInputCommandInteraction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const goal = asGoal(interaction.options.getString('goal'));
    await respond(interaction, await suggestPlanReply(em(), interaction.user.id, goal, { personalise: true }));
  }

  public async chatInputRemove(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, removePlanPrompt(interaction.user.id));
  }

  public async messageView(message: Message) {
    await sendPrivately(message, await viewPlanReply(em(), message.author.id), { slash: '/plan view' });
  }

  public async messageEdit(message: Message) {
    await respond(message, {
      outcome: 'info',
      title: 'Plans are written in a private form',
      description: 'Use `/plan edit`: it opens a form only you can see. `!plan` sends your current plan to your DMs.',
    });
  }

  /** Generic ideas only: personalising in a channel would show the user's plan to everyone. */
  public async messageSuggest(message: Message, args: Args) {
    const goal = asGoal(await args.pick('string').catch(() => null));
    await respond(message, await suggestPlanReply(em(), message.author.id, goal, { personalise: false }));
  }

  public async messageRemove(message: Message) {
    await respond(message, removePlanPrompt(message.author.id));
  }
}
