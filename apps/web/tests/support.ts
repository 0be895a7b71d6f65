import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@orgcard/db/testing';
import { startSmtpCatcher, type SmtpCatcher } from '@orgcard/api';
import { freePort, stopChild } from '@orgcard/launcher';

const root = resolve(import.meta.dirname, '../../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

export interface RunningSystem {
  baseUrl: string;
  database: TestDatabase;
  browser: Browser;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, processes: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const exited = processes.find((child) => child.exitCode !== null);
    if (exited) throw new Error(`a process exited with code ${exited.exitCode}`);
    const ok = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('the web server did not become healthy in 90 s');
}

/** How long a step of a journey may wait for the page; a cold development server is slow. */
const STEP_TIMEOUT_MS = 60_000;

/**
 * Launches Debian's Chromium headless with the flags this closed network needs; Playwright
 * gives it a fresh profile folder of its own. Every context it opens waits up to a minute per
 * step, since the development server compiles each page on its first request.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const openContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await openContext(options);
    context.setDefaultTimeout(STEP_TIMEOUT_MS);

    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => void context.close());

    return page;
  };

  return browser;
}

/**
 * The whole system as a person meets it: the web server (development mode) and the worker as
 * real processes, on a fresh database, a fresh Redis prefix and a local SMTP catcher.
 */
export async function startSystem(): Promise<RunningSystem> {
  const database = await createTestDatabase();
  const catcher: SmtpCatcher = await startSmtpCatcher(database.orm.em, await freePort());
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    SMTP_URL: `smtp://127.0.0.1:${catcher.port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    OUTBOX_POLL_MS: '200',
  };
  const processes = [
    spawn(tsx, [resolve(root, 'apps/worker/src/main.ts')], { env, stdio: 'inherit' }),
    spawn(tsx, [resolve(root, 'apps/web/server.ts')], { env, stdio: 'inherit' }),
  ];
  const baseUrl = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await Promise.all(processes.map((child) => stopChild(child)));
    await catcher.close();
    await database.drop();
  };
  try {
    await waitForHealth(baseUrl, processes);
    browser = await launchChromium();
    // One visit before the journey, so that the development server has bundled the browser
    // code (and reloaded, if it ever must) before any test starts typing into a page.
    const warmUp = await browser.newPage();
    await warmUp.goto(baseUrl, { waitUntil: 'networkidle' });
    await warmUp.close();
  } catch (error) {
    await stop();
    throw error;
  }

  return { baseUrl, database, browser, stop };
}
