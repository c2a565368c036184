/** Strings of issue 13 (the federation's plan): statistics. Chinese first; en must have every key. */
export const zh = {
  "statistics.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "statistics.placeholder": "(placeholder)",
};
