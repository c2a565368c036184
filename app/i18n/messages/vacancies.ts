/** Strings of the vacancies area. English must have every key (the type checker enforces it). */
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
