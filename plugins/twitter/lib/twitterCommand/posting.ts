import { respond } from 'mellow';
import { type ImageType, imageTypes } from '../../entities/TwitterPost';
import { actorOf } from '../access';
import { previewReply, submitReply } from '../compose';
import { createDraft, submit } from '../posts';
import { settingsOf } from '../settings';
import { problemReply } from '../views';
import { scheduleTime } from '../when';
import { type Interaction, deferred, em, requestedAccount } from './context';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** `/twitter post`: a private preview with Post and Cancel. */
export async function post(interaction: Interaction) {
  const attachment = interaction.options.getAttachment('image');
  if (attachment && (!imageTypes.includes(attachment.contentType as ImageType) || attachment.size > MAX_IMAGE_BYTES)) {
    return respond(
      interaction,
      problemReply('That image can’t be posted', 'Attach a PNG, JPEG, GIF or WebP image of at most 5 MB.'),
    );
  }
  return deferred(async () => {
    const image = attachment
      ? {
          data: Buffer.from(await (await fetch(attachment.url)).arrayBuffer()),
          type: attachment.contentType as ImageType,
        }
      : null;
    const draft = await createDraft(em(), actorOf(interaction), {
      guildId: interaction.guildId!,
      channelId: interaction.channelId,
      text: interaction.options.getString('text', true),
      account: requestedAccount(interaction),
      image,
    });
    return respond(interaction, draft.ok ? previewReply(draft) : problemReply(draft.title, draft.problem));
  })(interaction);
}

/** `/twitter schedule`: queued at once (or sent to review). */
export const schedule = deferred(async (interaction) => {
  const guildId = interaction.guildId!;
  const when = scheduleTime(interaction.options.getString('when', true), (await settingsOf(em(), guildId)).timeZone);
  if (!when.ok) return respond(interaction, problemReply('I couldn’t read that time', when.error));
  const draft = await createDraft(em(), actorOf(interaction), {
    guildId,
    channelId: interaction.channelId,
    text: interaction.options.getString('text', true),
    account: requestedAccount(interaction),
    scheduledFor: when.at,
  });
  if (!draft.ok) return respond(interaction, problemReply(draft.title, draft.problem));
  return respond(interaction, submitReply(await submit(em(), draft.post.id, draft.account)));
});
