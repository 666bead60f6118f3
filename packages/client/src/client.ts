/**
 * WorkMailClient: configuration, the retrying `send`, one method per operation.
 * @module
 */
import type { Agent } from 'node:http';
import type { HttpRequest } from '@smithy/protocol-http';
import type { SignatureV4 } from '@smithy/signature-v4';
import { resolveClientConfig } from './config/client-config.js';
import type { ResolvedClientConfig, WorkMailClientConfig } from './config/client-config.js';
import { OPERATIONS } from './model/operations.js';
import { getPaginator } from './pagination/get-paginator.js';
import type { PaginatorName } from './pagination/paginator-configs.js';
import type { OperationMap, OperationName } from './model/operations.js';
import { buildRequest } from './protocol/build-request.js';
import { isClockSkewErrorCode, updateClockOffset } from './protocol/clock-skew.js';
import { createAgent } from './protocol/create-agent.js';
import { createSigner } from './protocol/create-signer.js';
import { decodeError } from './protocol/decode-error.js';
import type { HttpResponse } from './protocol/http-response.js';
import { parseOutput } from './protocol/parse-output.js';
import { readResponseMetadata } from './protocol/response-metadata.js';
import { sendHttpRequest } from './protocol/send-http-request.js';
import { serializeInput } from './protocol/serialize-input.js';
import type * as T from './types/index.js';
import type { MetadataBearer } from './types/metadata.js';

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the call, including pending retries; the rejection is the signal's reason. */
  abortSignal?: AbortSignal;
}

/** What `send(operation, ...)` resolves with. */
export type OperationOutput<K extends OperationName> = OperationMap[K]['output'] & MetadataBearer;

/**
 * A client for the WorkMail API as mailpat serves it (AWS JSON 1.1, SigV4), plus mailpat's
 * token extensions. Failed attempts are retried as the retry strategy decides.
 *
 * @example
 * ```ts
 * const client = new WorkMailClient({ endpoint: 'http://127.0.0.1:8080' });
 * const { PersonalAccessTokenSummaries } = await client.listPersonalAccessTokens({
 *   OrganizationId: 'm-0123456789abcdef0123456789abcdef',
 * });
 * ```
 */
export class WorkMailClient {
  /** The configuration with defaults applied; `systemClockOffset` follows the server's clock. */
  readonly config: ResolvedClientConfig;
  readonly #signer: SignatureV4;
  readonly #agent: Agent;

  constructor(config: WorkMailClientConfig) {
    this.config = resolveClientConfig(config);
    this.#signer = createSigner(this.config.credentials, this.config.region);
    this.#agent = createAgent(this.config.endpoint.protocol);
  }

  /**
   * Closes the client's keep-alive connections, as the AWS SDK's `destroy()` does; calls in
   * flight fail. Optional: idle connections never keep the process alive, and a later call
   * simply opens a new one.
   */
  destroy(): void {
    this.#agent.destroy();
  }

  /** Calls an operation by its AWS name; the camelCase methods are shorthands for this. */
  async send<K extends OperationName>(
    operation: K,
    input: OperationMap[K]['input'],
    options: RequestOptions = {},
  ): Promise<OperationOutput<K>> {
    const descriptor = OPERATIONS[operation];
    const body = serializeInput(descriptor, input);
    const request = buildRequest(this.config.endpoint, descriptor.target, body);
    const strategy = this.config.retryStrategy;
    let totalRetryDelay = 0;
    for (let attempts = 1; ; attempts++) {
      try {
        const response = await this.#attempt(request, options);
        const output = parseOutput(response);
        // Set on the parsed object rather than spread into a copy of it.
        output.$metadata = { ...readResponseMetadata(response), attempts, totalRetryDelay };
        return output as unknown as OperationOutput<K>;
      } catch (error) {
        recordAttempts(error, attempts, totalRetryDelay);
        if (options.abortSignal?.aborted || !strategy.shouldRetry(error, attempts)) throw error;
        const delay = strategy.computeDelay(attempts);
        await strategy.sleep(delay);
        totalRetryDelay += delay;
      }
    }
  }

