import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  companyRegistryEnvShape,
  companyRegistrySettings,
  EnvError,
  parseEnv,
} from '../src/config/env.ts';
import { AppError } from '../src/errors.ts';
import {
  createCompanyRegistry,
  HttpCompanyRegistry,
  OfflineCompanyRegistry,
} from '../src/organisations/company-registry.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { personWithSession } from './support/organisation-people.ts';

const TOKEN = 'test-api-key';

// What a "find party by id" service answers for Sberbank: the head office and a branch.
const sberbank = {
  value: 'ПАО СБЕРБАНК',
  data: {
    inn: '7707083893',
    ogrn: '1027700132195',
    kpp: '773601001',
    type: 'LEGAL',
    branch_type: 'MAIN',
    opf: { code: '12247', full: 'Публичное акционерное общество', short: 'ПАО' },
    name: {
      full_with_opf: 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"',
      short_with_opf: 'ПАО СБЕРБАНК',
    },
    address: { value: 'г Москва, ул Вавилова, д 19' },
  },
};
const yandex = {
  value: 'ООО "ЯНДЕКС"',
  data: {
    inn: '7736207543',
    ogrn: '1027700229193',
    kpp: '770401001',
    type: 'LEGAL',
    opf: { code: '12300', short: 'ООО' },
    name: {
      full_with_opf: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЯНДЕКС"',
      short_with_opf: 'ООО "ЯНДЕКС"',
    },
    address: { value: 'г Москва, ул Льва Толстого, д 16' },
  },
};
const openDoors = {
  value: 'АНО "ОТКРЫТЫЕ ДВЕРИ"',
  data: {
    inn: '7701234560',
    ogrn: '1127700000010',
    kpp: '770101001',
    type: 'LEGAL',
    opf: { code: '71400', short: 'АНО' },
    name: { full_with_opf: 'АВТОНОМНАЯ НЕКОММЕРЧЕСКАЯ ОРГАНИЗАЦИЯ "ОТКРЫТЫЕ ДВЕРИ"' },
    address: null,
  },
};
const known = [sberbank, yandex, openDoors];

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);

  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A local stand-in for the lookup service that checks requests as the real one would. */
function fakeRegistry(): Server {
  return createServer((request, response) => {
    void (async () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url === '/hang/findById/party') return; // never answers
      if (request.url === '/broken/findById/party') return reply(200, { unexpected: true });
      if (request.method !== 'POST' || request.url !== '/api/findById/party') {
        return reply(404, { message: 'not found' });
      }
      if (request.headers.authorization !== `Token ${TOKEN}`) {
        return reply(401, { message: 'invalid api key' });
      }
      if (!request.headers['content-type']?.startsWith('application/json')) {
        return reply(415, { message: 'json expected' });
      }
      const { query } = (await bodyOf(request)) as { query: string };
      const found = known.filter((party) => party.data.inn === query);
      const branch = { ...sberbank, data: { ...sberbank.data, type: 'BRANCH', kpp: '000000000' } };
      reply(200, { suggestions: query === sberbank.data.inn ? [branch, ...found] : found });
    })();
  });
}

