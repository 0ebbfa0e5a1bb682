import assert from 'node:assert/strict';
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  type ClientOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  ModalBuilder,
  Partials,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { type Actor, DiscordEmulator, type GuildHandle } from '../../src/testkit/emulator';

const PLUGINS = ['reminders', 'dice', 'welcome', 'remote'];

/** Retries `check` until it stops throwing (for effects the test cannot await directly). */
async function eventually<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What the test bot does: a handful of commands that exercise every kind of answer. */
async function onInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond(PLUGINS.filter((p) => p.startsWith(typed)).map((p) => ({ name: p, value: p })));
    return;
  }
  if (interaction.isButton() && interaction.customId === 'count') {
    const current = Number(/\d+/.exec(interaction.message.content)?.[0] ?? 0);
    await interaction.update({ content: `Count: ${current + 1}` });
    return;
  }
  if (interaction.isStringSelectMenu() && interaction.customId === 'pick') {
    await interaction.deferUpdate();
    await interaction.editReply({ content: `picked ${interaction.values.join(', ')}`, components: [] });
    return;
  }
  if (interaction.isModalSubmit() && interaction.customId === 'feedback') {
    await interaction.reply({ content: `Thanks: ${interaction.fields.getTextInputValue('text')}` });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'echo':
      await interaction.reply({ content: interaction.options.getString('text', true), allowedMentions: { parse: [] } });
      break;
    case 'secret':
      await interaction.reply({ content: 'only you', flags: MessageFlags.Ephemeral });
      break;
    case 'slow':
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await interaction.editReply({ content: 'done', embeds: [{ title: 'Report', description: 'all good' }] });
      break;
    case 'add': {
      const a = interaction.options.getInteger('a', true);
      const b = interaction.options.getInteger('b', true);
      await interaction.reply(`${typeof a} ${a + b}`);
      break;
    }
    case 'plugins':
      await interaction.reply(
        `${interaction.options.getSubcommand()} ${interaction.options.getString('plugin', true)} by ${interaction.user.username}`,
      );
      break;
    case 'counter':
      await interaction.reply({
        content: 'Count: 0',
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('count').setLabel('+1').setStyle(ButtonStyle.Primary),
          ),
        ],
      });
      break;
    case 'feedback':
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId('feedback')
          .setTitle('Feedback')
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder().setCustomId('text').setLabel('Your feedback').setStyle(TextInputStyle.Short),
            ),
          ),
      );
      break;
    case 'dm':
      try {
        await interaction.user.send('hello by DM');
        await interaction.reply({ content: 'sent', flags: MessageFlags.Ephemeral });
      } catch (error) {
        const code = error instanceof DiscordAPIError ? error.code : 'unknown';
        await interaction.reply({ content: `could not DM you (${code})`, flags: MessageFlags.Ephemeral });
      }
      break;
    case 'pick':
      await interaction.reply({
        content: 'Pick one',
        components: [
          new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
            new StringSelectMenuBuilder()
              .setCustomId('pick')
              .addOptions(['a', 'b', 'c'].map((v) => ({ label: `Option ${v}`, value: v }))),
          ),
        ],
      });
      break;
    case 'thread': {
      const response = await interaction.reply({ content: 'starting a thread', withResponse: true });
      const thread = await response.resource!.message!.startThread({ name: 'discussion' });
      await thread.send('first post in the thread');
      await interaction.followUp({ content: `thread ${thread.id} ready`, flags: MessageFlags.Ephemeral });
      break;
    }
    case 'invite': {
      const channel = interaction.channel;
      const invite = channel && 'createInvite' in channel ? await channel.createInvite({ maxAge: 60 }) : null;
      await interaction.reply(`invite ${invite?.code ?? 'none'} for ${invite?.guild?.name ?? '?'}`);
      break;
    }
    case 'history': {
      const messages = await interaction.channel!.messages.fetch({ limit: 2 });
      await interaction.reply(`last: ${[...messages.values()].map((m) => m.content).join(' | ')}`);
      break;
    }
    case 'twice': {
      await interaction.reply('first');
      try {
        await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        });
      } catch (error) {
        await interaction.followUp(`second failed: ${error instanceof DiscordAPIError ? error.code : 'unknown'}`);
      }
      break;
    }
    case 'late':
      await new Promise((resolve) => setTimeout(resolve, 300));
      await interaction.reply('too late').catch(() => undefined);
      break;
    case 'export':
      await interaction.reply({
        content: 'your export',
        files: [{ attachment: Buffer.from(JSON.stringify({ user: interaction.user.id })), name: 'export.json' }],
      });
      break;
  }
}

