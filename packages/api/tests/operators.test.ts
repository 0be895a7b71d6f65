import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JournalEntry, Operator, User } from '@orgcard/db';
import { createTestApp, type TestApp, type TestBrowser } from '../src/testing/index.ts';
import { failureOf, freshBrowser, lastCodeSent, signUp } from './support/identity.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');

describe('operators', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  // The command runs as a process of its own: allow for its start-up.
  vi.setConfig({ testTimeout: 60_000 });

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /**
   * Runs the command against this file's database: through `pnpm operator:create` as staff
   * would, or straight through tsx where only the command's behaviour matters (it is faster).
   */
  function createOperator(args: string[], password?: string, via: 'pnpm' | 'tsx' = 'tsx') {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: app.database.url };
    delete env.OPERATOR_PASSWORD;
    if (password) env.OPERATOR_PASSWORD = password;
    const [command, prefix] =
      via === 'pnpm'
        ? ['pnpm', ['--silent', 'operator:create']]
        : [resolve(root, 'node_modules/.bin/tsx'), ['packages/api/src/cli/create-operator.ts']];

    return run(command, [...prefix, ...args], { cwd: root, env });
  }

  async function operatorSignIn(browser: TestBrowser, email: string, password: string) {
    const started = await browser.caller().auth.operatorSignIn({ email, password });
    const operator = await em().findOneOrFail(Operator, { email });
    const code = await lastCodeSent(app, operator.phone, 'sign-in-code');
    await browser.caller().auth.completeOperatorSignIn({ challengeId: started.challengeId, code });

    return started;
  }

  it('are created by a command, with the password from OPERATOR_PASSWORD', async () => {
    const { stdout } = await createOperator(
      ['--email', 'Olga@Orgcard.ru', '--name', 'Ольга Петрова', '--phone', '8 916 123-45-67'],
      'Пароль-оператора-2026',
      'pnpm',
    );

    expect(stdout).toContain('Оператор создан: Ольга Петрова <olga@orgcard.ru>');
    expect(stdout).not.toContain('Пароль-оператора-2026');
    expect(await em().findOneOrFail(Operator, { email: 'olga@orgcard.ru' })).toMatchObject({
      fullName: 'Ольга Петрова',
      phone: '+79161234567',
    });
    expect(
      await em().count(JournalEntry, { action: 'operator.created', organisationId: null }),
    ).toBe(1);
  });

  it('get a generated strong password printed once when none is given', async () => {
    const { stdout } = await createOperator([
      '--email',
      'petr@orgcard.ru',
      '--name',
      'Пётр Сидоров',
      '--phone',
      '+79161234568',
    ]);
    const password = /Пароль \(показан один раз\): (\S+)/.exec(stdout)?.[1];

    expect(password).toBeDefined();
    expect(password!.length).toBeGreaterThanOrEqual(24);
    await operatorSignIn(freshBrowser(app), 'petr@orgcard.ru', password!);
  });

  it('are refused by the command with a taken email or a weak password', async () => {
    const taken = await failureOf(
      createOperator([
        '--email',
        'olga@orgcard.ru',
        '--name',
        'Ещё Одна',
        '--phone',
        '+79160000000',
      ]),
    );
    expect((taken as Error & { stderr: string }).stderr).toContain(
      'Почта: оператор с этим адресом уже есть.',
    );

    const weak = await failureOf(
      createOperator(
        ['--email', 'new@orgcard.ru', '--name', 'Новый Оператор', '--phone', '+79160000001'],
        'слабый',
      ),
    );
    expect((weak as Error & { stderr: string }).stderr).toContain('Пароль: не короче 12 символов');
    expect(await em().count(Operator, { email: 'new@orgcard.ru' })).toBe(0);
  });

  it('sign in in two steps with an SMS code and get an operator session', async () => {
    const browser = freshBrowser(app);
    const started = await operatorSignIn(browser, 'olga@orgcard.ru', 'Пароль-оператора-2026');

    expect(started).toMatchObject({ method: 'sms', destination: '+7 *** ***-**-67' });
    await expect(browser.caller().operator.me()).resolves.toMatchObject({
      fullName: 'Ольга Петрова',
    });
    const entry = await em().findOneOrFail(JournalEntry, {
      action: 'auth.operator_sign_in',
      outcome: 'success',
      actorName: 'Ольга Петрова',
    });
    expect(entry).toMatchObject({
      organisationId: null,
      actorKind: 'operator',
      actorName: 'Ольга Петрова',
    });
  });

  it('cannot call a person’s procedures, and a person cannot call an operator’s', async () => {
    const operator = freshBrowser(app);
    await operatorSignIn(operator, 'olga@orgcard.ru', 'Пароль-оператора-2026');
    const person = freshBrowser(app);
    await signUp(person);

    expect((await failureOf(operator.caller().account.sessions())).code).toBe('UNAUTHORIZED');
    expect(await operator.caller().auth.me()).toBeNull();
    expect((await failureOf(person.caller().operator.me())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(app.caller().operator.me())).code).toBe('UNAUTHORIZED');
  });

  it('are separate from people: the person’s sign-in does not know operators', async () => {
    const error = await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signIn({ email: 'olga@orgcard.ru', password: 'Пароль-оператора-2026' }),
    );

    expect(error.message).toBe('Неверная почта или пароль.');
  });

  it('never come from sign-up, even with an operator’s email', async () => {
    const operators = await em().count(Operator);
    await signUp(freshBrowser(app), { email: 'olga@orgcard.ru' });

    expect(await em().count(Operator)).toBe(operators);
    expect(await em().count(User, { email: 'olga@orgcard.ru' })).toBe(1);
    const error = await failureOf(
      freshBrowser(app)
        .caller()
        .auth.operatorSignIn({ email: 'olga@orgcard.ru', password: 'Длинный-пароль-2026' }),
    );
    expect(error.message).toBe('Неверная почта или пароль.');
  });

  it('sign out like anyone else', async () => {
    const browser = freshBrowser(app);
    await operatorSignIn(browser, 'olga@orgcard.ru', 'Пароль-оператора-2026');

    await browser.caller().auth.signOut();

    expect(browser.sessionToken).toBeNull();
    expect((await failureOf(app.caller({ sessionToken: null }).operator.me())).code).toBe(
      'UNAUTHORIZED',
    );
  });
});
