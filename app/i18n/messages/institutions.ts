/** Strings of issue 14 (the plan's programmes): institutions. Chinese first; en must have every key. */
export const zh = {
  "institutions.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "institutions.placeholder": "(placeholder)",
};
