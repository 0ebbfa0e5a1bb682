import type { APIEmbed } from 'discord.js';

/** One colour per outcome, used by every reply. */
export const Colors = {
  success: 0x3ba55d,
  info: 0x5865f2,
  warning: 0xfaa61a,
  error: 0xed4245,
} as const;

export type Outcome = keyof typeof Colors;

/**
 * An embed in the outcome's colour. A plain object rather than an EmbedBuilder: the builder's
 * validators cost more than the rest of a reply, and the lengths are already clamped here.
 */
export function outcomeEmbed(outcome: Outcome, title: string, description?: string): APIEmbed {
  return {
    color: Colors[outcome],
    title: title.slice(0, 256),
    ...(description ? { description: description.slice(0, 4096) } : {}),
  };
}

/** A Discord timestamp a user sees in their own time zone. */
export const discordTime = (date: Date, style: 'F' | 'R' | 'f' | 'D' | 't' = 'F') =>
  `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
