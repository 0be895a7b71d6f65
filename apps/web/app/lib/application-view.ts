import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@orgcard/api';
import { formatKopecks } from '@orgcard/api/money';
import { t } from '../i18n/index.ts';

type Outputs = inferRouterOutputs<AppRouter>['applications'];
export type ApplicationView = Outputs['get'];

/**
 * The application as the page shows it: money already formatted, so no bigint has to cross
 * from the loader to the browser.
 */
export function presentApplication(view: ApplicationView) {
  const { fee, tariffs, ...rest } = view;

  return {
    ...rest,
    fee: fee && {
      status: fee.status,
      amount: formatKopecks(fee.amountKopecks),
      uin: fee.uin,
      paidAt: fee.paidAt,
    },
    tariffs: tariffs.map((tariff) => ({
      code: tariff.code,
      label: t('applications.form.tariff.option', {
        name: tariff.name,
        fee: formatKopecks(tariff.feeKopecks),
        months: String(tariff.validityMonths),
      }),
      limits: t('applications.form.tariff.limits', {
        operation: formatKopecks(tariff.defaultLimits.perOperationKopecks),
        day: formatKopecks(tariff.defaultLimits.perDayKopecks),
        month: formatKopecks(tariff.defaultLimits.perMonthKopecks),
      }),
      fee: formatKopecks(tariff.feeKopecks),
    })),
  };
}

export type PresentedApplication = ReturnType<typeof presentApplication>;
