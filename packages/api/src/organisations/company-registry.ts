import { z } from 'zod';
import type { CompanyRegistrySettings } from '../config/env.ts';
import { AppError } from '../errors.ts';
import { checkInn, type OrganisationType } from './validators.ts';

/** What a registry knows of an organisation; it pre-fills the registration form. */
export interface CompanyInfo {
  inn: string;
  /** False when the registry only checked the number (the offline registry). */
  known: boolean;
  type?: OrganisationType;
  ogrn?: string;
  kpp?: string;
  fullName?: string;
  shortName?: string;
  legalAddress?: string;
}

/** Looks an organisation up by its INN. */
export interface CompanyRegistry {
  /** Null when the INN is not an organisation's (invalid, or unknown to the registry). */
  findByInn(inn: string): Promise<CompanyInfo | null>;
}

/** The default: no outside service. It checks the number and knows nothing else. */
export class OfflineCompanyRegistry implements CompanyRegistry {
  async findByInn(inn: string): Promise<CompanyInfo | null> {
    return checkInn(inn) === null ? { inn, known: false } : null;
  }
}

export interface HttpCompanyRegistryOptions {
  /** Base URL of the service, e.g. `https://suggestions.example/api/4_1/rs`. */
  baseUrl: string;
  /** API key, sent as `Authorization: Token <key>`. */
  token: string;
  /** How long to wait for an answer before giving up; 3 seconds by default. */
  timeoutMs?: number;
}

const partySchema = z.object({
  suggestions: z.array(
    z.object({
      value: z.string(),
      data: z.object({
        inn: z.string(),
        ogrn: z.string().nullish(),
        kpp: z.string().nullish(),
        type: z.string().nullish(),
        opf: z.object({ code: z.string().nullish(), short: z.string().nullish() }).nullish(),
        name: z
          .object({
            full_with_opf: z.string().nullish(),
            short_with_opf: z.string().nullish(),
          })
          .nullish(),
        address: z.object({ value: z.string().nullish() }).nullish(),
      }),
    }),
  ),
});

type Party = z.infer<typeof partySchema>['suggestions'][number]['data'];

// Non-profit forms of the ОКОПФ classifier: corporate non-profits (2xxxx) and unitary ones (7xxxx).
const nonProfitOpf = /^[27]\d{4}$/;
const nonProfitShortNames = new Set([
  'АНО',
  'НКО',
  'ФОНД',
  'АССОЦИАЦИЯ',
  'СОЮЗ',
  'ЧУ',
  'ОО',
  'РОО',
]);

/** Only an LLC and an NPO may register; any other legal form leaves the type to the user. */
function organisationTypeOf(party: Party): OrganisationType | undefined {
  const short = party.opf?.short?.trim().toUpperCase() ?? '';
  if (short === 'ООО') return 'LLC';
  if (nonProfitOpf.test(party.opf?.code ?? '') || nonProfitShortNames.has(short)) return 'NPO';

  return undefined;
}

/** Keeps the fields that are present, so the form leaves the others as they are. */
function companyInfoOf(party: Party, fallbackName: string): CompanyInfo {
  const present = <T>(value: T | null | undefined) => value ?? undefined;
  const info: CompanyInfo = {
    inn: party.inn,
    known: true,
    type: organisationTypeOf(party),
    ogrn: present(party.ogrn),
    kpp: present(party.kpp),
    fullName: present(party.name?.full_with_opf) ?? fallbackName,
    shortName: present(party.name?.short_with_opf),
    legalAddress: present(party.address?.value),
  };

  return Object.fromEntries(
    Object.entries(info).filter(([, value]) => value !== undefined),
  ) as unknown as CompanyInfo;
}

/**
 * A company-lookup service speaking the "find party by id" protocol of the common Russian
 * suggestion services: `POST {baseUrl}/findById/party` with `{ "query": "<inn>" }`, answered
 * with `{ suggestions: [{ value, data: { inn, ogrn, kpp, type, opf, name, address } }] }`.
 * Any failure (network, timeout, status, malformed answer) is `unavailable`: the user can
 * always fill the form by hand.
 */
export class HttpCompanyRegistry implements CompanyRegistry {
  private readonly endpoint: string;

  constructor(private readonly options: HttpCompanyRegistryOptions) {
    this.endpoint = `${options.baseUrl.replace(/\/+$/, '')}/findById/party`;
  }

  async findByInn(inn: string): Promise<CompanyInfo | null> {
    if (checkInn(inn) !== null) return null;
    const answer = await this.ask(inn);
    // Branches of a company share its INN; the head office is the one of type LEGAL.
    const party = answer.suggestions.find(
      (suggestion) => suggestion.data.inn === inn && (suggestion.data.type ?? 'LEGAL') === 'LEGAL',
    );

    return party ? companyInfoOf(party.data, party.value) : null;
  }

  private async ask(inn: string): Promise<z.infer<typeof partySchema>> {
    let status: number;
    let body: unknown;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Token ${this.options.token}`,
        },
        body: JSON.stringify({ query: inn }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
      });
      status = response.status;
      body = await response.json();
    } catch (cause) {
      throw registryUnavailable(cause);
    }
    if (status !== 200) throw registryUnavailable({ status });
    const answer = partySchema.safeParse(body);
    if (!answer.success) throw registryUnavailable(answer.error);

    return answer.data;
  }
}

function registryUnavailable(cause: unknown): AppError {
  return new AppError('unavailable', 'Справочник организаций недоступен: заполните поля вручную.', {
    cause,
  });
}

/** The registry chosen by configuration (`COMPANY_REGISTRY`). */
export function createCompanyRegistry(settings: CompanyRegistrySettings): CompanyRegistry {
  return settings.kind === 'http'
    ? new HttpCompanyRegistry({ baseUrl: settings.baseUrl, token: settings.token })
    : new OfflineCompanyRegistry();
}
