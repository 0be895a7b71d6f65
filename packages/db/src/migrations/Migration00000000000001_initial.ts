import { Migration } from '@mikro-orm/migrations';

export class Migration00000000000001_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "application_document" ("id" uuid not null, "organisation_id" uuid not null, "application_id" uuid not null, "kind" text check ("kind" in ('registry_extract', 'charter', 'founders_decision', 'authorised_body_decision', 'power_of_attorney', 'bank_certificate', 'registration_certificate')) not null, "file_name" varchar(255) not null, "media_type" text check ("media_type" in ('application/pdf', 'image/jpeg', 'image/png')) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "issued_on" date null, "content_sealed" bytea not null, "uploaded_by_user_id" uuid not null, "uploaded_at" timestamptz not null, constraint "application_document_pkey" primary key ("id"));`);
    this.addSql(`create index "application_document_organisation_id_index" on "application_document" ("organisation_id");`);
    this.addSql(`create index "application_document_application_id_index" on "application_document" ("application_id");`);

    this.addSql(`create table "card" ("id" uuid not null, "organisation_id" uuid not null, "application_id" uuid not null, "holder_member_id" uuid not null, "holder_user_id" uuid not null, "department" varchar(200) null, "number_sealed" bytea not null, "number_masked" varchar(19) not null, "number_digest" varchar(64) not null, "status" text check ("status" in ('issued', 'active', 'blocked', 'expired', 'revoked')) not null default 'issued', "valid_from" timestamptz not null, "valid_to" timestamptz not null, "limits" jsonb not null, "status_list_index" int not null, "credential_jws" text not null, "issued_at" timestamptz not null, constraint "card_pkey" primary key ("id"));`);
    this.addSql(`create index "card_organisation_id_index" on "card" ("organisation_id");`);
    this.addSql(`alter table "card" add constraint "card_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "card" add constraint "card_number_digest_unique" unique ("number_digest");`);
    this.addSql(`alter table "card" add constraint "card_status_list_index_unique" unique ("status_list_index");`);

    this.addSql(`create table "card_application" ("id" uuid not null, "organisation_id" uuid not null, "applicant_user_id" uuid not null, "card_type" text check ("card_type" in ('LLC', 'NPO')) not null, "status" text check ("status" in ('draft', 'awaiting_fee', 'submitted', 'checking', 'needs_correction', 'in_review', 'approved', 'rejected')) not null default 'draft', "step" text check ("step" in ('form', 'documents', 'fee', 'submit')) not null default 'form', "purpose" varchar(500) null, "holder_member_id" uuid null, "department" varchar(200) null, "tariff_code" varchar(50) null, "submitted_at" timestamptz null, "review_started_at" timestamptz null, "decided_at" timestamptz null, "decided_by_operator_id" uuid null, "decision_reason" text null, "correction_remarks" text null, "check_run" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "card_application_pkey" primary key ("id"));`);
    this.addSql(`create index "card_application_organisation_id_index" on "card_application" ("organisation_id");`);
    this.addSql(`create index "card_application_status_index" on "card_application" ("status");`);

    this.addSql(`create table "dev_message" ("id" uuid not null, "channel" text check ("channel" in ('email', 'sms')) not null, "recipient" varchar(320) not null, "subject" varchar(500) null, "text" text not null, "html" text null, "created_at" timestamptz not null, constraint "dev_message_pkey" primary key ("id"));`);
    this.addSql(`create index "dev_message_created_at_index" on "dev_message" ("created_at");`);

    this.addSql(`create table "document_check" ("id" uuid not null, "organisation_id" uuid not null, "application_id" uuid not null, "run" int not null, "document_id" uuid null, "check" varchar(50) not null, "passed" boolean not null, "reason" text not null, "checked_at" timestamptz not null, constraint "document_check_pkey" primary key ("id"));`);
    this.addSql(`create index "document_check_organisation_id_index" on "document_check" ("organisation_id");`);
    this.addSql(`create index "document_check_application_id_index" on "document_check" ("application_id");`);
    this.addSql(`alter table "document_check" add constraint "document_check_application_id_run_document_id_check_unique" unique ("application_id", "run", "document_id", "check");`);

    this.addSql(`create table "invitation" ("id" uuid not null, "organisation_id" uuid not null, "email" varchar(320) not null, "role" text check ("role" in ('head', 'administrator', 'accountant', 'employee', 'auditor')) not null, "token_hash" varchar(64) not null, "invited_by_user_id" uuid not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_user_id" uuid null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "invitation_organisation_id_index" on "invitation" ("organisation_id");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "journal_entry" ("id" bigserial primary key, "organisation_id" uuid null, "seq" int not null, "occurred_at" timestamptz not null, "actor_kind" text check ("actor_kind" in ('user', 'operator', 'system', 'anonymous')) not null, "actor_id" uuid null, "actor_name" varchar(200) null, "on_behalf_of_id" uuid null, "on_behalf_of_name" varchar(200) null, "action" varchar(100) not null, "target_type" varchar(50) null, "target_id" varchar(100) null, "ip" varchar(64) null, "user_agent" varchar(500) null, "outcome" text check ("outcome" in ('success', 'failure', 'denied')) not null, "details" jsonb not null, "prev_hash" varchar(64) null, "hash" varchar(64) not null);`);
    this.addSql(`create index "journal_entry_organisation_id_occurred_at_index" on "journal_entry" ("organisation_id", "occurred_at");`);
    this.addSql(`alter table "journal_entry" add constraint "journal_entry_organisation_id_seq_unique" unique ("organisation_id", "seq");`);

    this.addSql(`create table "member" ("id" uuid not null, "organisation_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('head', 'administrator', 'accountant', 'employee', 'auditor')) not null, "status" text check ("status" in ('active', 'removed')) not null default 'active', "created_at" timestamptz not null, constraint "member_pkey" primary key ("id"));`);
    this.addSql(`create index "member_organisation_id_index" on "member" ("organisation_id");`);
    this.addSql(`create index "member_user_id_index" on "member" ("user_id");`);
    this.addSql(`alter table "member" add constraint "member_organisation_id_user_id_unique" unique ("organisation_id", "user_id");`);

    this.addSql(`create table "one_time_code" ("id" uuid not null, "purpose" text check ("purpose" in ('sign_in', 'confirm_phone', 'confirm_email', 'sign_power_of_attorney', 'confirm_action')) not null, "subject_id" uuid not null, "channel" text check ("channel" in ('sms', 'email')) not null, "destination" varchar(320) not null, "code_hash" varchar(64) not null, "attempts" int not null default 0, "sent_at" timestamptz not null, "expires_at" timestamptz not null, "consumed_at" timestamptz null, "created_at" timestamptz not null, constraint "one_time_code_pkey" primary key ("id"));`);
    this.addSql(`create index "one_time_code_subject_id_index" on "one_time_code" ("subject_id");`);

    this.addSql(`create table "operator" ("id" uuid not null, "full_name" varchar(200) not null, "email" varchar(320) not null, "phone" varchar(12) not null, "password_hash" varchar(200) not null, "locked_until" timestamptz null, "created_at" timestamptz not null, constraint "operator_pkey" primary key ("id"));`);
    this.addSql(`alter table "operator" add constraint "operator_email_unique" unique ("email");`);

    this.addSql(`create table "organisation" ("id" uuid not null, "type" text check ("type" in ('LLC', 'NPO')) not null, "full_name" varchar(500) not null, "short_name" varchar(200) not null, "inn" varchar(10) not null, "ogrn" varchar(13) not null, "kpp" varchar(9) not null, "legal_address" varchar(500) not null, "postal_address" varchar(500) not null, "email" varchar(320) not null, "phone" varchar(12) not null, "status" text check ("status" in ('pending_confirmation', 'confirmed')) not null default 'pending_confirmation', "idle_timeout_minutes" int not null default 15, "created_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_inn_unique" unique ("inn");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "queue" varchar(64) not null, "job_name" varchar(64) not null, "payload" jsonb not null, "status" text check ("status" in ('pending', 'sent')) not null default 'pending', "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_status_index" on "outbox_message" ("status");`);

    this.addSql(`create table "platform_key" ("id" varchar(100) not null, "purpose" text check ("purpose" in ('root_ca', 'credential')) not null, "public_part" text not null, "private_key_sealed" bytea not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "platform_key_pkey" primary key ("id"));`);

    this.addSql(`create table "power_of_attorney" ("id" uuid not null, "organisation_id" uuid not null, "principal_user_id" uuid not null, "representative_member_id" uuid not null, "representative_user_id" uuid not null, "scopes" text[] not null, "amount_ceiling_kopecks" bigint null, "valid_from" timestamptz not null, "valid_to" timestamptz not null, "status" text check ("status" in ('awaiting_signature', 'active', 'revoked')) not null default 'awaiting_signature', "signed_at" timestamptz null, "signature_method" text check ("signature_method" in ('code', 'cms')) null, "signature" bytea null, "revoked_at" timestamptz null, "revocation_reason" varchar(500) null, "created_at" timestamptz not null, constraint "power_of_attorney_pkey" primary key ("id"));`);
    this.addSql(`create index "power_of_attorney_organisation_id_index" on "power_of_attorney" ("organisation_id");`);
    this.addSql(`create index "power_of_attorney_representative_member_id_index" on "power_of_attorney" ("representative_member_id");`);

    this.addSql(`create table "processed_job" ("key" varchar(200) not null, "processed_at" timestamptz not null, constraint "processed_job_pkey" primary key ("key"));`);

    this.addSql(`create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "kind" text check ("kind" in ('user', 'operator')) not null, "user_id" uuid null, "operator_id" uuid null, "ip" varchar(64) not null, "user_agent" varchar(500) not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, "end_reason" text check ("end_reason" in ('sign_out', 'ended_by_user', 'idle', 'expired', 'password_changed')) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_operator_id_index" on "session" ("operator_id");`);

    this.addSql(`create table "sign_in_challenge" ("id" uuid not null, "kind" text check ("kind" in ('user', 'operator')) not null, "user_id" uuid null, "operator_id" uuid null, "method" text check ("method" in ('sms', 'totp')) not null, "attempts" int not null default 0, "expires_at" timestamptz not null, "consumed_at" timestamptz null, "created_at" timestamptz not null, constraint "sign_in_challenge_pkey" primary key ("id"));`);
    this.addSql(`create index "sign_in_challenge_user_id_index" on "sign_in_challenge" ("user_id");`);
    this.addSql(`create index "sign_in_challenge_operator_id_index" on "sign_in_challenge" ("operator_id");`);

    this.addSql(`create table "signing_certificate" ("id" uuid not null, "organisation_id" uuid not null, "card_id" uuid not null, "serial" varchar(64) not null, "certificate_pem" text not null, "private_key_sealed" bytea not null, "pin_hash" varchar(64) null, "pin_failures" int not null default 0, "pin_locked_at" timestamptz null, "status" text check ("status" in ('awaiting_pin', 'active', 'revoked')) not null default 'awaiting_pin', "not_before" timestamptz not null, "not_after" timestamptz not null, "revoked_at" timestamptz null, "revocation_reason" varchar(50) null, "created_at" timestamptz not null, constraint "signing_certificate_pkey" primary key ("id"));`);
    this.addSql(`create index "signing_certificate_organisation_id_index" on "signing_certificate" ("organisation_id");`);
    this.addSql(`alter table "signing_certificate" add constraint "signing_certificate_card_id_unique" unique ("card_id");`);
    this.addSql(`alter table "signing_certificate" add constraint "signing_certificate_serial_unique" unique ("serial");`);

    this.addSql(`create table "state_fee" ("id" uuid not null, "organisation_id" uuid not null, "application_id" uuid not null, "amount_kopecks" bigint not null, "uin" varchar(25) not null, "purpose" varchar(210) not null, "status" text check ("status" in ('unpaid', 'paid')) not null default 'unpaid', "bank_payment_id" varchar(100) null, "paid_at" timestamptz null, "created_at" timestamptz not null, constraint "state_fee_pkey" primary key ("id"));`);
    this.addSql(`create index "state_fee_organisation_id_index" on "state_fee" ("organisation_id");`);
    this.addSql(`alter table "state_fee" add constraint "state_fee_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "state_fee" add constraint "state_fee_uin_unique" unique ("uin");`);
    this.addSql(`alter table "state_fee" add constraint "state_fee_bank_payment_id_unique" unique ("bank_payment_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "full_name" varchar(200) not null, "email" varchar(320) not null, "phone" varchar(12) not null, "password_hash" varchar(200) not null, "password_changed_at" timestamptz not null, "email_confirmed_at" timestamptz null, "phone_confirmed_at" timestamptz null, "second_factor" text check ("second_factor" in ('sms', 'totp')) not null default 'sms', "totp_secret_sealed" bytea null, "totp_pending_sealed" bytea null, "totp_last_step" bigint null, "locked_until" timestamptz null, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "webhook_receipt" ("delivery_id" varchar(100) not null, "source" varchar(50) not null, "received_at" timestamptz not null, constraint "webhook_receipt_pkey" primary key ("delivery_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "application_document" cascade;`);

    this.addSql(`drop table if exists "card" cascade;`);

    this.addSql(`drop table if exists "card_application" cascade;`);

    this.addSql(`drop table if exists "dev_message" cascade;`);

    this.addSql(`drop table if exists "document_check" cascade;`);

    this.addSql(`drop table if exists "invitation" cascade;`);

    this.addSql(`drop table if exists "journal_entry" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "one_time_code" cascade;`);

    this.addSql(`drop table if exists "operator" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "platform_key" cascade;`);

    this.addSql(`drop table if exists "power_of_attorney" cascade;`);

    this.addSql(`drop table if exists "processed_job" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "sign_in_challenge" cascade;`);

    this.addSql(`drop table if exists "signing_certificate" cascade;`);

    this.addSql(`drop table if exists "state_fee" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "webhook_receipt" cascade;`);
  }

}
