import { randomUUID } from 'node:crypto';
import { TRPCError, type AnyProcedure, type AnyRouter } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memberRoles, type MemberRole, type Organisation } from '@orgcard/db';
import { permissions, rolePermissions, type Permission } from '../src/auth/permissions.ts';
import { appRouter } from '../src/root.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { createContext } from '../src/trpc/context.ts';
import {
  authenticatedProcedure,
  createCallerFactory,
  organisationProcedure,
  router,
  type Access,
  type ProcedureMeta,
} from '../src/trpc/init.ts';
import {
  addMember,
  createOrganisation,
  signedInOperator,
  signedInPerson,
} from './support/people.ts';

// Walks every procedure the router holds when the test runs, so a procedure added tomorrow is
// checked without anyone editing this file. Only the allow-lists below need a deliberate edit.

/** Procedures anyone may call without signing in. Adding one here is a security decision. */
const publicAllowList = [
  'system.health',
  // Reached before a session exists: signing up and the steps of signing in.
  'auth.signUp',
  'auth.signIn',
  'auth.signInChallenge',
  'auth.resendSignInCode',
  'auth.completeSignIn',
  'auth.operatorSignIn',
  'auth.completeOperatorSignIn',
  // Answer about whatever session the cookie names, and null or nothing without one.
  'auth.me',
  'auth.signOut',
];

/** Procedures that exist only in development and test. */
const developmentAllowList = [
  'dev.messages',
  'dev.sendTestEmail',
  // The state fee's payment provider, simulated until a real one is connected.
  'applications.simulatePayment',
  'applications.simulatorFees',
];

type Outcome = string;

interface People {
  organisationA: Organisation;
  /** The head of organisation B: every permission, but in the other organisation. */
  stranger: string;
  /** One member of A per role. */
  membersOfA: Record<MemberRole, string>;
  /** The head of A whose membership was ended. */
  formerMember: string;
  operator: string;
}

/** Loads lazily declared sub-routers, so that they are walked too. */
async function proceduresOf(walked: AnyRouter): Promise<Record<string, AnyProcedure>> {
  while (Object.keys(walked._def.lazy).length > 0) {
    await Promise.all(Object.values(walked._def.lazy).map((loader) => loader.load()));
  }

  // At run time `_def.procedures` is flat: 'journal.list' -> procedure.
  return walked._def.procedures as Record<string, AnyProcedure>;
}

function accessOf(procedure: AnyProcedure): Access | undefined {
  return (procedure._def.meta as ProcedureMeta | undefined)?.access;
}

function isValidAccess(access: Access | undefined): boolean {
  if (access === undefined) return false;
  if (typeof access === 'string') {
    return ['public', 'development', 'authenticated', 'operator'].includes(access);
  }

  return permissions.includes(access.organisation);
}

/** The first role that does not hold a permission by itself, if there is one. */
function roleWithout(permission: Permission): MemberRole | undefined {
  return memberRoles.find((role) => !rolePermissions[role].includes(permission));
}

