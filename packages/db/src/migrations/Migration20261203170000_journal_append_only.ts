import { Migration } from '@mikro-orm/migrations';

/**
 * The journal is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on it,
 * whatever the application does. Tamper detection (the hash chain) covers what is done
 * behind the database's back, with the trigger disabled by a superuser.
 */
export class Migration20261203170000_journal_append_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function journal_entry_refuse_change() returns trigger
      language plpgsql as $$
      begin
        raise exception 'journal_entry is append-only: % is refused', tg_op
          using errcode = 'insufficient_privilege';
      end;
      $$;`);
    this.addSql(`create trigger journal_entry_append_only
      before update or delete on journal_entry
      for each row execute function journal_entry_refuse_change();`);
    this.addSql(`create trigger journal_entry_no_truncate
      before truncate on journal_entry
      for each statement execute function journal_entry_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists journal_entry_no_truncate on journal_entry;');
    this.addSql('drop trigger if exists journal_entry_append_only on journal_entry;');
    this.addSql('drop function if exists journal_entry_refuse_change();');
  }
}
