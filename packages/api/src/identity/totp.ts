import QRCode from 'qrcode';
import {
  base32Encode,
  generateTotpSecret,
  open,
  otpauthUri,
  seal,
  verifyPassword,
  verifyTotp,
} from '@orgcard/crypto';
import type { EntityManager, User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import type { AppServices } from '../services.ts';
import type { RequestInfo } from '../trpc/context.ts';
import { journalIdentityEvent } from './identity-journal.ts';

const ISSUER = 'Orgcard';

type SecretServices = Pick<AppServices, 'secrets'>;

/** The associated data binds a sealed secret to its user: copied to another row, it won't open. */
function totpAad(userId: string): string {
  return `user:${userId}:totp`;
}

/**
 * Checks a code from the authenticator app: the current 30-second step or one either side
 * (RFC 6238, 5.2, for clock drift), never a step already used. A good code moves
 * `totpLastStep` on, so it cannot be replayed; the caller flushes.
 */
export function checkTotpCode(
  services: SecretServices,
  user: User,
  sealed: Uint8Array,
  code: string,
  now = new Date(),
): boolean {
  const secret = open(services.secrets.keyring, sealed, totpAad(user.id));
  const verdict = verifyTotp(secret, code, now, {
    window: 1,
    ...(user.totpLastStep != null ? { lastUsedStep: user.totpLastStep } : {}),
  });
  secret.fill(0);
  if (!verdict.ok) return false;
  user.totpLastStep = verdict.timeStep;

  return true;
}

export interface TotpEnrolment {
  /** The `otpauth://` URI the app reads. */
  uri: string;
  /** The same URI as a QR code, an SVG data URL for an <img>. */
  qrCode: string;
  /** The secret in base32, for typing in by hand when the camera cannot be used. */
  secret: string;
}

async function describeEnrolment(
  services: SecretServices,
  user: User,
  pending: Uint8Array,
): Promise<TotpEnrolment> {
  const secret = open(services.secrets.keyring, pending, totpAad(user.id));
  const uri = otpauthUri({ secret, account: user.email, issuer: ISSUER });
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const typed = base32Encode(secret, { padding: false });
  secret.fill(0);

  return {
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    secret: typed,
  };
}

/**
 * Starts enrolling an authenticator app: a fresh secret, sealed and kept pending until the
 * person proves with a code that the app has it. Starting again replaces the pending one.
 */
export async function startTotpEnrolment(
  services: SecretServices,
  em: EntityManager,
  user: User,
): Promise<TotpEnrolment> {
  const secret = generateTotpSecret();
  const pending = seal(services.secrets.keyring, secret, totpAad(user.id));
  secret.fill(0);
  user.totpPendingSealed = pending;
  await em.flush();

  return describeEnrolment(services, user, pending);
}

/** The enrolment in progress, to show its QR code again, or null. */
export async function pendingTotpEnrolment(
  services: SecretServices,
  user: User,
): Promise<TotpEnrolment | null> {
  return user.totpPendingSealed ? describeEnrolment(services, user, user.totpPendingSealed) : null;
}

/** Finishes the enrolment with a code from the app: from now on sign-in asks for such codes. */
export async function confirmTotp(
  services: SecretServices,
  em: EntityManager,
  user: User,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
  code: string,
  now = new Date(),
): Promise<void> {
  const pending = user.totpPendingSealed;
  if (!pending) {
    throw new AppError('invalid_state', 'Приложение: сначала начните подключение заново.');
  }
  // A new secret starts a new sequence of steps.
  user.totpLastStep = null;
  if (!checkTotpCode(services, user, pending, code, now)) {
    throw new AppError('invalid_input', 'Код: неверный код из приложения.', { field: 'code' });
  }

  await em.transactional(async (tx) => {
    user.totpSecretSealed = pending;
    user.totpPendingSealed = null;
    user.secondFactor = 'totp';
    await journalIdentityEvent(tx, { kind: 'user', id: user.id, name: user.fullName }, request, {
      action: 'account.totp_enabled',
    });
  });
}

/** Goes back to SMS codes; asks for the password so that an open browser is not enough. */
export async function disableTotp(
  em: EntityManager,
  user: User,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
  password: string,
): Promise<void> {
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError('invalid_input', 'Пароль: неверный пароль.', { field: 'password' });
  }

  await em.transactional(async (tx) => {
    user.secondFactor = 'sms';
    user.totpSecretSealed = null;
    user.totpPendingSealed = null;
    user.totpLastStep = null;
    await journalIdentityEvent(tx, { kind: 'user', id: user.id, name: user.fullName }, request, {
      action: 'account.totp_disabled',
    });
  });
}
