import { describe, expect, it } from 'vitest';

import { CryptoError, isCryptoError } from './errors';

describe('CryptoError', () => {
  it('carries a code, an optional field and the cause', () => {
    const cause = new Error('inner');
    const error = new CryptoError('bad_format', 'payment QR field Sum is too long', {
      field: 'Sum',
      cause,
    });

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CryptoError');
    expect(error.code).toBe('bad_format');
    expect(error.field).toBe('Sum');
    expect(error.cause).toBe(cause);
  });

  it('is recognised by code', () => {
    const error = new CryptoError('tampered', 'changed');

    expect(isCryptoError(error)).toBe(true);
    expect(isCryptoError(error, 'tampered')).toBe(true);
    expect(isCryptoError(error, 'bad_key')).toBe(false);
    expect(isCryptoError(new Error('plain'))).toBe(false);
    expect(isCryptoError('tampered')).toBe(false);
  });
});