  /** Signs (at the corrected clock) and sends once; resolves with a 2xx, else throws. */
  async #attempt(request: HttpRequest, options: RequestOptions): Promise<HttpResponse> {
    options.abortSignal?.throwIfAborted();
    const signingDate = new Date(Date.now() + this.config.systemClockOffset);
    const signed = await this.#signer.sign(request, { signingDate });
    const response = await sendHttpRequest(signed as HttpRequest, {
      timeoutMs: this.config.timeoutMs,
      abortSignal: options.abortSignal,
      agent: this.#agent,
    });
    if (response.statusCode >= 200 && response.statusCode < 300) return response;
    const error = decodeError(response);
    if (isClockSkewErrorCode(error.name)) {
      const previous = this.config.systemClockOffset;
      this.config.systemClockOffset = updateClockOffset(response.headers.get('date'), previous);
      if (this.config.systemClockOffset !== previous) error.$metadata.clockSkewCorrected = true;
    }
    throw error;
  }

  /** Creates a new WorkMail organization. */
  createOrganization(
    input: T.CreateOrganizationRequest,
    options?: RequestOptions,
  ): Promise<T.CreateOrganizationCommandOutput> {
    return this.send('CreateOrganization', input, options);
  }

  /** Describes an organization. */
  describeOrganization(
    input: T.DescribeOrganizationRequest,
    options?: RequestOptions,
  ): Promise<T.DescribeOrganizationCommandOutput> {
    return this.send('DescribeOrganization', input, options);
  }

  /** Returns a page of the caller's organizations. */
  listOrganizations(
    input: T.ListOrganizationsRequest = {},
    options?: RequestOptions,
  ): Promise<T.ListOrganizationsCommandOutput> {
    return this.send('ListOrganizations', input, options);
  }

  /** Deletes an organization. */
  deleteOrganization(
    input: T.DeleteOrganizationRequest,
    options?: RequestOptions,
  ): Promise<T.DeleteOrganizationCommandOutput> {
    return this.send('DeleteOrganization', input, options);
  }

  /** Returns a page of the organization's mail domains. */
  listMailDomains(
    input: T.ListMailDomainsRequest,
    options?: RequestOptions,
  ): Promise<T.ListMailDomainsCommandOutput> {
    return this.send('ListMailDomains', input, options);
  }

  /** Describes one of the organization's mail domains. */
  getMailDomain(
    input: T.GetMailDomainRequest,
    options?: RequestOptions,
  ): Promise<T.GetMailDomainCommandOutput> {
    return this.send('GetMailDomain', input, options);
  }

  /** Creates a (disabled) user; RegisterToWorkMail enables it. */
  createUser(
    input: T.CreateUserRequest,
    options?: RequestOptions,
  ): Promise<T.CreateUserCommandOutput> {
    return this.send('CreateUser', input, options);
  }

  /** Describes a user. */
  describeUser(
    input: T.DescribeUserRequest,
    options?: RequestOptions,
  ): Promise<T.DescribeUserCommandOutput> {
    return this.send('DescribeUser', input, options);
  }

  /** Returns a page of the organization's users. */
  listUsers(
    input: T.ListUsersRequest,
    options?: RequestOptions,
  ): Promise<T.ListUsersCommandOutput> {
    return this.send('ListUsers', input, options);
  }

  /** Updates a user's attributes. */
  updateUser(
    input: T.UpdateUserRequest,
    options?: RequestOptions,
  ): Promise<T.UpdateUserCommandOutput> {
    return this.send('UpdateUser', input, options);
  }

  /** Deletes a user (and its tokens). */
  deleteUser(
    input: T.DeleteUserRequest,
    options?: RequestOptions,
  ): Promise<T.DeleteUserCommandOutput> {
    return this.send('DeleteUser', input, options);
  }

  /** Enables a user for WorkMail with a primary email address. */
  registerToWorkMail(
    input: T.RegisterToWorkMailRequest,
    options?: RequestOptions,
  ): Promise<T.RegisterToWorkMailCommandOutput> {
    return this.send('RegisterToWorkMail', input, options);
  }

  /** Disables a user for WorkMail. */
  deregisterFromWorkMail(
    input: T.DeregisterFromWorkMailRequest,
    options?: RequestOptions,
  ): Promise<T.DeregisterFromWorkMailCommandOutput> {
    return this.send('DeregisterFromWorkMail', input, options);
  }

  /** Sets a user's password. */
  resetPassword(
    input: T.ResetPasswordRequest,
    options?: RequestOptions,
  ): Promise<T.ResetPasswordCommandOutput> {
    return this.send('ResetPassword', input, options);
  }

  /** Sets the identity provider configuration, including the PAT policy. */
  putIdentityProviderConfiguration(
    input: T.PutIdentityProviderConfigurationRequest,
    options?: RequestOptions,
  ): Promise<T.PutIdentityProviderConfigurationCommandOutput> {
    return this.send('PutIdentityProviderConfiguration', input, options);
  }

  /** Returns the identity provider configuration, including the PAT policy. */
  describeIdentityProviderConfiguration(
    input: T.DescribeIdentityProviderConfigurationRequest,
    options?: RequestOptions,
  ): Promise<T.DescribeIdentityProviderConfigurationCommandOutput> {
    return this.send('DescribeIdentityProviderConfiguration', input, options);
  }

  /** Removes the identity provider configuration, including the PAT policy. */
  deleteIdentityProviderConfiguration(
    input: T.DeleteIdentityProviderConfigurationRequest,
    options?: RequestOptions,
  ): Promise<T.DeleteIdentityProviderConfigurationCommandOutput> {
    return this.send('DeleteIdentityProviderConfiguration', input, options);
  }

  /** Returns a page of personal access token summaries, oldest first. */
  listPersonalAccessTokens(
    input: T.ListPersonalAccessTokensRequest,
    options?: RequestOptions,
  ): Promise<T.ListPersonalAccessTokensCommandOutput> {
    return this.send('ListPersonalAccessTokens', input, options);
  }

  /** Returns one token's metadata (never its secret). */
  getPersonalAccessTokenMetadata(
    input: T.GetPersonalAccessTokenMetadataRequest,
    options?: RequestOptions,
  ): Promise<T.GetPersonalAccessTokenMetadataCommandOutput> {
    return this.send('GetPersonalAccessTokenMetadata', input, options);
  }

  /** Deletes a token; it stops working at once. */
  deletePersonalAccessToken(
    input: T.DeletePersonalAccessTokenRequest,
    options?: RequestOptions,
  ): Promise<T.DeletePersonalAccessTokenCommandOutput> {
    return this.send('DeletePersonalAccessToken', input, options);
  }

  /** mailpat extension: creates a token and returns its secret `Token`, shown only here. */
  createPersonalAccessToken(
    input: T.CreatePersonalAccessTokenRequest,
    options?: RequestOptions,
  ): Promise<T.CreatePersonalAccessTokenCommandOutput> {
    return this.send('CreatePersonalAccessToken', input, options);
  }

  /** mailpat extension: issues a new secret for a token; the old one stops working at once. */
  rotatePersonalAccessToken(
    input: T.RotatePersonalAccessTokenRequest,
    options?: RequestOptions,
  ): Promise<T.RotatePersonalAccessTokenCommandOutput> {
    return this.send('RotatePersonalAccessToken', input, options);
  }

  /** mailpat extension: token events (created, rotated, deleted, used, refused), oldest first. */
  listPersonalAccessTokenEvents(
    input: T.ListPersonalAccessTokenEventsRequest,
    options?: RequestOptions,
  ): Promise<T.ListPersonalAccessTokenEventsCommandOutput> {
    return this.send('ListPersonalAccessTokenEvents', input, options);
  }

  /** mailpat extension: sets the organization's OpenID Connect provider for web sign-in. */
  putOpenIdConnectConfiguration(
    input: T.PutOpenIdConnectConfigurationRequest,
    options?: RequestOptions,
  ): Promise<T.PutOpenIdConnectConfigurationCommandOutput> {
    return this.send('PutOpenIdConnectConfiguration', input, options);
  }

  /** mailpat extension: the organization's OpenID Connect provider, never its client secret. */
  describeOpenIdConnectConfiguration(
    input: T.DescribeOpenIdConnectConfigurationRequest,
    options?: RequestOptions,
  ): Promise<T.DescribeOpenIdConnectConfigurationCommandOutput> {
    return this.send('DescribeOpenIdConnectConfiguration', input, options);
  }

  /** mailpat extension: removes the organization's OpenID Connect provider. */
  deleteOpenIdConnectConfiguration(
    input: T.DeleteOpenIdConnectConfigurationRequest,
    options?: RequestOptions,
  ): Promise<T.DeleteOpenIdConnectConfigurationCommandOutput> {
    return this.send('DeleteOpenIdConnectConfiguration', input, options);
  }

  /**
   * A boto3-style paginator, by snake_case or operation name.
   * @example
   * const pages = client.getPaginator('list_personal_access_tokens').paginate({
   *   OrganizationId, PaginationConfig: { MaxItems: 50, PageSize: 10 },
   * });
   * for await (const page of pages) console.log(page.PersonalAccessTokenSummaries);
   * console.log(pages.resumeToken); // continues in boto3, the aws CLI or here
   */
  getPaginator<N extends PaginatorName>(name: N) {
    return getPaginator(this, name);
  }
}

/** Errors that carry `$metadata` learn how many attempts were made and how long was waited. */
function recordAttempts(error: unknown, attempts: number, totalRetryDelay: number): void {
  const metadata = (error as { $metadata?: unknown } | null)?.$metadata;
  if (typeof metadata === 'object' && metadata !== null) {
    Object.assign(metadata, { attempts, totalRetryDelay });
  }
}
