/**
 * The journal's hash chain. Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's canonical JSON, so changing, removing or reordering any entry breaks every later
 * link, and {@link verifyChain} points at the first one broken.
 */
import { createHash } from 'node:crypto';

import { CryptoError } from './errors';

/** Values {@link canonicalJson} accepts: JSON plus `bigint` (money in kopecks) and `Date`. */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | bigint
  | Date
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

/** The `prevHash` of the first entry of a chain, written as 64 zeros when hashed. */
export const GENESIS_HASH = '0'.repeat(64);

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Serialises a value as canonical JSON following the JSON Canonicalization Scheme (RFC 8785):
 * no whitespace, object keys sorted by UTF-16 code units (3.2.3), strings and numbers written as
 * ECMAScript's JSON.stringify writes them (3.2.2.2, 3.2.2.3). Beyond JSON, a `bigint` is written
 * as a string of its decimal digits and a `Date` as its ISO 8601 UTC string. Object properties
 * whose value is `undefined` are left out, as JSON.stringify does.
 *
 * Throws `bad_format` for what has no single JSON form: non-finite numbers, strings with lone
 * surrogates (RFC 8785, 3.2.2.2), invalid dates, `undefined` outside an object, functions,
 * symbols, class instances other than Date, and cycles.
 */
export function canonicalJson(value: CanonicalValue): string {
  return serialise(value, new Set());
}

function serialise(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return serialiseString(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new CryptoError('bad_format', 'canonical JSON has no form for NaN or Infinity');
      }

      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString(10)}"`;
    case 'object':
      return value === null ? 'null' : serialiseObject(value, ancestors);
    default:
      throw new CryptoError('bad_format', `canonical JSON has no form for ${typeof value}`);
  }
}

function serialiseString(value: string): string {
  if (/\p{Cs}/u.test(value)) {
    throw new CryptoError('bad_format', 'canonical JSON refuses strings with lone surrogates');
  }

  return JSON.stringify(value);
}

function serialiseObject(value: object, ancestors: Set<object>): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new CryptoError('bad_format', 'canonical JSON has no form for an invalid date');
    }

    return JSON.stringify(value.toISOString());
  }
  if (ancestors.has(value)) {
    throw new CryptoError('bad_format', 'canonical JSON cannot serialise a cycle');
  }

  ancestors.add(value);
  try {
    return Array.isArray(value)
      ? serialiseArray(value, ancestors)
      : serialiseRecord(value, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function serialiseArray(items: readonly unknown[], ancestors: Set<object>): string {
  const parts = items.map((item) => {
    if (item === undefined) {
      throw new CryptoError('bad_format', 'canonical JSON has no form for undefined in an array');
    }

    return serialise(item, ancestors);
  });

  return `[${parts.join(',')}]`;
}

function serialiseRecord(record: object, ancestors: Set<object>): string {
  const prototype: unknown = Object.getPrototypeOf(record);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CryptoError('bad_format', 'canonical JSON takes plain objects only');
  }

  // Default sort compares UTF-16 code units, exactly the order RFC 8785, 3.2.3 asks for.
  const keys = Object.keys(record).sort();
  const members: string[] = [];
  for (const key of keys) {
    const member: unknown = (record as Record<string, unknown>)[key];
    if (member !== undefined) {
      members.push(`${serialiseString(key)}:${serialise(member, ancestors)}`);
    }
  }

  return `{${members.join(',')}}`;
}

/**
 * The hash of a journal entry: lowercase hex SHA-256 (FIPS 180-4) of the previous hash (64 hex
 * characters; {@link GENESIS_HASH} for the first entry, given as `null`) followed directly by
 * the entry's canonical JSON. The previous hash has a fixed length, so the join is unambiguous.
 */
export function chainHash(prevHash: string | null, entry: CanonicalValue): string {
  const previous = prevHash ?? GENESIS_HASH;
  if (!HASH_PATTERN.test(previous)) {
    throw new CryptoError('bad_format', 'a previous hash is 64 lowercase hex characters');
  }

  return createHash('sha256')
    .update(previous, 'ascii')
    .update(canonicalJson(entry), 'utf8')
    .digest('hex');
}

/** One stored journal entry as {@link verifyChain} reads it. */
export interface ChainEntry {
  hash: string;
  prevHash: string | null;
  data: CanonicalValue;
}

/** Why a link is broken. */
export type ChainBreak =
  /** `prevHash` is not the hash of the entry before (an entry removed, inserted or reordered). */
  | 'prev_mismatch'
  /** `hash` does not match the entry's own content (the entry was changed). */
  | 'hash_mismatch'
  /** The entry's data cannot be serialised canonically. */
  | 'bad_entry';

/** Outcome of {@link verifyChain}. */
export type ChainVerification = { ok: true } | { ok: false; brokenAt: number; reason: ChainBreak };

/** Options of {@link verifyChain}. */
export interface VerifyChainOptions {
  /**
   * The hash the first entry must follow: `null` (the default) when `entries` starts the chain,
   * or the last verified hash when checking a later segment.
   */
  anchor?: string | null;
}

/**
 * Checks a chain in order and returns the index of the first broken link, or `{ ok: true }`.
 * An entry is sound when its `prevHash` equals the previous entry's `hash` (or the anchor) and
 * its `hash` equals {@link chainHash} of that previous hash and its data.
 */
export function verifyChain(
  entries: readonly ChainEntry[],
  options: VerifyChainOptions = {},
): ChainVerification {
  let expectedPrev = options.anchor ?? null;

  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, brokenAt: index, reason: 'prev_mismatch' };
    }

    let recomputed: string;
    try {
      recomputed = chainHash(entry.prevHash, entry.data);
    } catch {
      return { ok: false, brokenAt: index, reason: 'bad_entry' };
    }
    if (recomputed !== entry.hash) {
      return { ok: false, brokenAt: index, reason: 'hash_mismatch' };
    }
    expectedPrev = entry.hash;
  }

  return { ok: true };
}
