/** Strings of the quota area (issue 5). English must have every key (the type checker enforces it). */
export const zh = {
  "nav.quota.placeholder": "",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "nav.quota.placeholder": "",
};
