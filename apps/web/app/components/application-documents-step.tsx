import { Form, Link } from 'react-router';
import type { FormErrors } from '@orgcard/api/forms';
import { DocumentUpload } from './document-upload.tsx';
import { FormError, FormStatus, SubmitButton } from './form-bits.tsx';
import { t } from '../i18n/index.ts';
import { formatBytes, kindKey } from '../lib/applications.ts';
import type { PresentedApplication } from '../lib/application-view.ts';

interface DocumentsStepProps {
  view: PresentedApplication;
  errors: FormErrors | null;
  removed: boolean;
  busy: boolean;
}

type Document = PresentedApplication['documents'][number];

function documentUrl(view: PresentedApplication, document: Document): string {
  const { id, organisationId } = view.application;

  return `/api/applications/${id}/documents/${document.id}?organisationId=${organisationId}`;
}

function UploadedDocument({ view, document }: { view: PresentedApplication; document: Document }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 p-2">
      <span className="text-sm">
        {document.fileName} · {formatBytes(document.sizeBytes)}
      </span>
      <span className="flex gap-2">
        <a
          href={documentUrl(view, document)}
          className="text-sm font-semibold text-brand-700 underline"
        >
          {t('applications.documents.download')}
          <span className="sr-only"> {document.fileName}</span>
        </a>
        <Form method="post">
          <input type="hidden" name="documentId" value={document.id} />
          <SubmitButton
            name="intent"
            value="remove-document"
            variant="danger"
            aria-label={`${t('applications.documents.remove')} ${document.fileName}`}
          >
            {t('applications.documents.remove')}
          </SubmitButton>
        </Form>
      </span>
    </li>
  );
}

function DocumentKindBlock({ view, kind }: { view: PresentedApplication; kind: Document['kind'] }) {
  const documents = view.documents.filter((document) => document.kind === kind);
  const required = view.requiredKinds.includes(kind);
  const kindName = t(kindKey(kind));

  return (
    <li className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h3 className="font-semibold">
        {kindName}{' '}
        <span className="text-sm font-normal text-slate-600">
          (
          {required
            ? t('applications.documents.required')
            : t('applications.documents.notRequired')}
          )
        </span>
      </h3>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-700">{t('applications.documents.none')}</p>
      ) : (
        <ul className="space-y-2">
          {documents.map((document) => (
            <UploadedDocument key={document.id} view={view} document={document} />
          ))}
        </ul>
      )}
      <DocumentUpload
        organisationId={view.application.organisationId}
        applicationId={view.application.id}
        kind={kind}
        kindName={kindName}
        askIssuedOn={kind === 'registry_extract'}
        maxBytes={view.limits.maxDocumentBytes}
      />
    </li>
  );
}

/** Step 2: one block per document kind, each with its files and an upload control. */
export function ApplicationDocumentsStep({ view, errors, removed, busy }: DocumentsStepProps) {
  const total = view.documents.reduce((sum, document) => sum + document.sizeBytes, 0);

  return (
    <div className="space-y-4">
      <p className="text-slate-700">{t('applications.documents.lead')}</p>
      <p className="text-sm text-slate-700">
        {t('applications.documents.total', { size: formatBytes(total) })}
      </p>
      <FormError message={errors?.formError} />
      {removed && <FormStatus>{t('applications.documents.removed')}</FormStatus>}
      <ul className="space-y-3">
        {view.acceptedKinds.map((kind) => (
          <DocumentKindBlock key={kind} view={view} kind={kind} />
        ))}
      </ul>
      <Form method="post" className="flex flex-wrap gap-2">
        <input type="hidden" name="step" value="fee" />
        <SubmitButton name="intent" value="go" busy={busy}>
          {t('applications.next')}
        </SubmitButton>
        <Link to="?step=form" className="rounded px-4 py-2 font-semibold text-brand-700 underline">
          {t('applications.previous')}
        </Link>
      </Form>
    </div>
  );
}
