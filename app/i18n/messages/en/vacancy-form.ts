/** English strings of vacancy-form.ts: every key of the Chinese catalog (the type checker enforces it). */
import type { zh } from "../vacancy-form";

export const en: Record<keyof typeof zh, string> = {
  "regionPicker.prefecture": "Prefecture",
  "regionPicker.prefecture.hint": "Once chosen, the list below shows only that prefecture's counties.",
  "regionPicker.prefecture.any": "Whole province (any prefecture)",
  "regionPicker.employer.prefecture": "Prefecture of the organization",

  "vacancyForm.new.lead": "Fill in five parts; you may leave out those marked optional. After saving you see a preview, and publish once it is right. Until then job seekers cannot see the vacancy.",
  "vacancyForm.part": "{n}. {title}",
  "vacancyForm.part.basics": "About the job",
  "vacancyForm.part.place": "Place and hours",
  "vacancyForm.part.pay": "Pay and contract",
  "vacancyForm.part.access": "Accommodations",
  "vacancyForm.part.requirements": "Requirements",
  "vacancyForm.access.lead": "Which accommodations can you offer? They are sorted into seven kinds of need: open one and tick what you offer. Job seekers search by these, so say only what is true.",
  "vacancyForm.group.legend": "Accommodations for {group}",
  "vacancyForm.group.selected": "{count} ticked",
  "vacancyForm.demands.summary": "Demands: what the work involves",
  "vacancyForm.saveAndPreview": "Save and preview",
  "vacancyForm.edit.preview": "Preview and publish",

  "vacancyForm.preview.title": "Preview vacancy",
  "vacancyForm.preview.heading": "Preview: {title}",
  "vacancyForm.preview.lead": "This is what job seekers will see. To change a part, choose “Change” beside it.",
  "vacancyForm.preview.card": "What job seekers see in search results",
  "vacancyForm.preview.details": "What the vacancy page says",
  "vacancyForm.preview.change": "Change",
  "vacancyForm.preview.changeWhat": " {part}",
  "vacancyForm.preview.publish": "Publish",
  "vacancyForm.preview.publish.lead": "Once published, job seekers can see the vacancy and apply. You can still change it afterwards.",
  "vacancyForm.preview.back": "Go back and change",
  "vacancyForm.preview.notDraft": "This vacancy has been published. To close or reopen it, go to its edit page.",
  "vacancyForm.preview.yes": "Yes",
  "vacancyForm.preview.no": "No",
  "vacancyForm.preview.none": "Not given",
};
