import type { EntityManager } from '@mikro-orm/core';
import { CopingToolboxItem } from '../entities/CopingToolboxItem';
import { SEALED, openOrNull, seal } from './secrets';

export const TOOLBOX_MAX = 50;
export const TOOL_MAX_LENGTH = 200;

export interface Tool {
  id: number;
  /** 1-based position in the list, as `/toolbox list` shows it. */
  position: number;
  text: string;
  addedAt: Date;
}

export interface Toolbox {
  tools: Tool[];
  /** Tools sealed with a key that is no longer configured. */
  unreadable: number;
}

/** One line, no runs of spaces; how a tool is stored and compared. */
export const cleanTool = (text: string) => text.replace(/\s+/g, ' ').trim();
const sameTool = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export async function readToolbox(em: EntityManager, userId: string): Promise<Toolbox> {
  const rows = await em.find(CopingToolboxItem, { userId }, { orderBy: { id: 'asc' } });
  const tools: Tool[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const text = openOrNull(row.text, SEALED.toolbox);
    if (text === null) unreadable++;
    else tools.push({ id: row.id, position: tools.length + 1, text, addedAt: row.createdAt });
  }
  return { tools, unreadable };
}

export type AddOutcome =
  | { kind: 'added'; count: number }
  | { kind: 'duplicate'; existing: Tool }
  | { kind: 'full' }
  | { kind: 'empty' }
  | { kind: 'too-long' };

/** Adds a tool unless it is empty, too long, already there, or the toolbox is full. */
export async function addTool(em: EntityManager, userId: string, raw: string): Promise<AddOutcome> {
  const text = cleanTool(raw);
  if (!text) return { kind: 'empty' };
  if (text.length > TOOL_MAX_LENGTH) return { kind: 'too-long' };
  return em.transactional(async (tx) => {
    // Per-user lock: two adds at once can neither both pass the duplicate check nor overfill the box.
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`coping_toolbox:${userId}`]);
    const { tools, unreadable } = await readToolbox(tx, userId);
    const existing = tools.find((tool) => sameTool(tool.text, text));
    if (existing) return { kind: 'duplicate', existing } as const;
    if (tools.length + unreadable >= TOOLBOX_MAX) return { kind: 'full' } as const;
    tx.create(CopingToolboxItem, { userId, text: seal(text, SEALED.toolbox), createdAt: new Date() });
    await tx.flush();
    return { kind: 'added', count: tools.length + unreadable + 1 } as const;
  });
}

/**
 * Removes a tool named by its text, its list position ("3") or an autocomplete value ("id:42").
 * Returns the removed tool, or null when nothing matched.
 */
export async function removeTool(em: EntityManager, userId: string, query: string): Promise<Tool | null> {
  const wanted = cleanTool(query);
  const { tools } = await readToolbox(em, userId);
  const byId = /^id:(\d+)$/.exec(wanted);
  const tool = byId
    ? tools.find((candidate) => candidate.id === Number(byId[1]))
    : /^\d{1,2}$/.test(wanted)
      ? tools.find((candidate) => candidate.position === Number(wanted))
      : tools.find((candidate) => sameTool(candidate.text, wanted));
  if (!tool) return null;
  await em.nativeDelete(CopingToolboxItem, { id: tool.id, userId });
  return tool;
}
