/**
 * Reads and checks the create-token form: the name by the model's own rule (so the message is
 * the API's), one or more of IMAP/POP3/SMTP, and an expiry turned into days within the policy.
 * @module
 */
import type { PatConfiguration } from '../../domain/records.js';
import { DAY_MS } from '../../domain/wire-time.js';
import { InvalidParameterException } from '../../errors/index.js';
import { validateInput } from '../../validation/validate-input.js';
import type { CreateTokenErrors, CreateTokenValues } from '../pages/index.js';

/** The scopes a user may choose, in the order the form shows them. */
export const WEB_SCOPES: readonly string[] = ['IMAP', 'POP3', 'SMTP'];
const PRESET_DAYS = ['7', '30', '60', '90'];

/** The form's values, its errors, and the days the token lasts when there are none. */
export interface CheckedCreateTokenForm {
  values: CreateTokenValues;
  errors: CreateTokenErrors;
  expiresInDays: number;
}

/** The values of an empty create form under `policy`. */
export function defaultCreateTokenValues(
  policy: PatConfiguration | null,
  now: number,
): CreateTokenValues {
  const lifetime = policy?.lifetimeInDays ?? 30;
  const expires = ['30', '7'].find((days) => Number(days) <= lifetime) ?? 'custom';
  return {
    name: '',
    scopes: ['IMAP', 'SMTP'],
    expires,
    customDate: isoDate(now + lifetime * DAY_MS),
  };
}

/** Checks the form; `ids` are the organization and user the token would be made for. */
export function checkCreateTokenForm(
  form: URLSearchParams,
  ids: { organizationId: string; userId: string },
  policy: PatConfiguration,
  now: number,
): CheckedCreateTokenForm {
  const values: CreateTokenValues = {
    name: form.get('name') ?? '',
    scopes: [...new Set(form.getAll('scopes'))],
    expires: form.get('expires') ?? '',
    customDate: form.get('custom-date') ?? '',
  };
  const errors: CreateTokenErrors = {};
  const nameError = checkName(values.name, ids);
  if (nameError !== undefined) errors.name = nameError;
  if (values.scopes.length === 0 || !values.scopes.every((s) => WEB_SCOPES.includes(s))) {
    errors.scopes = 'Choose at least one of IMAP, POP3 and SMTP.';
  }
  const days = expiryDays(values, policy, now);
  if (typeof days === 'string') errors.expires = days;
  return { values, errors, expiresInDays: typeof days === 'number' ? days : 0 };
}

/** True when the form has no error. */
export function isValidCreateTokenForm(errors: CreateTokenErrors): boolean {
  return Object.keys(errors).length === 0;
}

function checkName(
  name: string,
  ids: { organizationId: string; userId: string },
): string | undefined {
  try {
    validateInput('CreatePersonalAccessTokenRequest', {
      OrganizationId: ids.organizationId,
      UserId: ids.userId,
      Name: name,
    });
    return undefined;
  } catch (error) {
    if (error instanceof InvalidParameterException) return error.message;
    throw error;
  }
}

/** The days the token lasts (presets are capped by the policy), or the error message. */
function expiryDays(
  values: CreateTokenValues,
  policy: PatConfiguration,
  now: number,
): number | string {
  if (PRESET_DAYS.includes(values.expires)) {
    return Math.min(Number(values.expires), policy.lifetimeInDays);
  }
  if (values.expires !== 'custom') return 'Choose when the token expires.';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.customDate);
  const date = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2025-02-30 over to March: the round trip refuses such dates.
  if (!match || isoDate(date) !== values.customDate) return 'Enter the date as YYYY-MM-DD.';
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  const days = Math.round((date - today) / DAY_MS);
  if (days < 1 || days > policy.lifetimeInDays) {
    return `Choose a date from tomorrow to ${policy.lifetimeInDays} days from today.`;
  }
  return days;
}

function isoDate(epochMs: number): string {
  return Number.isNaN(epochMs) ? '' : new Date(epochMs).toISOString().slice(0, 10);
}