/** Prefix commands: `!ping` answers in place, `!log <text>` posts to #logs and reports failures. */
async function onMessage(message: Message, logsId: string): Promise<void> {
  if (message.author.bot) return;
  if (message.content === '!ping' && message.channel.isSendable()) await message.channel.send('pong');
  if (message.content.startsWith('!log ')) {
    const logs = await message.client.channels.fetch(logsId);
    try {
      if (logs?.isSendable()) await logs.send(message.content.slice(5));
      await message.reply('logged');
    } catch (error) {
      const code = error instanceof DiscordAPIError ? error.code : 'unknown';
      await message.reply(`could not log (${code})`);
    }
  }
}

const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'echo',
    description: 'Echo',
    options: [{ name: 'text', description: 'Text', type: ApplicationCommandOptionType.String, required: true }],
  },
  { name: 'secret', description: 'Ephemeral reply' },
  { name: 'slow', description: 'Deferred reply' },
  {
    name: 'add',
    description: 'Adds',
    options: [
      { name: 'a', description: 'a', type: ApplicationCommandOptionType.Integer, required: true },
      { name: 'b', description: 'b', type: ApplicationCommandOptionType.Integer, required: true },
    ],
  },
  {
    name: 'plugins',
    description: 'Plugins',
    options: ['enable', 'disable'].map((name) => ({
      name,
      description: name,
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: 'plugin',
          description: 'Plugin',
          type: ApplicationCommandOptionType.String,
          required: true,
          autocomplete: true,
        },
      ],
    })),
  },
  { name: 'counter', description: 'Button' },
  { name: 'feedback', description: 'Modal' },
  { name: 'dm', description: 'DM me' },
  { name: 'export', description: 'File' },
  { name: 'pick', description: 'Select menu' },
  { name: 'thread', description: 'Starts a thread' },
  { name: 'invite', description: 'Creates an invite' },
  { name: 'history', description: 'Reads history' },
  { name: 'twice', description: 'Answers twice' },
  { name: 'late', description: 'Answers after the deadline' },
];

