import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationDocument } from '@orgcard/db';
import {
  organisationWithStaff,
  pdfOfSize,
  samplePdf,
  type Person,
} from '../../../packages/api/tests/support/applicants.ts';
import { startHttpApp, type HttpApp } from './http-app.ts';

const TEN_MB = 10 * 1024 * 1024;

describe('application document uploads over HTTP', () => {
  let http: HttpApp;
  const em = () => http.app.services.orm.em.fork();

  beforeAll(async () => {
    http = await startHttpApp();
  });

  afterAll(async () => {
    await http?.close();
  });

  async function draft() {
    const { organisation, head } = await organisationWithStaff(http.app);
    const organisationId = organisation.id;
    const { id: applicationId } = await head.caller().applications.create({ organisationId });

    return { organisationId, applicationId, head };
  }

  interface Upload {
    organisationId: string;
    applicationId: string;
    person: Person | null;
    content: Buffer;
    fileName?: string;
    origin?: string;
  }

  async function upload(input: Upload) {
    const query = new URLSearchParams({
      organisationId: input.organisationId,
      kind: 'charter',
      fileName: input.fileName ?? 'устав.pdf',
    });
    const response = await fetch(
      `${http.baseUrl}/api/applications/${input.applicationId}/documents?${query.toString()}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          origin: input.origin ?? http.baseUrl,
          ...(input.person ? { cookie: `orgcard_session=${input.person.token}` } : {}),
        },
        body: new Uint8Array(input.content),
      },
    );
    const text = await response.text();

    return {
      status: response.status,
      body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : text,
    };
  }

  const stored = (applicationId: string) => em().count(ApplicationDocument, { applicationId });

  it('stores a PDF and gives the same bytes back to download', async () => {
    const { organisationId, applicationId, head } = await draft();

    const created = await upload({
      organisationId,
      applicationId,
      person: head,
      content: samplePdf,
    });
    const { id } = (created.body as { document: { id: string } }).document;
    const download = await fetch(
      `${http.baseUrl}/api/applications/${applicationId}/documents/${id}?organisationId=${organisationId}`,
      { headers: { cookie: `orgcard_session=${head.token}` } },
    );

    expect(created.status).toBe(201);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('устав.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(samplePdf)).toBe(true);
  });

  it('refuses text under a .pdf name with 400 and the reason, storing nothing', async () => {
    const { organisationId, applicationId, head } = await draft();

    const refused = await upload({
      organisationId,
      applicationId,
      person: head,
      content: Buffer.from('просто текст'),
    });

    expect(refused).toEqual({
      status: 400,
      body: {
        error: 'Файл: допустимы только PDF, JPEG и PNG — содержимое не похоже ни на один из них.',
        fieldErrors: {
          file: [
            'Файл: допустимы только PDF, JPEG и PNG — содержимое не похоже ни на один из них.',
          ],
        },
      },
    });
    expect(await stored(applicationId)).toBe(0);
  });

  it('refuses a file over 10 MB with 413 before storing anything', async () => {
    const { organisationId, applicationId, head } = await draft();

    const refused = await upload({
      organisationId,
      applicationId,
      person: head,
      content: pdfOfSize(TEN_MB + 1),
    });

    expect(refused).toMatchObject({ status: 413, body: { error: 'Файл: больше 10 МБ.' } });
    expect(await stored(applicationId)).toBe(0);
  });

  it('stops reading a streamed body at 10 MB when no length is declared', async () => {
    const { organisationId, applicationId, head } = await draft();
    const chunk = pdfOfSize(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Eleven chunks of 1 MB, sent chunked: the server only learns the size by counting.
        if (sent++ < 11) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const query = new URLSearchParams({ organisationId, kind: 'charter', fileName: 'большой.pdf' });

    const response = await fetch(
      `${http.baseUrl}/api/applications/${applicationId}/documents?${query.toString()}`,
      {
        method: 'POST',
        headers: { origin: http.baseUrl, cookie: `orgcard_session=${head.token}` },
        body,
        duplex: 'half',
      } as RequestInit,
    );

    expect(response.status).toBe(413);
    expect(await stored(applicationId)).toBe(0);
  });

  it('refuses the file that takes the application over 50 MB with 413', async () => {
    const { organisationId, applicationId, head } = await draft();
    for (let file = 0; file < 5; file++) {
      await upload({ organisationId, applicationId, person: head, content: pdfOfSize(TEN_MB) });
    }

    const refused = await upload({
      organisationId,
      applicationId,
      person: head,
      content: samplePdf,
    });

    expect(refused).toMatchObject({
      status: 413,
      body: { error: 'Документы заявления: вместе больше 50 МБ.' },
    });
    expect(await stored(applicationId)).toBe(5);
  });

  it('turns away an upload without a session, or from another site', async () => {
    const { organisationId, applicationId, head } = await draft();

    const anonymous = await upload({
      organisationId,
      applicationId,
      person: null,
      content: samplePdf,
    });
    const crossSite = await upload({
      organisationId,
      applicationId,
      person: head,
      content: samplePdf,
      origin: 'https://evil.example',
    });

    expect(anonymous.status).toBe(401);
    expect(crossSite.status).toBe(403);
    expect(await stored(applicationId)).toBe(0);
  });
});
