import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import { Field } from './field.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';

interface DocumentUploadProps {
  organisationId: string;
  applicationId: string;
  kind: string;
  kindName: string;
  /** Registry extracts carry a date that the checks compare with today. */
  askIssuedOn: boolean;
  maxBytes: number;
}

type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; percent: number }
  | { phase: 'done' }
  | { phase: 'failed'; message: string };

function failureOf(request: XMLHttpRequest): string {
  try {
    const body = JSON.parse(request.responseText) as { error?: string };

    return body.error ?? t('applications.documents.network');
  } catch {
    return t('applications.documents.network');
  }
}

/**
 * Sends one file with XMLHttpRequest, the one browser API that reports upload progress, as
 * the raw body of `POST /api/applications/:id/documents`. The server judges the format by
 * content; the size is checked here too, only to spare a useless 10 MB transfer.
 */
function send(
  props: DocumentUploadProps,
  file: File,
  issuedOn: string,
  onState: (state: UploadState) => void,
) {
  const query = new URLSearchParams({
    organisationId: props.organisationId,
    kind: props.kind,
    fileName: file.name,
    ...(issuedOn ? { issuedOn } : {}),
  });
  const request = new XMLHttpRequest();
  request.open('POST', `/api/applications/${props.applicationId}/documents?${query.toString()}`);
  request.setRequestHeader('Content-Type', 'application/octet-stream');
  request.upload.onprogress = (event) => {
    if (event.lengthComputable)
      onState({ phase: 'sending', percent: Math.round((event.loaded / event.total) * 100) });
  };
  request.onload = () =>
    onState(
      request.status === 201 ? { phase: 'done' } : { phase: 'failed', message: failureOf(request) },
    );
  request.onerror = () =>
    onState({ phase: 'failed', message: t('applications.documents.network') });
  onState({ phase: 'sending', percent: 0 });
  request.send(file);
}

/** The upload control of one document kind, with a progress bar and the refusal's reason. */
export function DocumentUpload(props: DocumentUploadProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const revalidator = useRevalidator();
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  useEffect(() => setReady(true), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: 'failed', message: t('applications.documents.noFile') });
    } else if (file.size > props.maxBytes) {
      setState({ phase: 'failed', message: t('applications.documents.tooLarge') });
    } else {
      send(props, file, textField(data, 'issuedOn'), (next) => {
        setState(next);
        if (next.phase === 'done') {
          form.current?.reset();
          void revalidator.revalidate();
        }
      });
    }
  };
  const sending = state.phase === 'sending';

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2" aria-label={props.kindName}>
      <Field
        label={t('applications.documents.file')}
        name="file"
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        errors={state.phase === 'failed' ? [state.message] : undefined}
      />
      {props.askIssuedOn && (
        <Field label={t('applications.documents.issuedOn')} name="issuedOn" type="date" />
      )}
      <button
        type="submit"
        disabled={!ready || sending}
        className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {t('applications.documents.upload')}
      </button>
      {sending && (
        <div className="space-y-1">
          <progress
            id={`${id}-progress`}
            max={100}
            value={state.percent}
            className="w-full"
            aria-label={t('applications.documents.progress')}
          />
          <p role="status" className="text-sm text-slate-700">
            {t('applications.documents.uploading', { percent: String(state.percent) })}
          </p>
        </div>
      )}
      {state.phase === 'done' && (
        <p role="status" className="text-sm text-green-900">
          {t('applications.documents.done')}
        </p>
      )}
      <noscript>
        <p className="text-sm text-amber-900">{t('applications.documents.needsScript')}</p>
      </noscript>
    </form>
  );
}
