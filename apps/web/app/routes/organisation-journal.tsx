import { useId, type ReactNode } from 'react';
import { data, Form, isRouteErrorResponse, Link, useLocation, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/organisation-journal';
import { Field } from '../components/field.tsx';
import { dateTimeFormat, t } from '../i18n/index.ts';
import {
  journalActionFamilies,
  journalActionName,
  journalActionNames,
  journalTargetNames,
} from '../i18n/ru-journal.ts';
import {
  entriesCount,
  filterErrorsOf,
  journalQuery,
  journalSearchOf,
  throwIfRefused,
  type JournalSearch,
} from '../lib/journal-search.ts';

/** Entries per "Показать ещё". */
const PAGE_SIZE = 50;
/** How far "Показать ещё" may grow one page; beyond it, narrow the period instead. */
const MAX_PAGES = 20;

type Api = Route.LoaderArgs['context']['api'];
type Entry = Awaited<ReturnType<Api['journal']['list']>>['entries'][number];
type Actor = Awaited<ReturnType<Api['journal']['actors']>>[number];

export function meta() {
  return [{ title: `${t('journal.title')} — ${t('app.name')}` }];
}

/** The newest `pages` pages of the filtered journal, read along the cursor. */
async function loadEntries(api: Api, organisationId: string, search: JournalSearch, pages: number) {
  const entries: Entry[] = [];
  let cursor: number | undefined;
  for (let page = 0; page < pages; page++) {
    const result = await api.journal.list({ organisationId, ...search, cursor, limit: PAGE_SIZE });
    entries.push(...result.entries);
    cursor = result.nextCursor ?? undefined;
    if (cursor === undefined) break;
  }

  return { entries, nextCursor: cursor ?? null };
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const search = journalSearchOf(url.searchParams);
  const pages = Math.min(Math.max(Number(url.searchParams.get('pages')) || 1, 1), MAX_PAGES);
  const { organisationId } = params;
  try {
    const actors = await context.api.journal.actors({ organisationId });
    const listed = await loadEntries(context.api, organisationId, search, pages).catch(
      (error: unknown) => {
        // Filters the procedure cannot read: the page, with the fields' errors and no entries.
        const errors = filterErrorsOf(error);
        if (!errors) throw error;

        return { entries: [], nextCursor: null, errors };
      },
    );

    return { organisationId, search, pages, actors, errors: null, ...listed };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  try {
    const verdict = await context.api.journal.verify({ organisationId: params.organisationId });

    return { verdict, error: null };
  } catch (error) {
    throwIfRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ verdict: null, error: errors.formError }, { status: 400 });
  }
}

export default function OrganisationJournal({ loaderData, actionData }: Route.ComponentProps) {
  const { organisationId, search, errors } = loaderData;

  return (
    <div className="space-y-6">
      <section aria-labelledby="journal-title">
        <Link
          to={`/organisations/${organisationId}`}
          className="text-sm font-semibold text-brand-700 underline"
        >
          ← {t('journal.back')}
        </Link>
        <h1 id="journal-title" className="mt-2 text-2xl font-bold">
          {t('journal.title')}
        </h1>
        <p className="mt-2 text-slate-700">{t('journal.lead')}</p>
      </section>

      <Filters actors={loaderData.actors} search={search} errors={errors} />

      <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
        <a
          href={`/organisations/${organisationId}/journal.csv${journalQuery(search)}`}
          download
          className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t('journal.download')}
        </a>
        <p className="text-sm text-slate-600">{t('journal.download.hint')}</p>
      </div>

      <Integrity verdict={actionData?.verdict ?? null} error={actionData?.error ?? null} />

      <Entries
        entries={loaderData.entries}
        search={search}
        pages={loaderData.pages}
        nextCursor={loaderData.nextCursor}
      />
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  defaultValue: string;
  errors: string[] | undefined;
  children: ReactNode;
}

/** A labelled select whose errors are announced, like `Field` for inputs. */
function SelectField({ label, name, defaultValue, errors, children }: SelectFieldProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={`block w-full rounded border bg-white px-3 py-2 text-base ${invalid ? 'border-red-700' : 'border-slate-400'}`}
      >
        {children}
      </select>
      {invalid && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}

interface FiltersProps {
  actors: Actor[];
  search: JournalSearch;
  errors: FormErrors | null;
}

/** A GET form: the filters live in the address, so a filtered view can be bookmarked or sent. */
function Filters({ actors, search, errors }: FiltersProps) {
  const location = useLocation();
  const fieldErrors = errors?.fieldErrors ?? {};

  return (
    <section aria-labelledby="filters-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="filters-title" className="text-lg font-semibold">
        {t('journal.filters.title')}
      </h2>
      {errors?.formError && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {errors.formError}
        </p>
      )}
      {/* Keyed by the address so that "Сбросить отбор" also resets the fields' shown values. */}
      <Form
        key={location.search}
        method="get"
        className="mt-3 grid gap-3 sm:grid-cols-2"
        noValidate
      >
        <Field
          label={t('journal.filters.from')}
          name="from"
          type="date"
          defaultValue={search.from ?? ''}
          hint={t('journal.filters.periodHint')}
          errors={fieldErrors.from}
        />
        <Field
          label={t('journal.filters.to')}
          name="to"
          type="date"
          defaultValue={search.to ?? ''}
          hint={t('journal.filters.periodHint')}
          errors={fieldErrors.to}
        />
        <ActorSelect actors={actors} value={search.actorId} errors={fieldErrors.actorId} />
        <ActionSelect value={search.action} errors={fieldErrors.action} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t('journal.filters.submit')}
          </button>
          <Link to={location.pathname} className="font-semibold text-brand-700 underline">
            {t('journal.filters.reset')}
          </Link>
        </div>
      </Form>
    </section>
  );
}

