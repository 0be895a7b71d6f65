import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareEnvShape } from '@orgcard/api';
import { webEnvShape } from '../server/env.ts';
import { workerEnvShape } from '../../worker/src/env.ts';

const root = resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { target?: string };
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const exampleKeys = new Set(
  read('.env.example')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=')[0]),
);
const roleShapes: Record<string, Record<string, unknown>> = {
  web: webEnvShape,
  worker: workerEnvShape,
  migrate: prepareEnvShape,
};

describe('docker-compose.yml, the production shape', () => {
  it('has the five services with the pinned majors', () => {
    const { services } = compose;

    expect(Object.keys(services).sort()).toEqual(
      ['mailpit', 'migrate', 'postgres', 'redis', 'web', 'worker'].sort(),
    );
    expect(services.postgres?.image).toBe('postgres:17');
    expect(services.redis?.image).toBe('redis:7');
    expect(services.redis?.command).toContain('noeviction');
  });

  it('builds every application role from a stage of the one Dockerfile', () => {
    const stages = [...read('Dockerfile').matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);

    for (const role of Object.keys(roleShapes)) {
      expect(compose.services[role]?.build?.target).toBe(role);
      expect(stages).toContain(role);
    }
  });

  it('names only variables that the code reads and .env.example documents', () => {
    for (const [role, shape] of Object.entries(roleShapes)) {
      const names = Object.keys(compose.services[role]?.environment ?? {});
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(shape, `${role} reads ${name}`).toHaveProperty(name);
        expect(exampleKeys.has(name), `.env.example lists ${name}`).toBe(true);
      }
    }
  });

  it('documents every variable the code reads in .env.example', () => {
    const read = new Set(Object.values(roleShapes).flatMap((shape) => Object.keys(shape)));

    for (const name of read) expect(exampleKeys.has(name), name).toBe(true);
  });

  it('publishes the web port the server listens on and the ports of the stores', () => {
    const web = compose.services.web;

    expect(web?.ports).toContain(`${web?.environment?.PORT}:${web?.environment?.PORT}`);
    expect(compose.services.postgres?.ports).toContain('5432:5432');
    expect(compose.services.redis?.ports).toContain('6379:6379');
    expect(compose.services.mailpit?.ports).toContain('1025:1025');
    expect(compose.services.web?.environment?.SMTP_URL).toBe('smtp://mailpit:1025');
  });
});
