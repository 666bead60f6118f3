/**
 * The shape of an import plan: what would be written to the target, and what stops it.
 * @module
 */
import type {
  CreateUserRequest,
  PutIdentityProviderConfigurationRequest,
  UpdateUserRequest,
} from '@mailpat/client';
import type { UserSnapshot } from './import-snapshot.js';

/** CreateUser's members that the import copies (no password: WorkMail cannot export one). */
export interface CreateUserStep {
  kind: 'CreateUser';
  input: Omit<CreateUserRequest, 'OrganizationId' | 'Password'>;
}

/** UpdateUser's members that change. */
export type UserPatch = Partial<Omit<UpdateUserRequest, 'OrganizationId' | 'UserId'>>;

/** UpdateUser's members that differ from the source ('' clears an attribute). */
export interface UpdateUserStep {
  kind: 'UpdateUser';
  patch: UserPatch;
}

/** RegisterToWorkMail with the source's primary address: the user becomes ENABLED. */
export interface RegisterStep {
  kind: 'RegisterToWorkMail';
  email: string;
}

/** One write for one user, in order. */
export type UserStep = CreateUserStep | UpdateUserStep | RegisterStep;

/** What happens to one source user. */
export type UserOutcome = 'create' | 'update' | 'unchanged' | 'conflict' | 'not-imported';

/** The plan for one source user. */
export interface UserPlan {
  source: UserSnapshot;
  outcome: UserOutcome;
  /** The matching target user, when there is one already. */
  targetUserId?: string;
  steps: UserStep[];
  /** Why: the conflict, or why the user is not imported. */
  reason?: string;
}

/** The organization: found in the target, or to be created with the source's domains. */
export interface OrganizationPlan {
  alias: string;
  /** Set when the target already has it. */
  organizationId?: string;
  /** The domains CreateOrganization gets (the target adds `<alias>.awsapps.com` itself). */
  domains: string[];
  interoperabilityEnabled?: boolean;
}

/** Everything the import would do, computed from both sides' current state. */
export interface ImportPlan {
  organization: OrganizationPlan;
  /** The configuration to put, when the target's differs from the source's. */
  identityProvider?: Omit<PutIdentityProviderConfigurationRequest, 'OrganizationId'>;
  users: UserPlan[];
  /** Problems that stop the import whatever --on-conflict says. */
  blockers: string[];
  /** User conflicts: they stop the import unless `--on-conflict skip`. */
  conflicts: string[];
  /** What cannot be copied faithfully, said once. */
  notes: string[];
}

/** True when applying the plan would write anything (conflicting users aside). */
export function planHasWrites(plan: ImportPlan): boolean {
  return (
    plan.organization.organizationId === undefined ||
    plan.identityProvider !== undefined ||
    plan.users.some((user) => user.steps.length > 0)
  );
}
