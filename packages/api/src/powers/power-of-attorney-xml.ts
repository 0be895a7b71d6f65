// The power of attorney as a machine-readable document, modelled on the МЧД format approved by
// the ФНС order of 30.12.2022 No. ЕД-7-26/445@ (version EMCHD_1). It is a model, not a document a
// tax office would accept as it stands; the differences are named in `renderPowerOfAttorneyXml`.
import type { PowerOfAttorneyScope } from '@orgcard/db';
import { scopeCode, scopeTexts } from './scope-texts.ts';

export interface PowerOfAttorneyDocument {
  /** The GUID that numbers the document (НомДовер). */
  number: string;
  signedAt: Date;
  validFrom: Date;
  validTo: Date;
  principal: {
    organisationName: string;
    inn: string;
    ogrn: string;
    kpp: string;
    /** The head, who acts for the organisation without a power of attorney. */
    headFullName: string;
  };
  representativeFullName: string;
  scopes: readonly PowerOfAttorneyScope[];
  /** In kopecks; null when the power has no amount ceiling. */
  amountCeilingKopecks: bigint | null;
}

/** The `Char` production of XML 1.0, 2.2: what a document may contain, even escaped. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/** Drops control characters and unpaired surrogates, which no escape can carry. */
function xmlCharactersOnly(value: string): string {
  return [...value].filter((character) => isXmlCharacter(character.codePointAt(0) ?? 0)).join('');
}

/** Escapes text for an attribute value in double quotes (XML 1.0, 2.4 and 3.3.3). */
export function escapeXmlAttribute(value: string): string {
  return (
    xmlCharactersOnly(value)
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
      // A parser turns raw tabs and line breaks in attributes into spaces; keep them as they are.
      .replaceAll('\t', '&#9;')
      .replaceAll('\n', '&#10;')
      .replaceAll('\r', '&#13;')
  );
}

interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: XmlElement[];
}

function renderElement(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  const children = element.children ?? [];
  if (children.length === 0) return `${indent}<${element.name}${attributes}/>`;
  const inner = children.map((child) => renderElement(child, depth + 1)).join('\n');

  return `${indent}<${element.name}${attributes}>\n${inner}\n${indent}</${element.name}>`;
}

/** A calendar date in Moscow time, as the format writes dates (ГГГГ-ММ-ДД). */
function moscowDate(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(instant);
}

/** The name parts the format asks for, read from "Фамилия Имя Отчество". */
function personName(fullName: string): XmlElement {
  const [surname = '', name = '', ...patronymic] = fullName.trim().split(/\s+/);

  return {
    name: 'ФИО',
    attributes: {
      Фамилия: surname,
      Имя: name,
      Отчество: patronymic.length > 0 ? patronymic.join(' ') : undefined,
    },
  };
}

/** Kopecks as roubles with two decimals, by integer arithmetic only. */
function roubles(kopecks: bigint): string {
  return `${kopecks / 100n}.${(kopecks % 100n).toString().padStart(2, '0')}`;
}

function powersElement(document: PowerOfAttorneyDocument): XmlElement {
  const machinePowers: XmlElement[] = document.scopes.map((scope) => ({
    name: 'МашПолн',
    attributes: { КодПолн: scopeCode(scope), НаимПолн: scopeTexts[scope] },
  }));
  const ceiling: XmlElement[] =
    document.amountCeilingKopecks === null
      ? []
      : [
          {
            name: 'ОгрСумм',
            attributes: { Валюта: '643', Сумма: roubles(document.amountCeilingKopecks) },
          },
        ];

  return { name: 'СвПолн', attributes: { ТипПолн: '0' }, children: [...machinePowers, ...ceiling] };
}

/**
 * Renders the power of attorney as XML: `Доверенность` with `СвДов` (number, dates), `Доверит`
 * (the organisation and its head acting without a power of attorney), `СвУпПред` (the
 * representative) and `СвПолн` (one `МашПолн` per scope, and the amount ceiling when set).
 *
 * Differences from the ФНС format, deliberately: the file is UTF-8 while the format requires
 * windows-1251; the power codes are our own (`ORGCARD_…`), not the ФНС classifier of powers;
 * `ДатаНачДейст` and `ОгрСумм` are ours; names are split from one full-name field; the detached
 * signature that makes an МЧД valid is not produced (the head signs with a confirmation code).
 */
export function renderPowerOfAttorneyXml(document: PowerOfAttorneyDocument): string {
  const { principal } = document;
  const root: XmlElement = {
    name: 'Доверенность',
    attributes: { ВерсФорм: 'EMCHD_1', ИдФайл: `ON_EMCHD_${document.number}` },
    children: [
      {
        name: 'СвДов',
        attributes: {
          ВидДовер: '1',
          НомДовер: document.number,
          ДатаВыдДовер: moscowDate(document.signedAt),
          ДатаНачДейст: moscowDate(document.validFrom),
          ДатаКонДовер: moscowDate(document.validTo),
        },
      },
      {
        name: 'Доверит',
        attributes: { ТипДоверит: '1' },
        children: [
          {
            name: 'СвРосОрг',
            attributes: {
              НаимОрг: principal.organisationName,
              ИННЮЛ: principal.inn,
              КПП: principal.kpp,
              ОГРН: principal.ogrn,
            },
          },
          {
            name: 'ЛицоБезДов',
            attributes: { Должность: 'Руководитель' },
            children: [personName(principal.headFullName)],
          },
        ],
      },
      {
        name: 'СвУпПред',
        attributes: { ТипПред: '3' },
        children: [{ name: 'Пред', children: [personName(document.representativeFullName)] }],
      },
      powersElement(document),
    ],
  };

  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, 0)}\n`;
}
