import type { Args } from '@sapphire/framework';
import type { SlashCommandBuilder, SlashCommandOptionsOnlyBuilder, User } from 'discord.js';
import { type CommandTarget, type ReplyContent, toMessage } from 'mellow';
import { FEELINGS, type Feeling, GOALS, type Goal, TECHNIQUES, type Technique } from './content';

type Builder = SlashCommandBuilder | SlashCommandOptionsOnlyBuilder;

export const userOf = (target: CommandTarget): User => ('author' in target ? target.author : target.user);

/** Answers are private unless the user sets private:false. */
export const withPrivateOption = (builder: Builder) =>
  builder.addBooleanOption((option) =>
    option.setName('private').setDescription('Only you see the answer (default). Choose false to share it here.'),
  );

export const isShared = (interaction: { options: { getBoolean(name: string): boolean | null } }) =>
  interaction.options.getBoolean('private') === false;

export const withFeelingOption = (builder: Builder, description = 'How you feel right now') =>
  builder.addStringOption((option) =>
    option
      .setName('feeling')
      .setDescription(description)
      .addChoices(...FEELINGS.map((feeling) => ({ name: feeling, value: feeling }))),
  );

export const asFeeling = (value: string | null | undefined): Feeling | null =>
  FEELINGS.includes(value?.toLowerCase() as Feeling) ? (value!.toLowerCase() as Feeling) : null;

export const asTechnique = (value: string | null | undefined): Technique | null =>
  TECHNIQUES.includes(value?.toLowerCase() as Technique) ? (value!.toLowerCase() as Technique) : null;

export const asGoal = (value: string | null | undefined): Goal =>
  GOALS.includes(value?.toLowerCase() as Goal) ? (value!.toLowerCase() as Goal) : 'general';

/** The words left on a message command, lower-cased. */
export const restWords = async (args: Args) =>
  (await args.rest('string').catch(() => '')).trim().split(/\s+/).filter(Boolean);

export const unknownFeeling = (word: string) => ({
  outcome: 'warning' as const,
  title: "I don't know that feeling",
  description: `“${word.slice(0, 50)}” isn't one I know. Try one of: ${FEELINGS.join(', ')}. Or leave it out.`,
});

/** A reply's content as a message edit (for `interaction.update`): buttons go unless it brings its own. */
export const asMessage = (content: ReplyContent) => ({ components: [], ...toMessage(content) });

/** For buttons bound to one user (`…:<userId>` at the end of the custom id). */
export const NOT_YOURS: ReplyContent = {
  outcome: 'info',
  title: 'This one belongs to someone else',
  description: 'Start your own with the same command: it answers just for you.',
};
