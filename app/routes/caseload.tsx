import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/domain/ids";
import { requireActor } from "~/http/guards.server";

/** "我的服务对象": a counselor's own caseload lives at /caseloads/<their id>. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (actor.role !== "counselor") notFound();
  return redirect(`/caseloads/${actor.id}${new URL(request.url).search}`);
}
