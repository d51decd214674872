import { Unauthenticated } from "@/lib/errors";

/** A session opened with a one-time password: pages send it to /account/password, actions refuse with this message. */
export class PasswordChangeRequired extends Unauthenticated {
  constructor() {
    super("Choose a new password first: your one-time password only opens the change-password page.");
  }
}
