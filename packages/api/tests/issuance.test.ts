import { createPrivateKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getStatus,
  isValidCardNumber,
  open,
  readCertificateHolder,
  verifyCredential,
  verifyStatusListCredential,
} from '@orgcard/crypto';
import {
  Card,
  JournalEntry,
  Organisation,
  OutboxMessage,
  PlatformKey,
  SigningCertificate,
} from '@orgcard/db';
import { tariffs } from '../src/applications/tariffs.ts';
import { addMonths, cardNumberDigest, issueCard } from '../src/issuance/issue-card.ts';
import {
  ensurePlatformKeys,
  publishedJwks,
  rootCertificate,
} from '../src/issuance/platform-keys.ts';
import { statusListCredential } from '../src/issuance/status-list.ts';
import { renderTemplate } from '../src/notifications/templates.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { submittedApplication } from './support/review-fixtures.ts';

describe('card issuance', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();
  const approved = (options: Parameters<typeof submittedApplication>[1] = {}) =>
    submittedApplication(app, { status: 'approved', ...options });

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('issues the card with a Luhn number, the tariff’s validity and limits, status "issued"', async () => {
    const { application, headMember, head } = await approved();
    const now = new Date('2026-03-31T09:00:00Z');

    const result = await issueCard(em(), app.services, application.id, now);

    expect(result.outcome).toBe('issued');
    const card = await em().findOneOrFail(Card, { applicationId: application.id });
    const number = open(
      app.services.secrets.keyring,
      card.numberSealed,
      `card:${card.id}`,
    ).toString();
    expect(isValidCardNumber(number)).toBe(true);
    expect(number.startsWith('220099')).toBe(true);
    expect(card.numberMasked).toBe(`${number.slice(0, 6)}******${number.slice(-4)}`);
    expect(card.numberDigest).toBe(cardNumberDigest(app.services.secrets.codeKey, number));
    expect(card).toMatchObject({
      status: 'issued',
      holderMemberId: headMember.id,
      holderUserId: head.user.id,
    });
    expect(card.validFrom).toEqual(now);
    expect(card.validTo).toEqual(new Date('2029-03-31T09:00:00Z'));
    expect(card.limits).toEqual({
      perOperationKopecks: tariffs['llc-basic'].defaultLimits.perOperationKopecks.toString(),
      perDayKopecks: tariffs['llc-basic'].defaultLimits.perDayKopecks.toString(),
      perMonthKopecks: tariffs['llc-basic'].defaultLimits.perMonthKopecks.toString(),
    });
  });

  it('gives the holder a certificate from the platform CA, its key sealed and waiting for a PIN', async () => {
    const { application, organisation } = await approved();
    await issueCard(em(), app.services, application.id);
    const card = await em().findOneOrFail(Card, { applicationId: application.id });

    const certificate = await em().findOneOrFail(SigningCertificate, { cardId: card.id });
    expect(certificate).toMatchObject({ status: 'awaiting_pin', organisationId: organisation.id });
    expect(certificate.pinHash).toBeNull();
    const holder = readCertificateHolder(certificate.certificatePem);
    expect(holder).toMatchObject({
      commonName: 'Иванов Иван Иванович',
      organisationInn: organisation.inn,
      ogrn: organisation.ogrn,
      issuerCommonName: 'Orgcard Root CA',
    });
    const root = new X509Certificate((await rootCertificate(em())) ?? '');
    expect(new X509Certificate(certificate.certificatePem).verify(root.publicKey)).toBe(true);
    const pkcs8 = open(
      app.services.secrets.keyring,
      certificate.privateKeySealed,
      `signing_certificate:${certificate.id}`,
    );
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    expect(new X509Certificate(certificate.certificatePem).checkPrivateKey(privateKey)).toBe(true);
  });

  it('signs a credential that verifies against the published JWKS and names its status entry', async () => {
    const { application, organisation } = await approved();
    await issueCard(em(), app.services, application.id);
    const card = await em().findOneOrFail(Card, { applicationId: application.id });

    const credential = await verifyCredential(card.credentialJws, await publishedJwks(em()), {
      issuer: app.services.config.appUrl,
    });

    expect(credential).toMatchObject({
      cardId: card.id,
      organisation: { inn: organisation.inn, ogrn: organisation.ogrn },
      holderName: 'Иванов Иван Иванович',
      status: {
        list: `${app.services.config.appUrl}/credentials/status/1`,
        index: card.statusListIndex,
      },
    });
    expect(credential.validUntil.getTime()).toBe(Math.floor(card.validTo.getTime() / 1000) * 1000);
  });

  it('publishes the status list: clear for an issued card, set once the card is revoked', async () => {
    const { application } = await approved();
    await issueCard(em(), app.services, application.id);
    const card = await em().findOneOrFail(Card, { applicationId: application.id });
    const url = `${app.services.config.appUrl}/credentials/status/1`;
    const read = async () =>
      verifyStatusListCredential(
        await statusListCredential(em(), app.services, 1),
        await publishedJwks(em()),
        {
          issuer: app.services.config.appUrl,
          expectedId: url,
        },
      );

    expect(getStatus((await read()).list, card.statusListIndex)).toBe(false);
    await em().nativeUpdate(Card, { id: card.id }, { status: 'revoked' });
    const revoked = await read();
    expect(revoked.purpose).toBe('revocation');
    expect(getStatus(revoked.list, card.statusListIndex)).toBe(true);
  });

  it('confirms the organisation, journals the issuance and sends activation instructions', async () => {
    const { application, organisation, head } = await approved();
    const result = await issueCard(em(), app.services, application.id);

    expect((await em().findOneOrFail(Organisation, { id: organisation.id })).status).toBe(
      'confirmed',
    );
    const journal = await em().find(
      JournalEntry,
      { organisationId: organisation.id },
      { orderBy: { seq: 'asc' } },
    );
    expect(journal.map((entry) => [entry.action, entry.actorKind, entry.targetId])).toEqual([
      ['card.issued', 'system', result.outcome === 'issued' ? result.cardId : ''],
      ['organisation.confirmed', 'system', organisation.id],
    ]);
    // Every test person shares one phone number: tell the messages apart by organisation.
    const messages = (await em().find(OutboxMessage, { queue: 'notifications' })).filter(
      (row) => (row.payload.data as Record<string, string>).organisation === organisation.shortName,
    );
    expect(messages.find((row) => row.payload.channel === 'email')?.payload.to).toBe(
      head.user.email,
    );
    expect(messages.map((row) => [row.payload.channel, row.payload.template]).sort()).toEqual([
      ['email', 'card-issued'],
      ['sms', 'card-issued'],
    ]);
    const sms = messages.find((row) => row.payload.channel === 'sms');
    const text = renderTemplate('card-issued', sms?.payload.data as Record<string, string>).short;
    expect(text).toContain('Активируйте её кодом из SMS и задайте ПИН');
    expect(text).toMatch(/220099\*{6}\d{4}/);
  });

  it('makes one card when the job runs twice, one after the other or at the same time', async () => {
    const first = await approved();
    const once = await issueCard(em(), app.services, first.application.id);
    const twice = await issueCard(em(), app.services, first.application.id);
    expect(twice).toEqual({
      outcome: 'already_issued',
      cardId: once.outcome === 'issued' ? once.cardId : '',
    });

    const second = await approved();
    const together = await Promise.all([
      issueCard(em(), app.services, second.application.id),
      issueCard(em(), app.services, second.application.id),
    ]);
    expect(together.map((result) => result.outcome).sort()).toEqual(['already_issued', 'issued']);

    for (const { application } of [first, second]) {
      expect(await em().count(Card, { applicationId: application.id })).toBe(1);
      expect(
        await em().count(JournalEntry, {
          organisationId: application.organisationId,
          action: 'card.issued',
        }),
      ).toBe(1);
    }
  });

  it('gives every card its own status index, even when issued at the same time', async () => {
    const applications = await Promise.all([approved(), approved({ type: 'NPO' }), approved()]);
    await Promise.all(
      applications.map(({ application }) => issueCard(em(), app.services, application.id)),
    );

    const cards = await em().find(Card, {});
    expect(new Set(cards.map((card) => card.statusListIndex)).size).toBe(cards.length);
    expect(new Set(cards.map((card) => card.numberDigest)).size).toBe(cards.length);
  });

  it('creates the platform keys once, however many ask at the same time', async () => {
    await Promise.all([1, 2, 3].map(() => ensurePlatformKeys(em(), app.services.secrets.keyring)));

    expect(await em().count(PlatformKey, { purpose: 'root_ca' })).toBe(1);
    expect(await em().count(PlatformKey, { purpose: 'credential' })).toBe(1);
    expect((await publishedJwks(em())).keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
    ]);
    expect(JSON.stringify(await publishedJwks(em()))).not.toContain('"d"');
  });

  it('issues nothing for an application that is not approved', async () => {
    const { application } = await submittedApplication(app, { status: 'in_review' });

    expect(await issueCard(em(), app.services, application.id)).toEqual({ outcome: 'skipped' });
    expect(await em().count(Card, { applicationId: application.id })).toBe(0);
  });

  it('uses the configured card number prefix and the NPO tariff', async () => {
    const { application } = await approved({ type: 'NPO' });
    const services = {
      ...app.services,
      config: { ...app.services.config, cardNumberPrefix: '4000' },
    };

    await issueCard(em(), services, application.id);

    const card = await em().findOneOrFail(Card, { applicationId: application.id });
    expect(card.numberMasked.startsWith('4000')).toBe(true);
    expect(card.limits.perOperationKopecks).toBe(
      tariffs['npo-basic'].defaultLimits.perOperationKopecks.toString(),
    );
  });

  it('ends a card on the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1)).toEqual(
      new Date('2026-02-28T10:00:00Z'),
    );
    expect(addMonths(new Date('2026-03-15T10:00:00Z'), 36)).toEqual(
      new Date('2029-03-15T10:00:00Z'),
    );
  });
});
