import type { ReactNode } from "react";
import { Icon, type ExtraIconName } from "~/components/icon";
import type { IconName } from "~/domain/catalog";

/** A few more pictures the easy-read pages put beside their words (drawn like icon.tsx's, on the same 24×24 grid). */
type EasyOnly = "search" | "building" | "pen" | "person" | "phone" | "back" | "ticket" | "list";
export type EasyIconName = IconName | ExtraIconName | EasyOnly;

const PATHS: Record<EasyOnly, ReactNode> = {
  search: (
    <>
      <circle cx="10" cy="10" r="6" />
      <path d="M15 15l6 6" />
    </>
  ),
  building: (
    <>
      <path d="M4 21V4h10v17" />
      <path d="M14 9h6v12" />
      <path d="M2 21h20" />
      <path d="M7 8h4M7 12h4M7 16h4M17 13h1M17 17h1" />
    </>
  ),
  pen: (
    <>
      <path d="M4 20l1-5L16 4l4 4L9 19z" />
      <path d="M13.5 6.5l4 4" />
    </>
  ),
  person: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </>
  ),
  phone: <path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z" />,
  back: <path d="M19 12H5M11 6l-6 6 6 6" />,
  ticket: (
    <>
      <path d="M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z" />
      <path d="M14 7v10" strokeDasharray="2 2" />
    </>
  ),
  list: <path d="M8 6h13M8 12h13M8 18h13M3 6h1M3 12h1M3 18h1" />,
};

/** A decorative picture beside words, never alone (aria-hidden); sized with the text unless a class says otherwise. */
export function EasyIcon({ name, className }: { name: EasyIconName; className?: string }) {
  const cls = className ?? "easy-icon";
  if (!(name in PATHS)) return <Icon name={name as IconName | ExtraIconName} className={cls} />;
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={cls}
    >
      {PATHS[name as EasyOnly]}
    </svg>
  );
}
