/** English strings of account-ux.ts: every key of the Chinese catalog (the type checker enforces it). */
import type { zh } from "../account-ux";

export const en: Record<keyof typeof zh, string> = {
  "accountUx.privacy.title": "How we use your information",
  "accountUx.privacy.collect":
    "What we collect: whether you are a job seeker or an employer, your mobile number or email address, and your password. The password is stored only in encrypted form; nobody can read it.",
  "accountUx.privacy.why": "Why: so that you can sign in to Qiancheng, and so that staff handling your case can contact you.",
  "accountUx.privacy.who":
    "Who sees it: you; staff of the disabled persons' federation and employment services, when they handle your case; for recruiters, other members of the same employer. An employer sees a job seeker's contact details only if the seeker chooses to share them when applying.",
  "accountUx.privacy.sensitive": "We do not ask about disability or other sensitive information when you register; if you add it later, we ask for your separate consent.",
  "accountUx.privacy.link": "Read the full privacy notice",
};