interface SelectProps {
  value: string | undefined;
  errors: string[] | undefined;
}

/** The people of the journal; a person named in the address but unknown is still shown. */
function ActorSelect({ actors, value, errors }: SelectProps & { actors: Actor[] }) {
  const known = actors.some((actor) => actor.id === value);

  return (
    <SelectField
      label={t('journal.filters.actor')}
      name="actorId"
      defaultValue={value ?? ''}
      errors={errors}
    >
      <option value="">{t('journal.filters.actor.all')}</option>
      {actors.map((actor) => (
        <option key={actor.id} value={actor.id}>
          {actor.kind === 'operator'
            ? t('journal.actor.operator', { name: actor.name })
            : actor.name}
        </option>
      ))}
      {value && !known && <option value={value}>{value}</option>}
    </SelectField>
  );
}

/** Actions grouped by family: a whole family (a code prefix) or one action. */
function ActionSelect({ value, errors }: SelectProps) {
  const known = !value || value in journalActionNames || value in journalActionFamilies;

  return (
    <SelectField
      label={t('journal.filters.action')}
      name="action"
      defaultValue={value ?? ''}
      errors={errors}
    >
      <option value="">{t('journal.filters.action.all')}</option>
      {Object.entries(journalActionFamilies).map(([prefix, family]) => (
        <optgroup key={prefix} label={family}>
          <option value={prefix}>{t('journal.filters.action.family', { family })}</option>
          {Object.keys(journalActionNames)
            .filter((code) => code.startsWith(prefix))
            .map((code) => (
              <option key={code} value={code}>
                {journalActionName(code)}
              </option>
            ))}
        </optgroup>
      ))}
      {!known && <option value={value}>{value}</option>}
    </SelectField>
  );
}

type Verdict = Awaited<ReturnType<Api['journal']['verify']>>;

function verdictText(verdict: Verdict): string {
  if (verdict.ok) return t('journal.verify.ok', { entries: entriesCount(verdict.entries) });
  const seq = String(verdict.brokenEntry.seq);

  return `${t(`journal.verify.${verdict.reason}`, { seq })} ${t('journal.verify.checked', {
    entries: entriesCount(verdict.entries),
  })}`;
}

