import { Migration } from '@mikro-orm/migrations';

/** A snoozed copy remembers which occurrence of its repeating reminder it snoozes. */
export class Migration20261202000000_reminders_snoozed_occurrence extends Migration {
  public override async up(): Promise<void> {
    this.addSql('alter table "reminders_reminder" add column "snoozed_occurrence" timestamptz(3) null;');
  }

  public override async down(): Promise<void> {
    this.addSql('alter table "reminders_reminder" drop column "snoozed_occurrence";');
  }
}
