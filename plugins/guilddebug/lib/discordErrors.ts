import { container } from '@sapphire/framework';
import { DiscordAPIError, type Guild } from 'discord.js';
import type { ReplyContent } from 'mellow';

const SNOWFLAKE = /^\d{17,20}$/;

export const discordCode = (error: unknown): number | null =>
  error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : null;

export type GuildLookup = { guild: Guild; refusal?: undefined } | { guild?: undefined; refusal: ReplyContent };

/**
 * The guild to work on, by REST when this shard does not hold it. Unknown ids, guilds the bot is not
 * in and bad input each get their own explanation.
 */
export async function fetchTargetGuild(guildId: string): Promise<GuildLookup> {
  if (!SNOWFLAKE.test(guildId)) {
    return {
      refusal: {
        outcome: 'error',
        title: 'That is not a server id',
        description:
          'A server id is 17 to 20 digits. Turn on Developer Mode (User Settings → Advanced), then right-click the server → Copy Server ID.',
      },
    };
  }
  try {
    return { guild: await container.client.guilds.fetch(guildId) };
  } catch (error) {
    const code = discordCode(error);
    if (code === 10004) {
      return {
        refusal: {
          outcome: 'error',
          title: 'Unknown server',
          description: `No server has the id \`${guildId}\`. Check that it was copied whole.`,
        },
      };
    }
    if (code === 50001) {
      return {
        refusal: {
          outcome: 'error',
          title: 'Mellow is not in that server',
          description: `Mellow is not a member of \`${guildId}\` (it may have been removed). Its admins can invite it again.`,
        },
      };
    }
    throw error;
  }
}

/** The permissions error a user can act on, or null for errors that are ours to log. */
export function permissionProblem(error: unknown, where: string): ReplyContent | null {
  const code = discordCode(error);
  if (code === 50013 || code === 50001) {
    return {
      outcome: 'error',
      title: 'Mellow lacks a permission',
      description: `Discord refused: Mellow is missing a permission ${where} (error ${code}). Ask that server's admins to grant it, then try again.`,
    };
  }
  return null;
}
