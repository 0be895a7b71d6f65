import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });

  return { lines, logger: createLogger({ level: 'info', pretty: false, destination }) };
}

describe('the logger', () => {
  it('writes JSON lines with the bound ids of a child logger', () => {
    const { lines, logger } = capture();
    logger.child({ requestId: 'r-1', userId: 'u-1' }).info({ durationMs: 12 }, 'procedure');

    expect(lines[0]).toMatchObject({
      requestId: 'r-1',
      userId: 'u-1',
      durationMs: 12,
      msg: 'procedure',
    });
  });

  it('hides codes, passwords, tokens and card numbers by key, however nested', () => {
    const { lines, logger } = capture();
    logger.info({
      code: '123456',
      input: { password: 'Секрет-пароль-1', email: 'a@b.ru' },
      job: { data: { cardNumber: '2200990000000004' } },
      token: 'abc',
    });
    const line = JSON.stringify(lines[0]);

    expect(line).not.toMatch(/123456|Секрет-пароль-1|2200990000000004|"abc"/);
    expect(lines[0]).toMatchObject({ code: '[скрыто]', input: { email: 'a@b.ru' } });
  });
});
