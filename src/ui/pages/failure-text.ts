/** The wording of a failure page: what happened, in plain words, and what to do about it. */
export interface FailureText {
  title: string;
  what: string;
  todo: string;
}

/** The usual way out of a failed session. */
export const RELAUNCH = 'Close this window and open the app again from the patient’s chart in the EHR (or from the test launcher).';
