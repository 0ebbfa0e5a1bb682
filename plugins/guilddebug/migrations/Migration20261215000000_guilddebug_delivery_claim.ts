import { Migration } from '@mikro-orm/migrations';

/** Delivery claims get a time, so a claim left by a crashed process expires instead of blocking the ticket. */
export class Migration20261215000000_guilddebug_delivery_claim extends Migration {
  public override async up(): Promise<void> {
    this.addSql('alter table "guilddebug_support_ticket" add column "delivery_claimed_at" timestamptz null;');
    // The old claim marker: a message id of '0' means a post that never finished.
    this.addSql(`update "guilddebug_support_ticket" set "support_message_id" = null where "support_message_id" = '0';`);
  }
}
