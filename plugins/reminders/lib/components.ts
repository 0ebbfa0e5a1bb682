import { type APIButtonComponentWithCustomId, ButtonStyle, ComponentType } from 'discord.js';

export function button(
  customId: string,
  label: string,
  style: APIButtonComponentWithCustomId['style'] = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style, ...(disabled ? { disabled } : {}) };
}