describe('the HTTP company registry', () => {
  let server: Server;
  let baseUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    server = fakeRegistry();
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app = await createTestApp(
      {},
      { companyRegistry: new HttpCompanyRegistry({ baseUrl: `${baseUrl}/api`, token: TOKEN }) },
    );
  });

  afterAll(async () => {
    await app.close();
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  });

  it('pre-fills the registration form of a known LLC through organisations.lookup', async () => {
    const anna = await personWithSession(app, 'Смирнова Анна');

    const company = await anna.caller().organisations.lookup({ inn: '7736207543' });

    expect(company).toEqual({
      inn: '7736207543',
      known: true,
      type: 'LLC',
      ogrn: '1027700229193',
      kpp: '770401001',
      fullName: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЯНДЕКС"',
      shortName: 'ООО "ЯНДЕКС"',
      legalAddress: 'г Москва, ул Льва Толстого, д 16',
    });
  });

  it('reads the head office, not a branch, and leaves the type of other legal forms open', async () => {
    const registry = new HttpCompanyRegistry({ baseUrl: `${baseUrl}/api`, token: TOKEN });

    const company = await registry.findByInn('7707083893');

    expect(company).toMatchObject({ kpp: '773601001', shortName: 'ПАО СБЕРБАНК' });
    expect(company).not.toHaveProperty('type');
  });

  it('recognises a non-profit by its legal form and keeps only the fields it was given', async () => {
    const registry = new HttpCompanyRegistry({ baseUrl: `${baseUrl}/api/`, token: TOKEN });

    expect(await registry.findByInn('7701234560')).toEqual({
      inn: '7701234560',
      known: true,
      type: 'NPO',
      ogrn: '1127700000010',
      kpp: '770101001',
      fullName: 'АВТОНОМНАЯ НЕКОММЕРЧЕСКАЯ ОРГАНИЗАЦИЯ "ОТКРЫТЫЕ ДВЕРИ"',
    });
  });

  it('answers null for a valid INN it does not know, and for an invalid one', async () => {
    const registry = new HttpCompanyRegistry({ baseUrl: `${baseUrl}/api`, token: TOKEN });

    expect(await registry.findByInn('7701234578')).toBeNull();
    expect(await registry.findByInn('7707083890')).toBeNull();
  });

  it.each([
    ['a wrong key', '/api', 'wrong-key', undefined],
    ['a malformed answer', '/broken', TOKEN, undefined],
    ['no answer in time', '/hang', TOKEN, 50],
    ['a closed port', null, TOKEN, undefined],
  ])('reports the service unavailable on %s', async (_case, path, token, timeoutMs) => {
    const url = path === null ? 'http://127.0.0.1:1' : `${baseUrl}${path}`;
    const registry = new HttpCompanyRegistry({ baseUrl: url, token, timeoutMs });

    const failure = await registry.findByInn('7736207543').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'unavailable' });
  });

  it('tells the form in Russian that the registry is unavailable', async () => {
    const broken = await createTestApp(
      {},
      { companyRegistry: new HttpCompanyRegistry({ baseUrl: `${baseUrl}/broken`, token: TOKEN }) },
    );
    try {
      const anna = await personWithSession(broken, 'Смирнова Анна');

      const failure = await anna
        .caller()
        .organisations.lookup({ inn: '7736207543' })
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(TRPCError);
      expect(failure).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Справочник организаций недоступен: заполните поля вручную.',
      });
    } finally {
      await broken.close();
    }
  });
});

describe('choosing the company registry by configuration', () => {
  const settingsOf = (source: Record<string, string>) =>
    companyRegistrySettings(parseEnv(companyRegistryEnvShape, source));

  it('is offline unless told otherwise', () => {
    expect(settingsOf({})).toEqual({ kind: 'offline' });
    expect(createCompanyRegistry(settingsOf({}))).toBeInstanceOf(OfflineCompanyRegistry);
  });

  it('speaks HTTP to the configured address with the configured key', () => {
    const settings = settingsOf({
      COMPANY_REGISTRY: 'http',
      COMPANY_REGISTRY_URL: 'https://registry.example/api',
      COMPANY_REGISTRY_TOKEN: 'key',
    });

    expect(settings).toEqual({
      kind: 'http',
      baseUrl: 'https://registry.example/api',
      token: 'key',
    });
    expect(createCompanyRegistry(settings)).toBeInstanceOf(HttpCompanyRegistry);
  });

  it('names the missing variable when HTTP is chosen without an address or a key', () => {
    const missingUrl = () =>
      settingsOf({ COMPANY_REGISTRY: 'http', COMPANY_REGISTRY_TOKEN: 'key' });
    const missingToken = () =>
      settingsOf({ COMPANY_REGISTRY: 'http', COMPANY_REGISTRY_URL: 'https://registry.example' });

    expect(missingUrl).toThrow(EnvError);
    expect(missingUrl).toThrow(
      'Неверная настройка COMPANY_REGISTRY_URL: не задана (нужна при COMPANY_REGISTRY=http)',
    );
    expect(missingToken).toThrow('Неверная настройка COMPANY_REGISTRY_TOKEN');
  });
});
