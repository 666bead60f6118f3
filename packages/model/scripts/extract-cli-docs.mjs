#!/usr/bin/env node
/**
 * Extracts the documentation `mailpat workmail <operation> --help` prints: one text per served
 * operation and per member of the structures their inputs reach, from the botocore model, plus the
 * hand-written texts of mailpat's extension operations (which botocore does not know).
 *
 * Usage (from anywhere): node packages/model/scripts/extract-cli-docs.mjs [path/to/service-2.json]
 * Default source `aws-model/service-2.json`; writes `src/cli-docs.json` (committed, sorted keys),
 * both relative to packages/model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL_DIR = resolve(PACKAGE_ROOT, 'src');
const TARGET = resolve(MODEL_DIR, 'cli-docs.json');

/** Texts of the MailpatService extension operations and of the members only they have. */
const EXTENSION_DOCS = {
  operations: {
    DeleteOpenIdConnectConfiguration:
      "Removes the organization's OpenID Connect provider: its users can no longer sign in to " +
      'the web app with single sign-on. Sessions already signed in are not ended.',
    DescribeOpenIdConnectConfiguration:
      "Returns the organization's OpenID Connect provider (ProviderName, IssuerUrl, ClientId) and " +
      'the RedirectUri to register at the provider. The client secret is never returned.',
    PutOpenIdConnectConfiguration:
      "Sets the organization's OpenID Connect provider, so that its users can sign in to the web " +
      'app with single sign-on (authorization code with PKCE); a user is matched by the verified ' +
      'email claim. Replaces any earlier configuration. Register the RedirectUri that ' +
      'describe-open-id-connect-configuration returns at the provider.',
    CreatePersonalAccessToken:
      'Creates a personal access token for a user and returns its secret. The secret (Token) is ' +
      'shown only in this response; it cannot be retrieved again.',
    ListPersonalAccessTokenEvents:
      'Lists what happened to personal access tokens, oldest first: CREATED, ROTATED, DELETED, ' +
      'USED (a successful mail login) and USE_REFUSED (a login with an expired token, a disabled ' +
      'user or an inactive policy), with the time and the introspection client address.',
    RotatePersonalAccessToken:
      'Replaces the secret and the expiry of a personal access token, keeping its ID. The old ' +
      'secret stops working at once; the new one is shown only in this response.',
  },
  members: {
    'CreatePersonalAccessTokenRequest.OrganizationId': 'The organization of the user.',
    'CreatePersonalAccessTokenRequest.UserId':
      'The user who owns the token: user ID, email address or user name.',
    'CreatePersonalAccessTokenRequest.Name': 'A name for the token, to recognise it by.',
    'CreatePersonalAccessTokenRequest.Scopes':
      'The protocols the token may be used for, e.g. IMAP SMTP (the default).',
    'CreatePersonalAccessTokenRequest.ExpiresInDays':
      "Days until the token expires; default the organization's PAT policy lifetime.",
    'DeleteOpenIdConnectConfigurationRequest.OrganizationId': 'The organization.',
    'DescribeOpenIdConnectConfigurationRequest.OrganizationId': 'The organization.',
    'PutOpenIdConnectConfigurationRequest.OrganizationId': 'The organization.',
    'PutOpenIdConnectConfigurationRequest.ProviderName':
      'The name shown on the sign-in button, "Sign in with <ProviderName>" (1-64 characters).',
    'PutOpenIdConnectConfigurationRequest.IssuerUrl':
      "The provider's issuer identifier, an https URL (http only for 127.0.0.1, ::1 or " +
      'localhost); its /.well-known/openid-configuration is read at sign-in.',
    'PutOpenIdConnectConfigurationRequest.ClientId': 'The client ID mailpat has at the provider.',
    'PutOpenIdConnectConfigurationRequest.ClientSecret':
      'The client secret mailpat has at the provider. It is never returned.',
    'ListPersonalAccessTokenEventsRequest.OrganizationId': 'The organization of the tokens.',
    'ListPersonalAccessTokenEventsRequest.PersonalAccessTokenId':
      'Only the events of this token; all tokens of the organization when omitted.',
    'ListPersonalAccessTokenEventsRequest.NextToken':
      'The token from the previous response to query the next page.',
    'ListPersonalAccessTokenEventsRequest.MaxResults':
      'The maximum number of events to return in one response (1-100, default 100).',
    'RotatePersonalAccessTokenRequest.OrganizationId': 'The organization of the token.',
    'RotatePersonalAccessTokenRequest.PersonalAccessTokenId': 'The ID of the token to rotate.',
    'RotatePersonalAccessTokenRequest.ExpiresInDays':
      "Days until the new secret expires; default the organization's PAT policy lifetime.",
  },
};

/** The model's documentation is small HTML; tags dropped and entities decoded is all --help needs. */
function htmlToText(html) {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

function main(sourcePath) {
  const botocore = JSON.parse(readFileSync(sourcePath, 'utf8'));
  const served = JSON.parse(readFileSync(resolve(MODEL_DIR, 'workmail-model.json'), 'utf8'));
  const operations = { ...EXTENSION_DOCS.operations };
  const members = { ...EXTENSION_DOCS.members };
  const visit = (shapeName, seen) => {
    if (seen.has(shapeName)) return;
    seen.add(shapeName);
    const shape = botocore.shapes[shapeName];
    if (shape.type === 'list') visit(shape.member.shape, seen);
    if (shape.type !== 'structure') return;
    for (const [name, reference] of Object.entries(shape.members)) {
      if (reference.documentation)
        members[`${shapeName}.${name}`] = htmlToText(reference.documentation);
      visit(reference.shape, seen);
    }
  };
  for (const name of Object.keys(served.operations)) {
    const operation = botocore.operations[name];
    operations[name] = htmlToText(operation.documentation ?? '');
    visit(operation.input.shape, new Set());
  }
  const sorted = (record) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const output = { operations: sorted(operations), members: sorted(members) };
  writeFileSync(TARGET, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`wrote ${TARGET}`);
}

main(resolve(process.argv[2] ?? resolve(PACKAGE_ROOT, 'aws-model/service-2.json')));
