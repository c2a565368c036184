import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";

/** Answers a failed submission with 400 and the errors (message keys) at their fields; "" is the form. */
export function replyWithErrors<T>(submission: Submission<T>, fieldErrors: Record<string, string[]>, hideFields?: string[]) {
  const { "": formErrors, ...rest } = fieldErrors;
  return data(submission.reply({ formErrors, fieldErrors: rest, hideFields }), { status: 400 });
}

/** Answers a submission that failed schema validation. */
export function replyInvalid<T>(submission: Submission<T>, hideFields?: string[]) {
  return data(submission.reply({ hideFields }), { status: 400 });
}
