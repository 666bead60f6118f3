/**
 * Plans one source user against the target's users: create, update, register, leave alone,
 * or a conflict (the name or the address is someone else's in the target).
 * @module
 */
import type { UserSnapshot } from './import-snapshot.js';
import { USER_ATTRIBUTES } from '@mailpat/model';
import type { CreateUserStep, UserPatch, UserPlan, UserStep } from './import-plan.js';

/** The target's users by lowercased name and address (both are case-insensitive). */
export interface TargetUserIndex {
  byName: Map<string, UserSnapshot>;
  byEmail: Map<string, UserSnapshot>;
}

/** Indexes the target's live users. */
export function indexTargetUsers(users: readonly UserSnapshot[]): TargetUserIndex {
  const byName = new Map<string, UserSnapshot>();
  const byEmail = new Map<string, UserSnapshot>();
  for (const user of users) {
    byName.set(user.name.toLowerCase(), user);
    if (user.email) byEmail.set(user.email.toLowerCase(), user);
  }
  return { byName, byEmail };
}

/** The plan for `source` given the target's users. */
export function planUser(source: UserSnapshot, target: TargetUserIndex): UserPlan {
  if (source.state === 'DELETED') {
    return { source, outcome: 'not-imported', steps: [], reason: 'deleted in the source' };
  }
  // mailpat keeps an address only on ENABLED users (DeregisterFromWorkMail releases it).
  const email = source.state === 'ENABLED' ? source.email?.toLowerCase() : undefined;
  const match = target.byName.get(source.name.toLowerCase());
  const holder = email === undefined ? undefined : target.byEmail.get(email);
  if (holder && holder.id !== match?.id) {
    const reason = `the address ${email} belongs to the target's user ${holder.name}`;
    return { source, outcome: 'conflict', targetUserId: match?.id, steps: [], reason };
  }
  if (!match) return { source, outcome: 'create', steps: creationSteps(source, email) };
  const matchEmail = match.email?.toLowerCase();
  if (matchEmail !== undefined && matchEmail !== email) {
    const has = email === undefined ? 'no address' : `the address ${email}`;
    const reason = `the target's user ${match.name} has the address ${matchEmail}; the source's has ${has}`;
    return { source, outcome: 'conflict', targetUserId: match.id, steps: [], reason };
  }
  const steps: UserStep[] = [];
  const patch = userPatch(source, match);
  if (Object.keys(patch).length > 0) steps.push({ kind: 'UpdateUser', patch });
  if (email !== undefined && matchEmail === undefined) {
    steps.push({ kind: 'RegisterToWorkMail', email });
  }
  const outcome = steps.length === 0 ? 'unchanged' : 'update';
  return { source, outcome, targetUserId: match.id, steps };
}

/** CreateUser, UpdateUser for what CreateUser cannot set, RegisterToWorkMail if ENABLED. */
function creationSteps(source: UserSnapshot, email: string | undefined): UserStep[] {
  const create: CreateUserStep = {
    kind: 'CreateUser',
    input: dropUndefined({
      Name: source.name,
      DisplayName: source.displayName ?? '',
      Role: source.role,
      FirstName: source.attributes.FirstName,
      LastName: source.attributes.LastName,
      HiddenFromGlobalAddressList: source.hiddenFromGlobalAddressList,
      IdentityProviderUserId: source.attributes.IdentityProviderUserId,
    }),
  };
  const created: UserSnapshot = {
    id: '',
    name: source.name,
    state: 'DISABLED',
    displayName: create.input.DisplayName,
    role: source.role,
    hiddenFromGlobalAddressList: source.hiddenFromGlobalAddressList,
    attributes: dropUndefined({
      FirstName: source.attributes.FirstName,
      LastName: source.attributes.LastName,
      IdentityProviderUserId: source.attributes.IdentityProviderUserId,
    }),
  };
  const steps: UserStep[] = [create];
  const patch = userPatch(source, created);
  if (Object.keys(patch).length > 0) steps.push({ kind: 'UpdateUser', patch });
  if (email !== undefined) steps.push({ kind: 'RegisterToWorkMail', email });
  return steps;
}

/** The UpdateUser members that make `target` look like `source` (absent and '' are equal). */
export function userPatch(source: UserSnapshot, target: UserSnapshot): UserPatch {
  const patch: UserPatch = {};
  if ((source.displayName ?? '') !== (target.displayName ?? '')) {
    patch.DisplayName = source.displayName ?? '';
  }
  if (source.role !== undefined && source.role !== target.role) patch.Role = source.role;
  const hidden = source.hiddenFromGlobalAddressList ?? false;
  if (hidden !== (target.hiddenFromGlobalAddressList ?? false)) {
    patch.HiddenFromGlobalAddressList = hidden;
  }
  for (const name of USER_ATTRIBUTES) {
    const value = source.attributes[name] ?? '';
    if (value !== (target.attributes[name] ?? '')) patch[name] = value;
  }
  return patch;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
