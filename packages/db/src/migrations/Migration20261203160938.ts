import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160938 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dev_message" ("id" uuid not null, "channel" text check ("channel" in ('email', 'sms')) not null, "recipient" varchar(320) not null, "subject" varchar(500) null, "text" text not null, "html" text null, "created_at" timestamptz not null, constraint "dev_message_pkey" primary key ("id"));`);
    this.addSql(`create index "dev_message_created_at_index" on "dev_message" ("created_at");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "queue" varchar(64) not null, "job_name" varchar(64) not null, "payload" jsonb not null, "status" text check ("status" in ('pending', 'sent')) not null default 'pending', "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_status_index" on "outbox_message" ("status");`);

    this.addSql(`create table "processed_job" ("key" varchar(200) not null, "processed_at" timestamptz not null, constraint "processed_job_pkey" primary key ("key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dev_message" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "processed_job" cascade;`);
  }

}