describe('DiscordEmulator with a discord.js Client', () => {
  let emu: DiscordEmulator;
  let client: Client;
  let guild: GuildHandle;
  let alice: Actor;
  let bob: Actor;

  const general = () => guild.channel('general');
  const logs = () => guild.channel('logs');

  before(async () => {
    emu = await DiscordEmulator.start();
    alice = emu.users.create({ username: 'alice' });
    bob = emu.users.create({ username: 'bob' });
    guild = emu.guilds.create({ name: 'Test', owner: alice, channels: ['general', 'logs'] });
    const mods = guild.createRole({ name: 'Mods', permissions: PermissionFlagsBits.ManageGuild });
    guild.addMember(bob, { roles: [mods] });
    const options = {
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
        GatewayIntentBits.DirectMessages,
        GatewayIntentBits.GuildMembers,
      ],
      partials: [Partials.Channel],
      rest: { api: emu.apiUrl, globalRequestsPerSecond: 10_000 },
      waitGuildTimeout: 100,
      // A re-IDENTIFY within 5 s would otherwise wait out Discord's identify throttle.
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
    } satisfies Partial<ClientOptions>;
    // The Sapphire plugins in this repo augment ClientOptions with required fields a plain Client ignores.
    client = new Client(options as Partial<ClientOptions> as ClientOptions);
    client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
    client.on(Events.MessageCreate, (message) => void onMessage(message, logs().id));
    const ready = once(client, Events.ClientReady);
    await client.login(emu.token);
    await ready;
    await client.application!.commands.set(COMMANDS);
  });

  afterEach(() => emu.reset());

  after(async () => {
    await client?.destroy();
    await emu?.stop();
  });

  describe('gateway and REST basics', () => {
    it('logs in and caches guilds, channels, roles and the bot member with its roles', () => {
      const cached = client.guilds.cache.get(guild.id);
      assert.ok(cached, 'the guild is cached');
      assert.equal(cached.name, 'Test');
      assert.equal(cached.ownerId, alice.id);
      assert.ok(cached.channels.cache.some((c) => c.name === 'general'));
      assert.ok(cached.roles.cache.has(guild.id), '@everyone has the guild id');
      const me = cached.members.me;
      assert.ok(me, 'the bot member is in GUILD_CREATE');
      assert.ok(me.roles.cache.has(guild.botRole.id));
      assert.ok(me.permissionsIn(general().id).has(PermissionFlagsBits.SendMessages));
      assert.equal(client.user?.id, emu.botUser.id);
      assert.match(emu.botUser.id, /^\d{17,19}$/);
      assert.equal(emu.gateway.connected, true);
    });

    it('announces guilds created and removed while the bot is connected', async () => {
      const joined = once(client, Events.GuildCreate);
      const extra = emu.guilds.create({ name: 'Later', channels: ['lobby'] });
      const [created] = (await joined) as [{ id: string; name: string }];
      assert.equal(created.name, 'Later');
      assert.equal(client.guilds.cache.get(extra.id)?.channels.cache.first()?.name, 'lobby');
      const left = once(client, Events.GuildDelete);
      emu.guilds.remove(extra);
      await left;
      assert.equal(client.guilds.cache.has(extra.id), false);
    });

    it('answers 50001 about a guild the bot left and 10004 about one that never existed', async () => {
      const left = once(client, Events.GuildDelete);
      const other = emu.guilds.create({ name: 'Left', channels: ['lobby'] });
      emu.guilds.removeBot(other);
      await left;
      assert.equal(client.guilds.cache.has(other.id), false);
      await assert.rejects(client.guilds.fetch(other.id), { code: 50001 });
      await assert.rejects(client.channels.fetch(other.channel('lobby').id), { code: 50001 });
      await assert.rejects(client.guilds.fetch('123456789012345678'), { code: 10004 });
    });

    it('refuses invalid messages and unknown channels with Discord error codes', async () => {
      const channel = await client.channels.fetch(general().id);
      assert.ok(channel?.isSendable());
      await assert.rejects(channel.send({ content: 'x'.repeat(2001) }), { code: 50035 });
      await assert.rejects(channel.send({ embeds: [{ title: 't'.repeat(257) }] }), { code: 50035 });
      await assert.rejects(client.channels.fetch('123456789012345678'), { code: 10003, status: 404 });
      await assert.rejects(channel.messages.fetch('123456789012345678'), { code: 10008 });
      assert.deepEqual(emu.messages(general()), []);
    });

    it('answers 401 to a wrong token and 404 to an unknown route', async () => {
      const wrong = await fetch(`${emu.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
      assert.equal(wrong.status, 401);
      assert.deepEqual(await wrong.json(), { message: '401: Unauthorized', code: 0 });
      const unknown = await fetch(`${emu.apiUrl}/v10/nothing/here`, { headers: { authorization: `Bot ${emu.token}` } });
      assert.equal(unknown.status, 404);
      assert.deepEqual(await unknown.json(), { message: '404: Not Found', code: 0 });
      assert.ok(unknown.headers.get('x-ratelimit-bucket'));
    });

    it('delivers a user message to messageCreate with its content', async () => {
      const seen = once(client, Events.MessageCreate) as Promise<[Message]>;
      const sent = await alice.say(general(), 'hello bot');
      const [message] = await seen;
      assert.equal(message.content, 'hello bot');
      assert.equal(message.author.id, alice.id);
      assert.equal(message.id, sent.id);
      assert.equal(message.member?.id, alice.id);
    });

    it('shows the bot answer to a prefix command', async () => {
      const sent = await alice.say(general(), '!ping');
      const reply = await emu.waitForMessage({ channelId: general().id, after: sent.id });
      assert.equal(reply.content, 'pong');
      assert.equal(reply.authorId, emu.botUser.id);
    });
  });

  describe('slash commands and components', () => {
    it('registers commands and shows the reply to a slash command', async () => {
      assert.deepEqual(
        emu.commands.global().map((c) => c.name),
        COMMANDS.map((c) => c.name),
      );
      const ids = emu.commands.global().map((c) => c.id);
      const creates = emu.commands.createsToday();
      assert.equal(creates, COMMANDS.length);
      await client.application!.commands.set(COMMANDS);
      assert.deepEqual(
        emu.commands.global().map((c) => c.id),
        ids,
        'a bulk overwrite with the same names keeps the ids',
      );
      assert.equal(emu.commands.createsToday(), creates, 'and creates nothing');
      await client.application!.commands.set([{ name: 'local', description: 'Guild only' }], guild.id);
      assert.deepEqual(
        emu.commands.guild(guild.id).map((c) => c.name),
        ['local'],
      );
      assert.equal(emu.commands.createsToday(guild.id), 1);
      const reply = await alice.slash(general(), 'echo', { text: 'hi <@everyone>' });
      assert.equal(reply.content, 'hi <@everyone>');
      assert.equal(reply.ephemeral, false);
      assert.equal(emu.messages(general()).at(-1)?.content, 'hi <@everyone>');
    });

    it('types options from the definition and routes subcommands', async () => {
      assert.equal((await alice.slash(general(), 'add', { a: '5', b: 7 })).content, 'number 12');
      assert.equal((await bob.slash(general(), 'plugins disable', { plugin: 'dice' })).text, 'disable dice by bob');
    });

    it('reports ephemeral replies, and a deferred reply once it is edited', async () => {
      const secret = await alice.slash(general(), 'secret');
      assert.equal(secret.content, 'only you');
      assert.equal(secret.ephemeral, true);
      const slow = await alice.slash(general(), 'slow');
      assert.equal(slow.content, 'done');
      assert.equal(slow.ephemeral, true);
      assert.match(slow.text, /Report\nall good/);
    });

    it('returns autocomplete choices', async () => {
      const choices = await alice.autocomplete(general(), 'plugins enable', 'plugin', 're');
      assert.deepEqual(choices, [
        { name: 'reminders', value: 'reminders' },
        { name: 'remote', value: 'remote' },
      ]);
    });

    it('updates the message when a button is clicked', async () => {
      const reply = await alice.slash(general(), 'counter');
      assert.equal(reply.content, 'Count: 0');
      const first = await alice.click(reply.message, 'count');
      assert.equal(first.kind, 'update');
      assert.equal(first.content, 'Count: 1');
      const second = await bob.click(first.message, 'count');
      assert.equal(second.content, 'Count: 2');
      assert.equal(emu.messages(general()).filter((m) => m.content.startsWith('Count')).length, 1);
    });

    it('shows a modal and takes its submission', async () => {
      const reply = await alice.slash(general(), 'feedback');
      assert.equal(reply.kind, 'modal');
      assert.equal(reply.modal?.title, 'Feedback');
      const thanks = await alice.submitModal(general(), 'feedback', { text: 'great bot' });
      assert.equal(thanks.content, 'Thanks: great bot');
    });

    it('rejects with a clear message when the bot never answers', async () => {
      await client.application!.commands.create({ name: 'silent', description: 'never answers' });
      await assert.rejects(
        alice.slash(general(), 'silent', {}, { timeout: 300 }),
        /No reply to \/silent within 300 ms/,
      );
    });
  });

  describe('DMs, files and permissions', () => {
    it('sends a DM that emu.dms() shows', async () => {
      const reply = await alice.slash(general(), 'dm');
      assert.equal(reply.content, 'sent');
      assert.deepEqual(
        emu.dms(alice).map((m) => m.content),
        ['hello by DM'],
      );
    });

    it('fails with 50007 when the user closed their DMs', async () => {
      emu.closeDms(alice);
      const reply = await alice.slash(general(), 'dm');
      assert.equal(reply.content, 'could not DM you (50007)');
      assert.deepEqual(emu.dms(alice), []);
    });

    it('keeps uploaded files readable', async () => {
      const reply = await alice.slash(general(), 'export');
      const [file] = emu.messages(general()).at(-1)?.attachments ?? [];
      assert.equal(file?.filename, 'export.json');
      assert.deepEqual(JSON.parse(file?.text ?? ''), { user: alice.id });
      assert.equal(reply.attachments[0]?.filename, 'export.json');
      const download = await fetch(file?.url ?? '');
      assert.deepEqual(await download.json(), { user: alice.id });
      const logged = emu.requests.find((r) => r.path.endsWith('/callback'));
      assert.equal(logged?.files[0]?.filename, 'export.json');
      assert.equal((logged?.body as { type: number }).type, 4);
    });

    it('answers 50013 when a channel overwrite denies the bot Send Messages', async () => {
      guild.setChannelOverwrite(logs(), { id: emu.botUser.id, type: 1, deny: PermissionFlagsBits.SendMessages });
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const sent = await alice.say(general(), '!log something');
        const reply = await emu.waitForMessage({ channelId: general().id, after: sent.id });
        assert.equal(reply.content, 'could not log (50013)');
        assert.deepEqual(emu.messages(logs()), []);
      } finally {
        guild.setChannelOverwrite(logs(), { id: emu.botUser.id, type: 1 });
      }
    });
  });

  describe('more of the API', () => {
    it('routes a select menu with a deferred update', async () => {
      const reply = await alice.slash(general(), 'pick');
      assert.deepEqual(reply.message?.customIds, ['pick']);
      const picked = await alice.select(reply.message, 'pick', ['b']);
      assert.equal(picked.kind, 'update');
      assert.equal(picked.content, 'picked b');
      assert.deepEqual(picked.components, []);
      await assert.rejects(alice.select(reply.message, 'nope', ['a']), /No component 'nope'/);
    });

    it('starts a thread from the reply, posts in it and sends an ephemeral follow-up', async () => {
      const reply = await alice.slash(general(), 'thread');
      const [followUp] = await reply.followUps();
      assert.match(followUp?.content ?? '', /^thread \d+ ready$/);
      assert.equal(followUp?.ephemeral, true);
      const threadId = /\d+/.exec(followUp?.content ?? '')?.[0] ?? '';
      assert.equal(threadId, reply.message?.id, 'a thread from a message shares its id');
      assert.deepEqual(
        emu.messages(threadId).map((m) => m.content),
        ['first post in the thread'],
      );
      assert.equal(client.channels.cache.get(threadId)?.isThread(), true);
    });

    it('creates invites and reads message history', async () => {
      const invite = await alice.slash(general(), 'invite');
      assert.match(invite.content, /^invite \w+ for Test$/);
      await alice.say(general(), 'one');
      await alice.say(general(), 'two');
      const history = await alice.slash(general(), 'history');
      assert.equal(history.content, 'last: two | one');
    });

    it('refuses a second callback with 40060', async () => {
      const reply = await alice.slash(general(), 'twice');
      assert.equal(reply.content, 'first');
      const [followUp] = await reply.followUps();
      assert.equal(followUp?.content, 'second failed: 40060');
    });

    it('expires an interaction the bot does not acknowledge in time (10062 afterwards)', async () => {
      emu.setInteractionAckTimeout(100);
      await assert.rejects(alice.slash(general(), 'late'), /did not acknowledge it within 100 ms/);
      const late = await eventually(() => {
        const callback = emu.requests.find((r) => r.path.endsWith('/callback'));
        assert.ok(callback, 'the bot answered late');
        return callback;
      });
      assert.equal(late.status, 404);
      assert.equal(late.code, 10062);
    });

    it('answers a DM from a user in the DM channel', async () => {
      const sent = await alice.dm('!ping');
      const reply = await emu.waitForMessage({ channelId: sent.channelId, after: sent.id });
      assert.equal(reply.content, 'pong');
      assert.deepEqual(
        emu.dms(alice).map((m) => m.content),
        ['pong'],
      );
    });

    it('withholds message content from a client without the MessageContent intent', async () => {
      const plain = new Client({
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
        rest: { api: emu.apiUrl, globalRequestsPerSecond: 10_000 },
        waitGuildTimeout: 100,
      } as Partial<ClientOptions> as ClientOptions);
      try {
        const ready = once(plain, Events.ClientReady);
        await plain.login(emu.token);
        await ready;
        const seen: string[] = [];
        plain.on(Events.MessageCreate, (m) => void (m.author.bot || seen.push(m.content)));
        await alice.say(general(), 'secret words');
        await alice.say(general(), `hey <@${emu.botUser.id}> look`);
        await eventually(() => assert.equal(seen.length, 2));
        assert.deepEqual(seen, ['', `hey <@${emu.botUser.id}> look`]);
      } finally {
        await plain.destroy();
      }
    });
  });

  describe('faults and rate limits', () => {
    it('lets discord.js retry an injected 429, then the message arrives', async () => {
      emu.faults.add({ method: 'POST', path: '/channels/:id/messages', status: 429, retryAfter: 0.05 });
      const sent = await alice.say(general(), '!ping');
      const reply = await emu.waitForMessage({ channelId: general().id, after: sent.id });
      assert.equal(reply.content, 'pong');
      const posts = emu.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${general().id}/messages`);
      assert.deepEqual(
        posts.map((r) => r.status),
        [429, 200],
      );
    });

    it('retries a 500 and gives up after the last retry', async () => {
      emu.faults.add({ path: `/channels/${logs().id}/messages`, status: 500 });
      const ok = await alice.say(general(), '!log once');
      assert.equal((await emu.waitForMessage({ channelId: general().id, after: ok.id })).content, 'logged');
      assert.deepEqual(
        emu.messages(logs()).map((m) => m.content),
        ['once'],
      );
      emu.faults.add({ path: `/channels/${logs().id}/messages`, status: 503, times: 4 });
      const failing = await alice.say(general(), '!log never');
      const reply = await emu.waitForMessage({ channelId: general().id, after: failing.id });
      assert.equal(reply.content, 'could not log (unknown)');
      assert.deepEqual(
        emu.messages(logs()).map((m) => m.content),
        ['once'],
      );
    });

    it('enforces the global rate limit with a 429 discord.js waits out', async () => {
      emu.setGlobalRateLimit(2);
      const channel = await client.channels.fetch(general().id);
      assert.ok(channel?.isSendable());
      await Promise.all([1, 2, 3, 4].map((n) => channel.send(`burst ${n}`)));
      assert.equal(emu.messages(general()).filter((m) => m.content.startsWith('burst')).length, 4);
      const limited = emu.requests.find((r) => r.status === 429);
      assert.ok(limited, 'at least one request was refused');
    });
  });

  describe('gateway sessions', () => {
    it('replays events missed while disconnected when the client resumes', async () => {
      const before = emu.gateway.resumeCount;
      const resumed = once(client, Events.ShardResume);
      emu.gateway.disconnect(4000);
      const sent = await alice.say(general(), '!ping');
      await resumed;
      assert.equal(emu.gateway.resumeCount, before + 1);
      assert.equal((await emu.waitForMessage({ channelId: general().id, after: sent.id })).content, 'pong');
    });

    it('resumes after op 7 and keeps delivering events', async () => {
      const before = emu.gateway.resumeCount;
      const resumed = once(client, Events.ShardResume);
      emu.gateway.reconnect();
      await resumed;
      assert.equal(emu.gateway.resumeCount, before + 1);
      const sent = await alice.say(general(), '!ping');
      assert.equal((await emu.waitForMessage({ channelId: general().id, after: sent.id })).content, 'pong');
    });

    it('identifies again after a non-resumable op 9', async () => {
      const before = emu.gateway.identifyCount;
      emu.gateway.invalidateSession(false);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await emu.gateway.waitForReady();
      assert.equal(emu.gateway.identifyCount, before + 1);
      const reply = await alice.slash(general(), 'echo', { text: 'still here' });
      assert.equal(reply.content, 'still here');
    });
  });
});
