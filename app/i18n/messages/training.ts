/** Strings of issue 14 (the plan's programmes): training. Chinese first; en must have every key. */
export const zh = {
  "training.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "training.placeholder": "(placeholder)",
};
