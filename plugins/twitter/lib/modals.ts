import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { TwitterPost } from '../entities/TwitterPost';

const modal = (customId: string, title: string, ...inputs: TextInputBuilder[]) =>
  new ModalBuilder()
    .setCustomId(customId)
    .setTitle(title)
    .addComponents(inputs.map((input) => new ActionRowBuilder<TextInputBuilder>().addComponents(input)));

/** `/twitter queue edit`: the post's text, and an optional new time. */
export function editModal(post: Pick<TwitterPost, 'id' | 'text'>): ModalBuilder {
  return modal(
    `twitter.edit:${post.id}`,
    `Edit post #${post.id}`,
    new TextInputBuilder()
      .setCustomId('text')
      .setLabel('Text')
      .setStyle(TextInputStyle.Paragraph)
      .setMaxLength(1000)
      .setValue(post.text),
    new TextInputBuilder()
      .setCustomId('when')
      .setLabel('New time (leave empty to keep it)')
      .setStyle(TextInputStyle.Short)
      .setRequired(false)
      .setMaxLength(200)
      .setPlaceholder('tomorrow 9am'),
  );
}

/** The PIN X showed after the admin authorized the app (`/twitter connect`). */
export function pinModal(): ModalBuilder {
  return modal(
    'twitter.pinEntered',
    'Connect an X account',
    new TextInputBuilder()
      .setCustomId('pin')
      .setLabel('The PIN X showed you')
      .setStyle(TextInputStyle.Short)
      .setRequired(true)
      .setMinLength(4)
      .setMaxLength(16),
  );
}

/** An approver's optional note when rejecting one revision of a post. */
export function rejectModal(postId: number, revision: number): ModalBuilder {
  return modal(
    `twitter.rejectNote:${postId}:${revision}`,
    `Reject post #${postId}`,
    new TextInputBuilder()
      .setCustomId('note')
      .setLabel('Why? (the author sees this)')
      .setStyle(TextInputStyle.Paragraph)
      .setRequired(false)
      .setMaxLength(500),
  );
}
