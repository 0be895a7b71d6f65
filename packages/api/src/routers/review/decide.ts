import type { Operator, EntityManager } from '@orgcard/db';
import { decideApplication, type ReviewDecision } from '../../review/decide-application.ts';
import type { RequestInfo } from '../../trpc/context.ts';
import type { AppServices } from '../../services.ts';

interface DecisionContext {
  em: EntityManager;
  operator: Operator;
  request: RequestInfo;
  services: AppServices;
}

/** What approve, reject and return-for-correction share: the decision and its answer. */
export async function decide(
  ctx: DecisionContext,
  applicationId: string,
  decision: ReviewDecision,
) {
  const application = await decideApplication(ctx.em, ctx.operator, applicationId, decision, {
    request: ctx.request,
    appUrl: ctx.services.config.appUrl,
  });

  return { applicationId: application.id, status: application.status };
}
