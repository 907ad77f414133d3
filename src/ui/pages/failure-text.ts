/** The wording of a failure page: what happened, in plain words, and what to do about it. */
export interface FailureText {
  title: string;
  what: string;
  todo: string;
  /**
   * When set, the server's own description (error_description) is the key to the failure and is shown on the page
   * itself under this heading, not only in the technical details (issue 12 item 1: invalid_request).
   */
  serverSays?: string;
}

/** The usual way out of a failed session. */
export const RELAUNCH =
  'Close this window and open the app again from the patient’s chart in the EHR (or from the test launcher).';
