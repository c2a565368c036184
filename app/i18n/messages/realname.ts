/** Strings of issue 13 (the federation's plan): realname. Chinese first; en must have every key. */
export const zh = {
  "realname.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "realname.placeholder": "(placeholder)",
};
