import type { Json } from './payloads';

const TYPE_NAMES: Record<number, string> = {
  2: 'button',
  3: 'string select',
  4: 'text input',
  5: 'user select',
  6: 'role select',
  7: 'mentionable select',
  8: 'channel select',
};

export function componentTypeName(type: unknown): string {
  return TYPE_NAMES[Number(type)] ?? `component type ${String(type)}`;
}

/** Walks message or modal components (rows, containers, sections, labels) depth first. */
export function walkComponents(components: Json[], visit: (component: Json) => void): void {
  for (const component of components) {
    visit(component);
    walkComponents((component.components as Json[] | undefined) ?? [], visit);
    if (component.accessory && typeof component.accessory === 'object')
      walkComponents([component.accessory as Json], visit);
    if (component.component && typeof component.component === 'object')
      walkComponents([component.component as Json], visit);
  }
}

export function findComponent(components: Json[], customId: string): Json | undefined {
  let found: Json | undefined;
  walkComponents(components, (c) => {
    if (!found && c.custom_id === customId) found = c;
  });
  return found;
}

export function customIdsOf(components: Json[]): string[] {
  const ids: string[] = [];
  walkComponents(components, (c) => {
    if (typeof c.custom_id === 'string') ids.push(c.custom_id);
  });
  return ids;
}

export type ModalFieldValue = string | string[];

function submitted(component: Json, fields: Record<string, ModalFieldValue>, label: string): Json {
  const customId = String(component.custom_id);
  const value = fields[customId];
  const base: Json = {
    type: component.type,
    custom_id: customId,
    ...(component.id !== undefined ? { id: component.id } : {}),
  };
  if (component.type === 4) {
    const text = Array.isArray(value) ? value.join('\n') : (value ?? String(component.value ?? ''));
    if (component.required !== false && text.length === 0) throw new Error(`${label}: field '${customId}' is required`);
    if (typeof component.max_length === 'number' && text.length > component.max_length) {
      throw new Error(`${label}: field '${customId}' is longer than ${component.max_length}`);
    }
    return { ...base, value: text };
  }
  return { ...base, values: value === undefined ? [] : Array.isArray(value) ? value : [value] };
}

/**
 * The `components` of a modal submit. With the modal the bot showed, mirror its layout (action rows
 * or labels) and check required fields; without it, one action row per text field.
 */
export function modalSubmission(modal: Json | null, fields: Record<string, ModalFieldValue>, label: string): Json[] {
  if (!modal) {
    return Object.entries(fields).map(([customId, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: customId, value: Array.isArray(value) ? value.join('\n') : value }],
    }));
  }
  const known = customIdsOf((modal.components as Json[] | undefined) ?? []);
  const unknown = Object.keys(fields).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`${label} has no field ${unknown.join(', ')} (fields: ${known.join(', ')})`);
  return ((modal.components as Json[] | undefined) ?? []).map((row) => {
    const id = row.id !== undefined ? { id: row.id } : {};
    if (row.type === 18 && row.component && typeof row.component === 'object') {
      return { type: 18, ...id, component: submitted(row.component as Json, fields, label) };
    }
    if (Array.isArray(row.components)) {
      return { type: row.type, ...id, components: (row.components as Json[]).map((c) => submitted(c, fields, label)) };
    }
    return { type: row.type, ...id };
  });
}
