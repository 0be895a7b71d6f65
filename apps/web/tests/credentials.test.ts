import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStatus, verifyCredential, verifyStatusListCredential } from '@orgcard/crypto';
import { Card } from '@orgcard/db';
import { issueCard } from '@orgcard/api';
import { submittedApplication } from '../../../packages/api/tests/support/review-fixtures.ts';
import { startHttpApp, type HttpApp } from './http-app.ts';

describe('the published credential keys and status list over HTTP', () => {
  let http: HttpApp;
  const em = () => http.app.services.orm.em.fork();

  beforeAll(async () => {
    http = await startHttpApp();
  });

  afterAll(async () => {
    await http?.close();
  });

  it('lets a verifier on another site check a card credential and its status', async () => {
    const { application } = await submittedApplication(http.app, { status: 'approved' });
    await issueCard(em(), http.app.services, application.id);
    const card = await em().findOneOrFail(Card, { applicationId: application.id });

    const keys = await fetch(`${http.baseUrl}/.well-known/jwks.json`);
    expect(keys.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    expect(keys.headers.get('access-control-allow-origin')).toBe('*');
    const jwks = (await keys.json()) as Parameters<typeof verifyCredential>[1];
    const credential = await verifyCredential(card.credentialJws, jwks, { issuer: http.baseUrl });

    const list = await fetch(credential.status.list);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
    const published = await verifyStatusListCredential(await list.text(), jwks, {
      issuer: http.baseUrl,
      expectedId: `${http.baseUrl}/credentials/status/1`,
    });
    expect(getStatus(published.list, credential.status.index)).toBe(false);
  });

  it('answers 404 for a list that is not a number', async () => {
    expect((await fetch(`${http.baseUrl}/credentials/status/abc`)).status).toBe(404);
    expect((await fetch(`${http.baseUrl}/credentials/status/0`)).status).toBe(404);
  });
});
