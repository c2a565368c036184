import { useI18n } from "~/i18n/use-i18n";

interface Explained {
  payable: string;
  fullLevy: string;
  requiredCount: string;
  countedDisabled: string;
  shortfall: string;
  tierFactor: number | null;
  exemptReason: string | null;
  ruleSet: { name: { zh: string; en: string } };
  explanation: { zh: string; en: string }[];
}

/** A levy result in words: the figures, then each step of the calculation (design §6: every result explains itself). */
export function LevyExplanation({ result, headingLevel = 2 }: { result: Explained; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const H = headingLevel === 2 ? "h2" : "h3";
  const pick = (b: { zh: string; en: string }) => (locale === "en" ? b.en : b.zh);
  return (
    <section className="card mb-6" aria-labelledby="levy-result-title">
      <H id="levy-result-title" className="section-title">
        {t("declarations.result.title")}
      </H>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("declarations.result.payable")}</dt>
        <dd className="text-xl font-bold">¥{result.payable}</dd>
        <dt className="font-bold">{t("declarations.result.fullLevy")}</dt>
        <dd>¥{result.fullLevy}</dd>
        <dt className="font-bold">{t("declarations.result.required")}</dt>
        <dd>{result.requiredCount}</dd>
        <dt className="font-bold">{t("declarations.result.counted")}</dt>
        <dd>{result.countedDisabled}</dd>
        <dt className="font-bold">{t("declarations.result.shortfall")}</dt>
        <dd>{result.shortfall}</dd>
        <dt className="font-bold">{t("declarations.result.ruleSet")}</dt>
        <dd>{pick(result.ruleSet.name)}</dd>
      </dl>
      <h3 className="mt-4 font-bold">{t("declarations.result.steps")}</h3>
      <ol className="ml-6 list-decimal">
        {result.explanation.map((step, i) => (
          <li key={i}>{pick(step)}</li>
        ))}
      </ol>
    </section>
  );
}
