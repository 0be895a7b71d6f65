import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { seal } from '@orgcard/crypto';
import {
  ApplicationDocument,
  CardApplication,
  Member,
  Organisation,
  type ApplicationStatus,
  type DocumentKind,
  type EntityManager,
} from '@orgcard/db';
import { crc32 } from '../../src/review/image-formats.ts';
import type { TestApp } from '../../src/testing/index.ts';
import { signedInPerson, type SignedInPerson } from './people.ts';

// Submitted applications made directly with entities, until the wizard's submit step exists,
// so that the checks, the review and the issuance can be tested on their own.

/** A ten-digit organisation INN with a correct control digit. */
export function organisationInn(): string {
  const digits = Array.from({ length: 9 }, () => randomInt(10));
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);

  return [...digits, (sum % 11) % 10].join('');
}

/** A thirteen-digit OGRN with a correct control digit. */
export function organisationOgrn(): string {
  const leading = `1${Array.from({ length: 11 }, () => randomInt(10)).join('')}`;

  return `${leading}${Number((BigInt(leading) % 11n) % 10n)}`;
}

/** A one-page (or more) PDF whose text is drawn in a simple font, so it can be read back. */
export async function pdfWithText(lines: string[], pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index++) {
    const page = document.addPage([595, 842]);
    lines.forEach((line, row) => page.drawText(line, { x: 50, y: 780 - row * 20, size: 12, font }));
  }

  return Buffer.from(await document.save());
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));

  return Buffer.concat([length, body, crc]);
}

/** A real, decodable grey PNG of the given size. */
export function pngImage(width = 4, height = 3): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0; // filter type None

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG with the segments a decoder needs to start: SOI, APP0, SOF0, SOS ... EOI. */
export function jpegImage(width = 16, height = 8): Buffer {
  const segment = (marker: number, body: number[]) =>
    Buffer.from([0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body]);
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];

  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xc0, frame),
    segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    Buffer.from([0x12, 0x34, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export interface DocumentSpec {
  kind: DocumentKind;
  mediaType?: ApplicationDocument['mediaType'];
  fileName?: string;
  content: Buffer;
  /** `YYYY-MM-DD`. */
  issuedOn?: string | null;
  /** Stored instead of the content's real digest, to simulate a file damaged at rest. */
  sha256?: string;
}

/** `YYYY-MM-DD` of the day `days` before today. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The complete, valid set of documents of an organisation applying by its head. */
export async function validDocuments(organisation: Organisation): Promise<DocumentSpec[]> {
  const text = (title: string) =>
    pdfWithText([title, `INN ${organisation.inn}`, `OGRN ${organisation.ogrn}`]);
  const common: DocumentSpec[] = [
    { kind: 'registry_extract', content: await text('EGRUL extract'), issuedOn: daysAgo(5) },
    { kind: 'charter', content: await pdfWithText(['Charter'], 3) },
    { kind: 'bank_certificate', content: jpegImage(), mediaType: 'image/jpeg' },
  ];
  const byType: DocumentSpec[] =
    organisation.type === 'LLC'
      ? [{ kind: 'founders_decision', content: pngImage(), mediaType: 'image/png' }]
      : [
          { kind: 'authorised_body_decision', content: pngImage(), mediaType: 'image/png' },
          { kind: 'registration_certificate', content: await pdfWithText(['Registration']) },
        ];

  return [...common, ...byType];
}

export interface SubmittedApplication {
  organisation: Organisation;
  head: SignedInPerson;
  headMember: Member;
  application: CardApplication;
  documents: ApplicationDocument[];
}

export interface SubmittedApplicationOptions {
  type?: 'LLC' | 'NPO';
  /** Replaces the valid set; a function receives the organisation to build it from. */
  documents?: (organisation: Organisation) => Promise<DocumentSpec[]> | DocumentSpec[];
  status?: ApplicationStatus;
  checkRun?: number;
  reviewStartedAt?: Date | null;
  inn?: string;
  ogrn?: string;
}

/**
 * An organisation with its head (signed in), and the head's application in 'submitted' with
 * check run 1 and sealed documents, as the submit step will leave it.
 */
export async function submittedApplication(
  app: TestApp,
  options: SubmittedApplicationOptions = {},
): Promise<SubmittedApplication> {
  const type = options.type ?? 'LLC';
  const em = app.services.orm.em.fork();
  const suffix = randomBytes(3).toString('hex');
  const organisation = em.create(Organisation, {
    type,
    fullName: type === 'LLC' ? `Общество «Ромашка-${suffix}»` : `Фонд «Берёза-${suffix}»`,
    shortName: type === 'LLC' ? `ООО «Ромашка-${suffix}»` : `Фонд «Берёза-${suffix}»`,
    inn: options.inn ?? organisationInn(),
    ogrn: options.ogrn ?? organisationOgrn(),
    kpp: '770101001',
    legalAddress: 'г. Москва, ул. Тверская, д. 1',
    postalAddress: 'г. Москва, ул. Тверская, д. 1',
    email: `office-${suffix}@example.ru`,
    phone: '+79990000000',
  });
  await em.flush();

  const head = await signedInPerson(app, 'Иванов Иван Иванович');
  const headMember = em.create(Member, {
    organisationId: organisation.id,
    userId: head.user.id,
    role: 'head',
  });
  await em.flush();
  const application = em.create(CardApplication, {
    organisationId: organisation.id,
    applicantUserId: head.user.id,
    cardType: type,
    status: options.status ?? 'submitted',
    step: 'submit',
    purpose: 'Оплата расходов и подпись документов',
    holderMemberId: headMember.id,
    department: 'Бухгалтерия',
    tariffCode: type === 'LLC' ? 'llc-basic' : 'npo-basic',
    submittedAt: new Date(),
    reviewStartedAt: options.reviewStartedAt ?? null,
    decidedAt: null,
    decidedByOperatorId: null,
    decisionReason: null,
    correctionRemarks: null,
    checkRun: options.checkRun ?? 1,
  });
  await em.flush();

  const specs = options.documents
    ? await options.documents(organisation)
    : await validDocuments(organisation);
  const documents = specs.map((spec) => sealedDocument(em, app, application, spec));
  await em.flush();

  return { organisation, head, headMember, application, documents };
}

function sealedDocument(
  em: EntityManager,
  app: TestApp,
  application: CardApplication,
  spec: DocumentSpec,
): ApplicationDocument {
  const id = randomUUID();
  const mediaType = spec.mediaType ?? 'application/pdf';
  const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[
    mediaType
  ];

  return em.create(ApplicationDocument, {
    id,
    organisationId: application.organisationId,
    applicationId: application.id,
    kind: spec.kind,
    fileName: spec.fileName ?? `${spec.kind}.${extension}`,
    mediaType,
    sizeBytes: spec.content.length,
    sha256: spec.sha256 ?? createHash('sha256').update(spec.content).digest('hex'),
    issuedOn: spec.issuedOn ?? null,
    contentSealed: seal(app.services.secrets.keyring, spec.content, `application_document:${id}`),
    uploadedByUserId: application.applicantUserId,
  });
}
