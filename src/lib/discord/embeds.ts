import { EmbedBuilder } from 'discord.js';

/** One colour per outcome, used by every reply. */
export const Colors = {
  success: 0x3ba55d,
  info: 0x5865f2,
  warning: 0xfaa61a,
  error: 0xed4245,
} as const;

export type Outcome = keyof typeof Colors;

export function outcomeEmbed(outcome: Outcome, title: string, description?: string): EmbedBuilder {
  const embed = new EmbedBuilder().setColor(Colors[outcome]).setTitle(title.slice(0, 256));
  if (description) embed.setDescription(description.slice(0, 4096));
  return embed;
}

/** A Discord timestamp a user sees in their own time zone. */
export const discordTime = (date: Date, style: 'F' | 'R' | 'f' | 'D' | 't' = 'F') =>
  `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
