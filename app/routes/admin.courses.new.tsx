import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { CourseForm } from "~/components/training/course-form";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { courseSchema } from "~/domain/training/courses.schema";
import { createCourse, listTrainingBases } from "~/domain/training/courses.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "training.admin.new.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:course", { regionCode: actor.regionCode });
  const db = await getDb();
  return { divisions: await listDivisionsWithin(db, actor.regionCode!), providers: await listTrainingBases(db, actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:course", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: courseSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await createCourse(await getDb(), actor, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/courses/${result.value.courseId}?done=created`);
}

export default function NewCourse() {
  const { t } = useI18n();
  const { divisions, providers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/admin/courses">{t("training.admin.back")}</Link>
      </p>
      <h1 className="page-title">{t("training.admin.new.title")}</h1>
      <p className="lead">{t("training.admin.new.lead")}</p>
      <CourseForm
        id="course"
        lastResult={lastResult}
        divisions={divisions}
        providers={providers}
        defaultValue={{ mode: "in_person", subsidyPerTrainee: "0" }}
        submitLabel={t("training.admin.new.submit")}
      />
    </div>
  );
}
