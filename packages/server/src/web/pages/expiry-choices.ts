/**
 * The create form's `Expires` choices: the presets the organization's LifetimeInDays allows,
 * the default (30 days, or the cap when that is shorter), and the custom date's range.
 * @module
 */
import { DAY_MS } from '../../domain/wire-time.js';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_PRESET_DAYS } from './constants.js';
import { formatDateInputValue } from './time.js';
import type { PolicyView } from './view-types.js';

/** The `expires` value of the custom-date choice. */
export const CUSTOM_EXPIRY = 'custom';

/** Presets (in days) no longer than the policy's lifetime. */
export function allowedPresetDays(policy: PolicyView): number[] {
  return EXPIRY_PRESET_DAYS.filter((days) => days <= policy.lifetimeInDays);
}

/**
 * The initial `expires` and `custom-date` values: 30 days when allowed; otherwise the cap itself,
 * which only the custom date can say when it is not a preset.
 */
export function defaultExpiry(
  policy: PolicyView,
  now: number,
): { expires: string; customDate: string } {
  const presets = allowedPresetDays(policy);
  if (presets.includes(DEFAULT_EXPIRY_DAYS))
    return { expires: String(DEFAULT_EXPIRY_DAYS), customDate: '' };
  if (presets.includes(policy.lifetimeInDays))
    return { expires: String(policy.lifetimeInDays), customDate: '' };
  return { expires: CUSTOM_EXPIRY, customDate: latestCustomDate(policy, now) };
}

/** The latest date the custom date may be (the cap), as YYYY-MM-DD. */
export function latestCustomDate(policy: PolicyView, now: number): string {
  return formatDateInputValue(now + policy.lifetimeInDays * DAY_MS);
}

/** The earliest date the custom date may be: tomorrow (UTC). */
export function earliestCustomDate(now: number): string {
  return formatDateInputValue(now + DAY_MS);
}
