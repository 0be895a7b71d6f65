import { Link } from 'react-router';
import { t } from '../i18n/index.ts';

/** In development, codes go to the local outbox instead of a phone: say where to find them. */
export function DevCodeHint({ show }: { show: boolean }) {
  if (!show) return null;

  return (
    <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <Link to="/dev/outbox" target="_blank" className="font-semibold underline">
        {t('identity.devHint')}
      </Link>
    </p>
  );
}
