/**
 * botocore's `xform_name(name, '-')`: how the aws CLI spells operations and options.
 * @module
 */

/**
 * `ListPersonalAccessTokens` -> `list-personal-access-tokens`, `KmsKeyArn` -> `kms-key-arn`, with
 * botocore's regular expressions (`_special_case_transform`, `_first_cap_regex`, `_end_cap_regex`).
 */
export function toCliName(name: string): string {
  if (name.includes('-')) return name;
  const plural = /[A-Z]{2,}s$/.exec(name);
  const base = plural ? `${name.slice(0, plural.index)}-${plural[0].toLowerCase()}` : name;
  return base
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}
