/**
 * Russian mobile numbers are stored as +7 and ten digits. People type them in many ways
 * ("8 (912) 345-67-89", "+7 912 345 67 89", "9123456789"); those become +79123456789. Anything
 * else is returned trimmed, for the validation to refuse with a message.
 */
export function normalisePhone(input: string): string {
  const trimmed = input.trim();
  if (!/^[+\d\s()-]+$/.test(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    return digits.length === 11 && digits.startsWith('7') ? `+${digits}` : trimmed;
  }
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    return `+7${digits.slice(1)}`;
  }
  if (digits.length === 10) return `+7${digits}`;

  return trimmed;
}

/** Shows where a code went without giving the number away: "+7 *** ***-**-89". */
export function maskPhone(phone: string): string {
  return `+7 *** ***-**-${phone.slice(-2)}`;
}

/** An address as the journal keeps it for unknown accounts: "i***@example.ru". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';

  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
