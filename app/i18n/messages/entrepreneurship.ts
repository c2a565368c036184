/** Strings of issue 14 (the plan's programmes): entrepreneurship. Chinese first; en must have every key. */
export const zh = {
  "entrepreneurship.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "entrepreneurship.placeholder": "(placeholder)",
};