/** Recomputes the hash chain on the server (a POST: the check is itself journalled). */
function Integrity({ verdict, error }: { verdict: Verdict | null; error: string | null }) {
  const navigation = useNavigation();
  const checking = navigation.state === 'submitting' && navigation.formMethod === 'POST';

  return (
    <section aria-labelledby="integrity-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="integrity-title" className="text-lg font-semibold">
        {t('journal.verify.title')}
      </h2>
      <Form method="post" className="mt-3">
        <button
          type="submit"
          disabled={checking}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {checking ? t('journal.verify.running') : t('journal.verify.submit')}
        </button>
      </Form>
      {verdict?.ok === true && (
        <p role="status" className="mt-3 font-semibold text-green-800">
          ✓ {verdictText(verdict)}
        </p>
      )}
      {verdict?.ok === false && (
        <p role="alert" className="mt-3 font-semibold text-red-800">
          ✗ {verdictText(verdict)}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}

interface EntriesProps {
  entries: Entry[];
  search: JournalSearch;
  pages: number;
  nextCursor: number | null;
}

function Entries({ entries, search, pages, nextCursor }: EntriesProps) {
  const last = entries.at(-1);
  // Jump back to the last entry already read, right above the ones just loaded.
  const moreHref = `${journalQuery(search, { pages: String(pages + 1) })}#entry-${last?.seq ?? ''}`;

  return (
    <section aria-labelledby="entries-title" className="space-y-3">
      <h2 id="entries-title" className="text-lg font-semibold">
        {t('journal.entries.title')}
      </h2>
      {entries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-4">
          <p className="font-semibold text-slate-800">{t('journal.entries.empty')}</p>
          <p className="mt-1 text-sm text-slate-700">{t('journal.entries.emptyHint')}</p>
        </div>
      ) : (
        <>
          <EntryTable entries={entries} />
          <p className="text-sm text-slate-600">
            {t('journal.entries.shown', { entries: entriesCount(entries.length) })}
          </p>
        </>
      )}
      {nextCursor !== null && pages < MAX_PAGES && (
        <Link
          to={moreHref}
          preventScrollReset
          className="inline-block rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
        >
          {t('journal.entries.more')}
        </Link>
      )}
    </section>
  );
}

/**
 * One table: rows lay out as cards on phones and as table rows from the `md` width up, so each
 * entry exists once in the page (and can be linked to by its number).
 */
function EntryTable({ entries }: { entries: Entry[] }) {
  const headers = [
    t('journal.column.seq'),
    t('journal.column.time'),
    t('journal.column.actor'),
    t('journal.column.action'),
    t('journal.column.target'),
    t('journal.column.outcome'),
  ];

  return (
    // Scrolls sideways on a narrow desktop window rather than spilling out of the page; it can be
    // focused so that keyboard users can scroll it too.
    <div
      role="region"
      aria-labelledby="entries-title"
      tabIndex={0}
      className="md:overflow-x-auto md:rounded-lg md:bg-white md:shadow-sm"
    >
      <table className="block w-full text-sm md:table">
        <caption className="sr-only">{t('journal.entries.title')}</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-slate-300 text-left">
            {headers.map((header) => (
              <th key={header} scope="col" className="px-2 py-2 font-semibold text-slate-700">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0">
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="flex gap-2 py-0.5 align-top md:table-cell md:px-2 md:py-2">
      <span className="w-24 shrink-0 text-slate-600 md:hidden">{label}</span>
      <span className="min-w-0">{children}</span>
    </td>
  );
}

function actorText(entry: Entry): string {
  if (entry.actorKind === 'system') return t('journal.actor.system');
  if (entry.actorKind === 'anonymous') return t('journal.actor.anonymous');
  const name = entry.actorName ?? '';
  const actor = entry.actorKind === 'operator' ? t('journal.actor.operator', { name }) : name;

  return entry.onBehalfOfName
    ? t('journal.actor.onBehalf', { actor, principal: entry.onBehalfOfName })
    : actor;
}

function EntryRow({ entry }: { entry: Entry }) {
  const occurredAt = new Date(entry.occurredAt);

  return (
    <tr
      id={`entry-${entry.seq}`}
      className="block scroll-mt-4 rounded-lg bg-white p-3 shadow-sm md:table-row md:rounded-none md:border-b md:border-slate-200 md:p-0 md:shadow-none"
    >
      <Cell label={t('journal.column.seq')}>{entry.seq}</Cell>
      <Cell label={t('journal.column.time')}>
        <time dateTime={occurredAt.toISOString()}>{dateTimeFormat.format(occurredAt)}</time>
      </Cell>
      <Cell label={t('journal.column.actor')}>
        <span className="block">{actorText(entry)}</span>
        <Origin ip={entry.ip} userAgent={entry.userAgent} />
      </Cell>
      <Cell label={t('journal.column.action')}>
        <span className="block">{journalActionName(entry.action)}</span>
        {entry.action in journalActionNames && (
          <code className="break-all text-xs text-slate-600">{entry.action}</code>
        )}
      </Cell>
      <Cell label={t('journal.column.target')}>
        {entry.targetType && (
          <>
            <span className="block">
              {journalTargetNames[entry.targetType] ?? entry.targetType}
            </span>
            <code className="break-all text-xs text-slate-600">{entry.targetId}</code>
          </>
        )}
      </Cell>
      <Cell label={t('journal.column.outcome')}>
        <OutcomeBadge outcome={entry.outcome} />
      </Cell>
    </tr>
  );
}

/** Where the action came from, in small print under the person: address and browser. */
function Origin({ ip, userAgent }: { ip: string | null; userAgent: string | null }) {
  if (!ip && !userAgent) return null;

  return (
    <span className="block text-xs text-slate-600">
      {ip}
      {userAgent && (
        <span className="block max-w-44 truncate" title={userAgent}>
          {userAgent}
        </span>
      )}
    </span>
  );
}

const badgeClasses: Record<Entry['outcome'], string> = {
  success: 'bg-green-100 text-green-900',
  failure: 'bg-red-100 text-red-900',
  denied: 'bg-amber-100 text-amber-900',
};

/** The outcome in words, coloured as a second cue only. */
function OutcomeBadge({ outcome }: { outcome: Entry['outcome'] }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${badgeClasses[outcome]}`}
    >
      {t(`journal.outcome.${outcome}`)}
    </span>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 403
      ? [t('journal.error.forbidden.title'), t('journal.error.forbidden.text')]
      : status === 404
        ? [t('error.notFound.title'), t('error.notFound.text')]
        : [t('error.generic.title'), t('error.generic.text')];

  return (
    <section aria-labelledby="journal-error-title" className="rounded-lg bg-white p-6 shadow-sm">
      <h1 id="journal-error-title" className="text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-slate-700">{text}</p>
      <Link to="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
        {t('error.back')}
      </Link>
    </section>
  );
}
