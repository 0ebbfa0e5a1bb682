'use strict';
const { Command } = require('@sapphire/framework');
const { respond } = require('mellow');

const MAX_DICE = 20;
const MAX_SIDES = 1000;

/** Parses "2d6" style notation; returns null when it is not something we can roll. */
function parseDice(text) {
  const match = /^(\d{1,2})?d(\d{1,4})$/i.exec(text.trim());
  if (!match) return null;
  const count = Number(match[1] ?? 1);
  const sides = Number(match[2]);
  if (count < 1 || count > MAX_DICE || sides < 2 || sides > MAX_SIDES) return null;
  return { count, sides };
}

function roll(text, random = Math.random) {
  const dice = parseDice(text);
  if (!dice) {
    return {
      outcome: 'error',
      title: 'I cannot roll that',
      description: `Use dice notation like \`d20\` or \`3d6\`: 1 to ${MAX_DICE} dice with 2 to ${MAX_SIDES} sides.`,
    };
  }
  const rolls = Array.from({ length: dice.count }, () => 1 + Math.floor(random() * dice.sides));
  const total = rolls.reduce((sum, value) => sum + value, 0);
  return { outcome: 'success', title: `🎲 ${total}`, description: `${text.trim()}: ${rolls.join(' + ')}` };
}

class RollCommand extends Command {
  constructor(context) {
    super(context, { name: 'roll', description: 'Roll dice, like 2d6' });
  }

  registerApplicationCommands(registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addStringOption((option) =>
          option.setName('dice').setDescription('For example d20 or 3d6').setRequired(true).setMaxLength(8),
        ),
    );
  }

  async chatInputRun(interaction) {
    await respond(interaction, roll(interaction.options.getString('dice', true)), { publicly: true });
  }

  async messageRun(message, args) {
    const text = await args.pick('string').catch(() => '');
    await respond(message, roll(text));
  }
}

module.exports = { RollCommand };
