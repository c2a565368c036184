import type { MetaFunction } from "@remix-run/node";

// Any address no other route takes is a localized 404 (rendered by the root error boundary).
export const meta: MetaFunction = () => [];

export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
