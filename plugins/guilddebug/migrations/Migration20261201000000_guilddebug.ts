import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000000_guilddebug extends Migration {
  public override async up(): Promise<void> {
    this.addSql(`create table "guilddebug_support_ticket" (
      "id" serial primary key,
      "guild_id" varchar(20) not null,
      "requester_id" varchar(20) not null,
      "summary" varchar(100) not null,
      "details" text not null,
      "severity" varchar(16) not null,
      "contact" varchar(200) null,
      "consent" boolean not null default false,
      "status" varchar(16) not null default 'open',
      "support_message_id" varchar(20) null,
      "support_thread_id" varchar(20) null,
      "handled_by" varchar(20) null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null);`);
    this.addSql(
      'create index "guilddebug_support_ticket_support_thread_id_index" on "guilddebug_support_ticket" ("support_thread_id");',
    );
    this.addSql(
      'create index "guilddebug_support_ticket_guild_id_created_at_index" on "guilddebug_support_ticket" ("guild_id", "created_at");',
    );
    this.addSql(
      'create index "guilddebug_support_ticket_requester_id_created_at_index" on "guilddebug_support_ticket" ("requester_id", "created_at");',
    );
    this.addSql(`create table "guilddebug_ticket_outbox" (
      "id" serial primary key,
      "ticket_id" int not null,
      "direction" varchar(16) not null,
      "author_id" varchar(20) not null,
      "content" text not null,
      "created_at" timestamptz not null);`);
    this.addSql('create index "guilddebug_ticket_outbox_ticket_id_index" on "guilddebug_ticket_outbox" ("ticket_id");');
  }
}
