export { appRouter, createCaller, type AppRouter } from './root.ts';
export { createContext, type Context, type RequestInfo } from './trpc/context.ts';
export type { ProcedureMeta, Access, FieldErrors } from './trpc/init.ts';
export { createAppServices, type AppServices, type ServicesConfig } from './services.ts';
export { checkHealth, type HealthReport } from './health.ts';
export { AppError, errorCodes, type ErrorCode } from './errors.ts';
export { createLogger, type Logger } from './logger.ts';
export {
  commonEnvShape,
  prepareEnvShape,
  parseEnv,
  loadEnvOrExit,
  EnvError,
} from './config/env.ts';
export { companyRegistryEnvShape, companyRegistrySettings, exitOnEnvError } from './config/env.ts';
export {
  createCompanyRegistry,
  HttpCompanyRegistry,
  OfflineCompanyRegistry,
  type CompanyInfo,
  type CompanyRegistry,
} from './organisations/company-registry.ts';
export { createMailer, type Mailer } from './notifications/mailer.ts';
export { DevSmsProvider, type SmsProvider } from './notifications/sms.ts';
export {
  deliverNotification,
  type DeliveryChannels,
} from './notifications/deliver-notification.ts';
export { renderTemplate, type TemplateName } from './notifications/templates.ts';
export { startSmtpCatcher, type SmtpCatcher } from './dev/smtp-catcher.ts';
export { enqueueJob } from './outbox/enqueue.ts';
export { loadSecrets, secretsEnvShape, type Secrets } from './config/secrets.ts';
export type { SessionCookieJar } from './trpc/context.ts';
export { permissions, rolePermissions, type Permission } from './auth/permissions.ts';
export { writeJournal, type JournalInput, type JournalActor } from './journal/write-journal.ts';
export { verifyJournal, type JournalVerification } from './journal/verify-journal.ts';
export { newToken, tokenHash } from './auth/tokens.ts';
export { feeEnvShape } from './config/env.ts';
export { loadFeeSettings, type FeePayee, type FeeSettings } from './config/fee-settings.ts';
export {
  receiveBankConfirmation,
  signBankDelivery,
  type BankAnswer,
  type BankDelivery,
} from './applications/bank-webhook.ts';
export { MAX_DOCUMENT_BYTES, MAX_APPLICATION_BYTES } from './applications/document-content.ts';
export {
  tariffFor,
  tariffsFor,
  tariffs,
  type Tariff,
  type TariffCode,
} from './applications/tariffs.ts';
export { issuanceEnvShape } from './config/env.ts';
export {
  runDocumentChecks,
  type DocumentChecksDeps,
  type DocumentChecksOutcome,
} from './review/run-document-checks.ts';
export { issueCard, type IssuanceDeps, type IssuanceOutcome } from './issuance/issue-card.ts';
export { publishedJwks, rootCertificate } from './issuance/platform-keys.ts';
export { statusListCredential } from './issuance/status-list.ts';
