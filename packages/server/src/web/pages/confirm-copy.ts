/**
 * What Rotate and Revoke do, in the words both the no-JS confirmation page and the list page's
 * dialog use, so the two never drift apart.
 * @module
 */
import type { ConfirmAction } from './paths.js';

/** Texts of one confirmation. */
export interface ConfirmCopy {
  /** The confirm button's name, exactly `Rotate` / `Revoke` (CONTRACT "Web app"). */
  verb: string;
  /** What happens, for someone who does not know what a token is under the hood. */
  explanation: string;
  /** The confirm button's look: revoking cannot be undone. */
  buttonClass: string;
}

/** The copy for each action. */
export const CONFIRM_COPY: Readonly<Record<ConfirmAction, ConfirmCopy>> = {
  rotate: {
    verb: 'Rotate',
    explanation:
      'Rotating gives this token a new secret and a new expiry date, and shows the secret to ' +
      'you once. The current secret ' +
      'stops working at once: enter the new one in every mail app that uses this token.',
    buttonClass: 'button button-primary',
  },
  revoke: {
    verb: 'Revoke',
    explanation:
      'Mail apps that use this token will stop working at once. This cannot be undone; ' +
      'you can create a new token later.',
    buttonClass: 'button button-danger',
  },
};

/** The hint above a re-entered password. */
export const REAUTH_HINT = 'For your security, enter your password again to confirm it is you.';
