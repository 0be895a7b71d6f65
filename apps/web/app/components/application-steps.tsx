import { Link } from 'react-router';
import { t } from '../i18n/index.ts';
import { wizardSteps, type WizardStep } from '../lib/applications.ts';

/** The wizard's progress: «Шаг 2 из 4», a bar, and links back to each step. */
export function ApplicationSteps({ current }: { current: WizardStep }) {
  const index = wizardSteps.indexOf(current) + 1;
  const progress = t('applications.steps.progress', {
    current: String(index),
    total: String(wizardSteps.length),
  });

  return (
    <nav aria-label={t('applications.steps.label')} className="space-y-2">
      <p className="text-sm font-semibold text-slate-800">
        {progress}: {t(`applications.step.${current}`)}
      </p>
      <div className="h-2 w-full rounded bg-slate-200" aria-hidden="true">
        <div
          className="h-2 rounded bg-brand-700"
          style={{ width: `${(index / wizardSteps.length) * 100}%` }}
        />
      </div>
      <ol className="flex flex-wrap gap-2 text-sm">
        {wizardSteps.map((step, position) => (
          <li key={step}>
            <Link
              to={`?step=${step}`}
              aria-current={step === current ? 'step' : undefined}
              className={`inline-block rounded px-2 py-1 ${
                step === current
                  ? 'bg-brand-50 font-semibold text-brand-800'
                  : 'text-slate-700 underline hover:text-brand-700'
              }`}
            >
              {position + 1}. {t(`applications.step.${step}`)}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
