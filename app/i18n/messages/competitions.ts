/** Strings of issue 14 (the plan's programmes): competitions. Chinese first; en must have every key. */
export const zh = {
  "competitions.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "competitions.placeholder": "(placeholder)",
};
