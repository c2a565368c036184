import { Icon, type AnyIconName } from "~/components/icon";

/** Every icon of icon.tsx, the easy-read pictures included (one table there, one stylesheet). */
export type EasyIconName = AnyIconName;

/** A decorative picture beside words, never alone (aria-hidden); sized with the text unless a class says otherwise. */
export function EasyIcon({ name, className }: { name: EasyIconName; className?: string }) {
  return <Icon name={name} className={className ?? "easy-icon"} />;
}
