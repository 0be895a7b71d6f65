import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardApplication, JournalEntry, Member, OutboxMessage, StateFee } from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { verifyJournal } from '../src/journal/verify-journal.ts';
import {
  completePaidApplication,
  confirmPayment,
  fillForm,
  lastCodeSentTo,
  makeOrganisation,
  makePerson,
  organisationWithStaff,
  uploadKinds,
} from './support/applicants.ts';

describe('card applications', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function journalActions(organisationId: string): Promise<string[]> {
    const entries = await em().find(JournalEntry, { organisationId }, { orderBy: { seq: 'asc' } });

    return entries.map((entry) => entry.action);
  }

  describe('the draft', () => {
    it('opens a draft whose card type follows the organisation type', async () => {
      const llc = await organisationWithStaff(app, 'LLC');
      const npo = await organisationWithStaff(app, 'NPO');

      const forLlc = await llc.head
        .caller()
        .applications.create({ organisationId: llc.organisation.id });
      const forNpo = await npo.administrator
        .caller()
        .applications.create({ organisationId: npo.organisation.id });

      expect(forLlc).toMatchObject({ cardType: 'LLC', status: 'draft', step: 'form', checkRun: 0 });
      expect(forNpo).toMatchObject({ cardType: 'NPO', status: 'draft' });
      expect(await journalActions(llc.organisation.id)).toEqual(['application.created']);
    });

    it('lets an accountant read applications but not open or change one', async () => {
      const { organisation, head, accountant } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });

      await expect(
        accountant.caller().applications.create({ organisationId }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        accountant
          .caller()
          .applications.update({ organisationId, applicationId, purpose: 'Другое' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const listed = await accountant.caller().applications.list({ organisationId });
      expect(listed.canManage).toBe(false);
      expect(listed.applications.map((application) => application.id)).toEqual([applicationId]);
    });

    it('saves the form at every step and resumes where the applicant left off', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });

      await head
        .caller()
        .applications.update({ organisationId, applicationId, purpose: 'Закупки' });
      await head.caller().applications.update({
        organisationId,
        applicationId,
        department: 'Снабжение',
        step: 'documents',
      });
      const resumed = await head.caller().applications.get({ organisationId, applicationId });

      expect(resumed.application).toMatchObject({
        purpose: 'Закупки',
        department: 'Снабжение',
        holderMemberId: null,
        step: 'documents',
        status: 'draft',
      });
      expect(resumed.missing).toContain('анкета: держатель карты');
    });

    it('clears a field saved empty, as a draft form does', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });
      await head
        .caller()
        .applications.update({ organisationId, applicationId, department: 'Снабжение' });

      const saved = await head
        .caller()
        .applications.update({ organisationId, applicationId, department: '' });

      expect(saved.department).toBeNull();
    });

    it('refuses a holder who is not an active member of this organisation', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const other = await organisationWithStaff(app, 'LLC', 'Василёк');
      const removed = await makePerson(app, organisation, 'employee');
      await em().nativeUpdate(Member, { id: removed.member.id }, { status: 'removed' });
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });

      for (const holderMemberId of [other.head.member.id, removed.member.id]) {
        await expect(
          head.caller().applications.update({ organisationId, applicationId, holderMemberId }),
        ).rejects.toMatchObject({
          message: 'Держатель карты: выберите действующего участника организации.',
        });
      }
      const stored = await em().findOneOrFail(CardApplication, { id: applicationId });
      expect(stored.holderMemberId).toBeNull();
    });

    it('refuses a tariff of the other card type', async () => {
      const { organisation, head } = await organisationWithStaff(app, 'LLC');
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });

      await expect(
        head
          .caller()
          .applications.update({ organisationId, applicationId, tariffCode: 'npo-basic' }),
      ).rejects.toMatchObject({ message: 'Тариф: недоступен для организаций этого типа.' });
      const view = await head.caller().applications.get({ organisationId, applicationId });
      expect(view.tariffs.map((tariff) => tariff.code)).toEqual(['llc-basic', 'llc-business']);
    });

    it('moves on to the fee only with the whole form, and then awaits the fee', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });

      await expect(
        head
          .caller()
          .applications.update({ organisationId, applicationId, purpose: 'Закупки', step: 'fee' }),
      ).rejects.toMatchObject({
        message: 'Заполните анкету: держатель карты, подразделение или проект, тариф.',
      });
      await fillForm(head, organisationId, applicationId);
      const moved = await head
        .caller()
        .applications.update({ organisationId, applicationId, step: 'fee' });

      expect(moved).toMatchObject({ status: 'awaiting_fee', step: 'fee' });
    });

    it('shows one organisation’s application to nobody from another organisation', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const stranger = await organisationWithStaff(app, 'LLC', 'Чужая');
      const { id: applicationId } = await head
        .caller()
        .applications.create({ organisationId: organisation.id });

      await expect(
        stranger.head.caller().applications.get({ organisationId: organisation.id, applicationId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        stranger.head
          .caller()
          .applications.get({ organisationId: stranger.organisation.id, applicationId }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        stranger.head.caller().applications.update({
          organisationId: stranger.organisation.id,
          applicationId,
          purpose: 'Перехват',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('required documents', () => {
    it('asks an LLC’s administrator for a power of attorney and its head for none', async () => {
      const { organisation, head, administrator } = await organisationWithStaff(app, 'LLC');
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });

      const asHead = await head.caller().applications.get({ organisationId, applicationId });
      const asAdministrator = await administrator
        .caller()
        .applications.get({ organisationId, applicationId });

      expect(asHead.requiredKinds).toEqual([
        'registry_extract',
        'charter',
        'founders_decision',
        'bank_certificate',
      ]);
      expect(asAdministrator.requiredKinds).toEqual([
        'registry_extract',
        'charter',
        'founders_decision',
        'power_of_attorney',
        'bank_certificate',
      ]);
    });

    it('asks an NPO for its authorised body’s decision and registration certificate', async () => {
      const { organisation, administrator } = await organisationWithStaff(app, 'NPO');
      const organisationId = organisation.id;
      const { id: applicationId } = await administrator
        .caller()
        .applications.create({ organisationId });

      const view = await administrator.caller().applications.get({ organisationId, applicationId });

      expect(view.requiredKinds).toEqual([
        'registry_extract',
        'charter',
        'authorised_body_decision',
        'power_of_attorney',
        'bank_certificate',
        'registration_certificate',
      ]);
    });
  });

  describe('submission', () => {
    it('refuses a code for an incomplete, unpaid application, naming what is missing', async () => {
      const { organisation, administrator } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { id: applicationId } = await administrator
        .caller()
        .applications.create({ organisationId });
      await fillForm(administrator, organisationId, applicationId);
      await uploadKinds(administrator, organisationId, applicationId, [
        'registry_extract',
        'charter',
      ]);

      await expect(
        administrator.caller().applications.requestSubmitCode({ organisationId, applicationId }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message:
          'Заявление пока нельзя отправить. Не хватает: документ «Решение учредителей о получении ' +
          'карты»; документ «Доверенность заявителя»; документ «Справка об открытии банковского ' +
          'счёта»; оплата госпошлины.',
      });
    });

    it('refuses a complete application until the fee is paid', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { id: applicationId } = await head.caller().applications.create({ organisationId });
      await fillForm(head, organisationId, applicationId);
      const view = await head.caller().applications.get({ organisationId, applicationId });
      await uploadKinds(head, organisationId, applicationId, view.requiredKinds);
      await head.caller().applications.fee({ organisationId, applicationId });

      await expect(
        head.caller().applications.requestSubmitCode({ organisationId, applicationId }),
      ).rejects.toMatchObject({
        message: 'Заявление пока нельзя отправить. Не хватает: оплата госпошлины.',
      });
    });

    it('sends a complete, paid application with the SMS code and queues its checks', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { applicationId } = await completePaidApplication(app, head, organisationId);

      const { sentTo } = await head
        .caller()
        .applications.requestSubmitCode({ organisationId, applicationId });
      const code = await lastCodeSentTo(app, head.user.phone);
      const submitted = await head
        .caller()
        .applications.submit({ organisationId, applicationId, code });

      expect(sentTo).toBe(`+7 *** ***-**-${head.user.phone.slice(-2)}`);
      expect(submitted).toMatchObject({ status: 'submitted', checkRun: 1 });
      expect(submitted.submittedAt).toBeInstanceOf(Date);
      const jobs = await em().find(OutboxMessage, { queue: 'document-checks' });
      expect(
        jobs.filter((job) => job.payload.applicationId === applicationId).map((job) => job.payload),
      ).toEqual([{ applicationId, run: 1 }]);
      expect(await journalActions(organisationId)).toEqual([
        'application.created',
        'application.updated',
        'application.document_uploaded',
        'application.document_uploaded',
        'application.document_uploaded',
        'application.document_uploaded',
        'application.fee_order_created',
        'application.fee_paid',
        'application.submitted',
      ]);
      expect(await verifyJournal(em(), organisationId)).toMatchObject({ ok: true });
    });

    it('refuses a wrong code, counting the try and sending nothing', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { applicationId } = await completePaidApplication(app, head, organisationId);
      await head.caller().applications.requestSubmitCode({ organisationId, applicationId });
      const code = await lastCodeSentTo(app, head.user.phone);
      const wrong = code === '000000' ? '111111' : '000000';

      await expect(
        head.caller().applications.submit({ organisationId, applicationId, code: wrong }),
      ).rejects.toMatchObject({ message: 'Код: неверный код.' });
      const stored = await em().findOneOrFail(CardApplication, { id: applicationId });
      expect(stored).toMatchObject({ status: 'awaiting_fee', checkRun: 0 });
      expect(
        await em().count(OutboxMessage, { queue: 'document-checks', payload: { applicationId } }),
      ).toBe(0);
    });

    it('freezes the form and documents once sent', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { applicationId } = await completePaidApplication(app, head, organisationId);
      await head.caller().applications.requestSubmitCode({ organisationId, applicationId });
      const code = await lastCodeSentTo(app, head.user.phone);
      await head.caller().applications.submit({ organisationId, applicationId, code });

      await expect(
        head.caller().applications.update({ organisationId, applicationId, purpose: 'Другое' }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
      await expect(
        head.caller().applications.submit({ organisationId, applicationId, code }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    });

    it('sends again after correction as a new check run, with the fee still paid', async () => {
      const { organisation, head } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { applicationId } = await completePaidApplication(app, head, organisationId);
      await head.caller().applications.requestSubmitCode({ organisationId, applicationId });
      await head.caller().applications.submit({
        organisationId,
        applicationId,
        code: await lastCodeSentTo(app, head.user.phone),
      });
      // The checks found a problem (their worker's job, done here by hand).
      await em().nativeUpdate(
        CardApplication,
        { id: applicationId },
        { status: 'needs_correction', correctionRemarks: 'Выписка устарела' },
      );
      await em().nativeUpdate(
        'OneTimeCode',
        { subjectId: applicationId },
        { sentAt: new Date(Date.now() - 120_000) },
      );

      await uploadKinds(head, organisationId, applicationId, ['registry_extract']);
      await head.caller().applications.requestSubmitCode({ organisationId, applicationId });
      const resent = await head.caller().applications.submit({
        organisationId,
        applicationId,
        code: await lastCodeSentTo(app, head.user.phone),
      });

      expect(resent).toMatchObject({ status: 'submitted', checkRun: 2 });
      const runs = await em().find(OutboxMessage, {
        queue: 'document-checks',
        payload: { applicationId },
      });
      expect(runs.map((job) => job.payload.run).sort()).toEqual([1, 2]);
      expect(await em().findOneOrFail(StateFee, { applicationId })).toMatchObject({
        status: 'paid',
      });
    });

    it('asks for a power of attorney from an administrator who submits a head’s draft', async () => {
      const { organisation, head, administrator } = await organisationWithStaff(app);
      const organisationId = organisation.id;
      const { applicationId } = await completePaidApplication(app, head, organisationId);

      await expect(
        administrator.caller().applications.requestSubmitCode({ organisationId, applicationId }),
      ).rejects.toMatchObject({
        message: 'Заявление пока нельзя отправить. Не хватает: документ «Доверенность заявителя».',
      });
    });
  });

  it('pays a fee through the webhook once, even when the bank repeats the confirmation', async () => {
    const organisation = await makeOrganisation(app, 'LLC', 'Повтор');
    const head = await makePerson(app, organisation, 'head');
    const { order } = await completePaidApplication(app, head, organisation.id);

    const again = await confirmPayment(app, { uin: order.uin, amountKopecks: order.amountKopecks });

    expect(again.httpStatus).toBe(409);
    expect(
      await em().count(JournalEntry, {
        organisationId: organisation.id,
        action: 'application.fee_paid',
      }),
    ).toBe(1);
  });
});
