import type { EntityManager } from '@mikro-orm/core';
import { discordTime, type ReplyContent } from 'mellow';
import { type Goal, content } from './content';
import { ownMaterial } from './material';
import { personalSuggestions } from './personalise';
import { TOOL_MAX_LENGTH, TOOLBOX_MAX, addTool, readToolbox, removeTool } from './toolbox';

export async function addToolReply(em: EntityManager, userId: string, text: string): Promise<ReplyContent> {
  const outcome = await addTool(em, userId, text);
  switch (outcome.kind) {
    case 'added':
      return {
        outcome: 'success',
        title: 'Added to your toolbox',
        description: `You have ${outcome.count} of ${TOOLBOX_MAX} tools. See them with \`/toolbox list\`.`,
      };
    case 'duplicate':
      return {
        outcome: 'info',
        title: 'Already in your toolbox',
        description: `That's tool #${outcome.existing.position}, added ${discordTime(outcome.existing.addedAt, 'R')}. Nothing changed.`,
      };
    case 'full':
      return {
        outcome: 'warning',
        title: 'Your toolbox is full',
        description: `It holds up to ${TOOLBOX_MAX} tools. Remove one with \`/toolbox remove\` to make room.`,
      };
    case 'empty':
      return {
        outcome: 'error',
        title: 'What should I add?',
        description: 'Give the tool as text, for example `/toolbox add tool:a walk around the block`.',
      };
    case 'too-long':
      return {
        outcome: 'error',
        title: 'That is a bit long',
        description: `Keep a tool under ${TOOL_MAX_LENGTH} characters: a short reminder works best.`,
      };
  }
}

/** `privately` says whether only the user reads the answer; otherwise the removed tool's text is not repeated. */
export async function removeToolReply(
  em: EntityManager,
  userId: string,
  query: string,
  { privately }: { privately: boolean },
): Promise<ReplyContent> {
  const removed = query.trim() ? await removeTool(em, userId, query) : null;
  if (removed) {
    const description = privately ? removed.text : 'It is gone. See what is left with `/toolbox list`.';
    return { outcome: 'success', title: 'Removed from your toolbox', description };
  }
  return {
    outcome: 'warning',
    title: 'No such tool',
    description: 'Nothing was removed. Name the tool as it appears in `/toolbox list`, or give its number there.',
  };
}

export async function listToolsReply(em: EntityManager, userId: string): Promise<ReplyContent> {
  const { tools, unreadable } = await readToolbox(em, userId);
  const note = unreadable
    ? `\n\n${unreadable} tool(s) were stored with an encryption key that is no longer configured and can't be shown.`
    : '';
  if (tools.length === 0) {
    return {
      outcome: 'info',
      title: 'Your toolbox is empty',
      description: `Add things that help you, such as \`/toolbox add tool:call my sister\`. \`/toolbox suggest\` has ideas.${note}`,
    };
  }
  return {
    outcome: 'info',
    title: `🧰 Your toolbox (${tools.length} of ${TOOLBOX_MAX})`,
    description: `${tools.map((tool) => `${tool.position}. ${tool.text}`).join('\n')}${note}`,
  };
}

/** Curated ideas for a goal, minus what the user has; personalised when AI is on and answers well. */
export async function suggestToolsReply(
  em: EntityManager,
  userId: string,
  goal: Goal,
  { personalise }: { personalise: boolean },
): Promise<ReplyContent> {
  const { label, toolbox } = content.suggestions.goals[goal];
  const personal = personalise ? await personalSuggestions(label, 'toolbox', await ownMaterial(em, userId)) : null;
  const have = new Set((await readToolbox(em, userId)).tools.map((tool) => tool.text.toLowerCase()));
  const ideas = personal ?? toolbox.filter((idea) => !have.has(idea.toLowerCase())).slice(0, 6);
  return {
    outcome: 'info',
    title: `💡 Ideas for: ${label}`,
    description: [
      ...(ideas.length
        ? ideas.map((idea) => `• ${idea}`)
        : ['You already have every idea I keep for this goal. Nice work.']),
      '',
      personal ? '*Suggested for you from your toolbox and plan.*' : '',
      'Add one with `/toolbox add tool:<text>`.',
    ]
      .filter((line, index, lines) => line || lines[index - 1])
      .join('\n'),
  };
}
