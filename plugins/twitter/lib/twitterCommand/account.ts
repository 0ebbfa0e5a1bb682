import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type Message } from 'discord.js';
import { respond, sendPrivately } from 'mellow';
import { actorOf } from '../access';
import { disconnect as forgetAccount, startConnect } from '../accounts';
import { connectionTest, statusReport } from '../status';
import { explainFailure, problemReply } from '../views';
import { XFailure } from '../x/failure';
import { adminOnly, deferred, em, messageActor } from './context';

export const status = deferred(async (interaction) =>
  respond(interaction, await statusReport(em(), interaction.guildId!, actorOf(interaction))),
);

export const test = deferred(async (interaction) =>
  respond(interaction, await connectionTest(em(), interaction.guildId!, actorOf(interaction))),
);

/** `!twitter status`: account health and errors are not for the whole channel, so they go by DM. */
export const messageStatus = async (message: Message<true>) =>
  sendPrivately(message, await statusReport(em(), message.guildId, messageActor(message)), {
    slash: '/twitter status',
  });

export const messageTest = async (message: Message<true>) =>
  sendPrivately(message, await connectionTest(em(), message.guildId, messageActor(message)), {
    slash: '/twitter test',
  });

export const connect = adminOnly(async (interaction) => {
  let url: string;
  try {
    url = await startConnect(em(), interaction.guildId!, interaction.user.id);
  } catch (error) {
    if (!(error instanceof XFailure)) throw error;
    return respond(interaction, problemReply('Could not start the connection', explainFailure(error)));
  }
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(url).setLabel('1. Authorize on X'),
    new ButtonBuilder().setCustomId('twitter.pin').setStyle(ButtonStyle.Primary).setLabel('2. Enter the PIN'),
  );
  return respond(interaction, {
    outcome: 'info',
    title: 'Connect an X account',
    description:
      'Open the link while logged in to the X account this server should post as, and authorize the app. X then shows a PIN: press **Enter the PIN** and type it. The link works for 15 minutes.',
    extra: { components: [row] },
  });
});

export const disconnect = adminOnly(async (interaction) => {
  const username = await forgetAccount(em(), interaction.guildId!);
  return respond(
    interaction,
    username
      ? {
          outcome: 'success',
          title: `Disconnected @${username}`,
          description:
            'Its tokens are deleted. Queued posts for this server’s account will fail until an account is connected again. To revoke the app’s access on X too, see Settings → Security → Connected apps.',
        }
      : { outcome: 'info', title: 'No X account was connected' },
  );
});
