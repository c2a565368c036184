/** Strings of issue 13 (the federation's plan): employment-records. Chinese first; en must have every key. */
export const zh = {
  "employment.placeholder": "（占位）",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "employment.placeholder": "(placeholder)",
};