describe('the router-wide access check', () => {
  let app: TestApp;
  let people: People;

  /** Calls a procedure by its path, query or mutation alike, and says how it answered. */
  async function outcomeOf(
    walked: AnyRouter,
    path: string,
    token: string | null,
    input: unknown,
    nodeEnv = app.services.config.nodeEnv,
  ): Promise<Outcome> {
    const services = { ...app.services, config: { ...app.services.config, nodeEnv } };
    const request = {
      requestId: randomUUID(),
      ip: '10.0.0.1',
      userAgent: 'vitest',
      sessionToken: token,
    };
    const caller = createCallerFactory(walked)(createContext(services, request));
    const call = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
      input: unknown,
    ) => Promise<unknown>;
    try {
      await call(input);

      return 'answered';
    } catch (error) {
      return error instanceof TRPCError ? error.code : `threw ${String(error)}`;
    }
  }

  /**
   * How every organisation-scoped procedure of a router answers people who must be refused,
   * next to what it should answer. Only `organisationId` is sent: the access check runs before
   * the rest of the input is read, so a BAD_REQUEST here means a check that comes too late.
   */
  async function organisationRefusals(walked: AnyRouter) {
    const actual: Record<string, Record<string, Outcome>> = {};
    const expected: Record<string, Record<string, Outcome>> = {};
    const input = { organisationId: people.organisationA.id };
    for (const [path, procedure] of Object.entries(await proceduresOf(walked))) {
      const access = accessOf(procedure);
      if (typeof access !== 'object') continue;
      const role = roleWithout(access.organisation);
      const ask = (token: string | null) => outcomeOf(walked, path, token, input);
      actual[path] = {
        memberOfAnotherOrganisation: await ask(people.stranger),
        memberWithoutPermission: role
          ? `${role}: ${await ask(people.membersOfA[role])}`
          : `every role holds ${access.organisation}`,
        formerMember: await ask(people.formerMember),
        operator: await ask(people.operator),
        noSession: await ask(null),
      };
      expected[path] = {
        memberOfAnotherOrganisation: 'FORBIDDEN',
        memberWithoutPermission: role
          ? `${role}: FORBIDDEN`
          : `every role holds ${access.organisation}`,
        formerMember: 'FORBIDDEN',
        operator: 'UNAUTHORIZED',
        noSession: 'UNAUTHORIZED',
      };
    }

    return { actual, expected };
  }

  async function pathsWith(kind: Access): Promise<string[]> {
    const all = await proceduresOf(appRouter);

    return Object.keys(all)
      .filter((path) => accessOf(all[path]!) === kind)
      .sort();
  }

  beforeAll(async () => {
    app = await createTestApp();
    const organisationA = await createOrganisation(app, 'Альфа');
    const organisationB = await createOrganisation(app, 'Бета');
    const stranger = await signedInPerson(app, 'Борис Чужой');
    await addMember(app, organisationB, stranger, 'head');
    const membersOfA = {} as Record<MemberRole, string>;
    for (const role of memberRoles) {
      const person = await signedInPerson(app, `Участник ${role}`);
      await addMember(app, organisationA, person, role);
      membersOfA[role] = person.token;
    }
    const former = await signedInPerson(app, 'Фёдор Бывший');
    await addMember(app, organisationA, former, 'head', 'removed');
    const operator = await signedInOperator(app);
    people = {
      organisationA,
      stranger: stranger.token,
      membersOfA,
      formerMember: former.token,
      operator: operator.token,
    };
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds every procedure declaring who may call it', async () => {
    const procedures = await proceduresOf(appRouter);
    const undeclared = Object.keys(procedures).filter(
      (path) => !isValidAccess(accessOf(procedures[path]!)),
    );

    expect(Object.keys(procedures)).toContain('journal.list');
    expect(undeclared).toEqual([]);
  });

  it('lets anyone call only the procedures on the public allow-list', async () => {
    expect(await pathsWith('public')).toEqual([...publicAllowList].sort());
    expect(await pathsWith('development')).toEqual([...developmentAllowList].sort());
  });

  it('refuses every organisation procedure to anyone who is not a member with the permission', async () => {
    const { actual, expected } = await organisationRefusals(appRouter);

    expect(Object.keys(actual)).toContain('journal.list');
    expect(actual).toEqual(expected);
  });

  it('skips the member-without-permission case only for permissions every role holds', () => {
    const heldByEveryRole = permissions.filter((permission) => !roleWithout(permission));

    for (const permission of heldByEveryRole) {
      expect(memberRoles.every((role) => rolePermissions[role].includes(permission))).toBe(true);
    }
    expect(heldByEveryRole.length).toBeLessThan(permissions.length);
  });

  it('refuses authenticated procedures to callers without a user session', async () => {
    const outcomes: Record<string, Outcome[]> = {};
    for (const path of await pathsWith('authenticated')) {
      outcomes[path] = [
        await outcomeOf(appRouter, path, null, {}),
        await outcomeOf(appRouter, path, people.operator, {}),
      ];
    }

    for (const [path, answers] of Object.entries(outcomes)) {
      expect({ path, answers }).toEqual({ path, answers: ['UNAUTHORIZED', 'UNAUTHORIZED'] });
    }
  });

  it('refuses operator procedures to members and to callers without a session', async () => {
    const head = people.membersOfA.head;
    for (const path of await pathsWith('operator')) {
      const answers = [
        await outcomeOf(appRouter, path, head, {}),
        await outcomeOf(appRouter, path, null, {}),
      ];

      expect({ path, answers }).toEqual({ path, answers: ['UNAUTHORIZED', 'UNAUTHORIZED'] });
    }
  });

  it('hides development procedures in production', async () => {
    for (const path of await pathsWith('development')) {
      const answer = await outcomeOf(appRouter, path, null, {}, 'production');

      expect({ path, answer }).toEqual({ path, answer: 'NOT_FOUND' });
    }
  });

  it('would catch an organisation procedure that skips the membership check or checks too late', async () => {
    const organisationId = z.uuid();
    const rogue = router({
      // Declares a permission but never checks membership: it would hand out data.
      leaky: authenticatedProcedure
        .meta({ access: { organisation: 'journal.view' } })
        .input(z.object({ organisationId }))
        .query(() => ({ secret: true })),
      // Reads the whole input before any check: a stranger learns what the input lacks.
      late: authenticatedProcedure
        .meta({ access: { organisation: 'members.manage' } })
        .input(z.object({ organisationId, name: z.string() }))
        .query(() => 'ok'),
      wellBehaved: organisationProcedure('powers.manage').query(() => 'ok'),
    });

    const { actual, expected } = await organisationRefusals(rogue);

    expect(actual.leaky?.memberOfAnotherOrganisation).toBe('answered');
    expect(actual.leaky).not.toEqual(expected.leaky);
    expect(actual.late?.memberOfAnotherOrganisation).toBe('BAD_REQUEST');
    expect(actual.late).not.toEqual(expected.late);
    expect(actual.wellBehaved).toEqual(expected.wellBehaved);
  });
});
