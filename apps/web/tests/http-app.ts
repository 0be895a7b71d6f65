import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTestApp, type TestApp } from '@orgcard/api/testing';
import { createWebApp } from '../server/app.ts';

/** The real Express application on a free port, over a fresh test database; no pages. */
export interface HttpApp {
  app: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startHttpApp(): Promise<HttpApp> {
  const app = await createTestApp();
  const web = createWebApp({
    services: app.services,
    // These tests speak to the routes before the pages; a page request would fail loudly.
    build: () => Promise.reject(new Error('the pages are not built in HTTP tests')),
    assets: [],
    trustProxy: 0,
  });
  const server: Server = await new Promise((started) => {
    const listening = web.listen(0, '127.0.0.1', () => started(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The bank simulator posts to the application's own address.
  app.services.config.appUrl = baseUrl;

  return {
    app,
    baseUrl,
    async close() {
      await new Promise((closed) => server.close(closed));
      await app.close();
    },
  };
}
