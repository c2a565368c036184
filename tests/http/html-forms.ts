/**
 * The POST forms of a server-rendered page, read from its HTML (for the bad-input suite): each form's action, its
 * fields with the values the page filled in, and its named submit buttons. React's markup is regular (attributes in
 * double quotes, entities escaped), so a small tokenizer is enough; no browser is involved.
 */

export type FieldKind = "text" | "number" | "hidden" | "textarea" | "select" | "radio" | "checkbox" | "password" | "file";

export interface FormField {
  name: string;
  kind: FieldKind;
  /** The value submitted as the page stands (selected option, checked boxes' values, typed text); several for boxes. */
  values: string[];
  /** The choices of a select, radio group or checkbox group. */
  options: string[];
}

export interface PageForm {
  action: string;
  id: string | null;
  fields: FormField[];
  /** Named submit buttons (name, value), `__intent__` list buttons of conform left out. */
  buttons: [string, string][];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1]!.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/([^\s=/"']+)(?:\s*=\s*"([^"]*)")?/g)) map.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? ""));
  return map;
}

const TEXT_TYPES = new Set(["text", "email", "tel", "search", "url"]);
const NUMBER_TYPES = new Set(["number", "date", "datetime-local", "time", "month", "week", "range"]);

/** Every form with method="post" on the page, in document order. */
export function postForms(html: string): PageForm[] {
  const forms: PageForm[] = [];
  let form: (PageForm & { byName: Map<string, FormField>; method: string }) | null = null;
  let select: FormField | null = null;
  const tag = /<(\/?)(form|input|textarea|select|option|button)\b([^>]*)>/gi;
  let m: RegExpExecArray | null;
  const field = (name: string, kind: FieldKind): FormField => {
    let f = form!.byName.get(name);
    if (!f) {
      f = { name, kind, values: [], options: [] };
      form!.byName.set(name, f);
      form!.fields.push(f);
    }
    return f;
  };
  while ((m = tag.exec(html))) {
    const closing = m[1] === "/";
    const name = m[2]!.toLowerCase();
    const attrs = attributes(m[3] ?? "");
    if (name === "form") {
      if (closing) {
        if (form && form.method === "post") forms.push({ action: form.action, id: form.id, fields: form.fields, buttons: form.buttons });
        form = null;
      } else {
        form = {
          action: attrs.get("action") ?? "",
          id: attrs.get("id") ?? null,
          fields: [],
          buttons: [],
          byName: new Map(),
          method: (attrs.get("method") ?? "get").toLowerCase(),
        };
      }
      continue;
    }
    if (!form) continue;
    if (name === "select") {
      if (closing) {
        if (select && select.values.length === 0 && select.options.length) select.values.push(select.options[0]!);
        select = null;
      } else if (attrs.get("name")) {
        select = field(attrs.get("name")!, "select");
      }
      continue;
    }
    if (name === "option" && !closing && select) {
      // An option's value is its attribute (every option in this app has one).
      const value = attrs.get("value") ?? "";
      select.options.push(value);
      if (attrs.has("selected")) select.values.push(value);
      continue;
    }
    if (closing) continue;
    const fieldName = attrs.get("name");
    if (name === "button") {
      const type = (attrs.get("type") ?? "submit").toLowerCase();
      if (type === "submit" && fieldName && !fieldName.startsWith("__")) form.buttons.push([fieldName, attrs.get("value") ?? ""]);
      continue;
    }
    if (!fieldName || attrs.has("disabled")) continue;
    if (name === "textarea") {
      const end = html.indexOf("</textarea>", tag.lastIndex);
      const content = decodeEntities(html.slice(tag.lastIndex, end).replace(/^\n/, ""));
      field(fieldName, "textarea").values.push(content);
      tag.lastIndex = end;
      continue;
    }
    const type = (attrs.get("type") ?? "text").toLowerCase();
    const value = attrs.get("value") ?? "";
    if (type === "submit" || type === "image") {
      if (!fieldName.startsWith("__")) form.buttons.push([fieldName, value]);
    } else if (type === "checkbox" || type === "radio") {
      const f = field(fieldName, type);
      f.options.push(value || "on");
      if (attrs.has("checked")) f.values.push(value || "on");
    } else if (type === "hidden") {
      field(fieldName, "hidden").values.push(value);
    } else if (type === "password") {
      field(fieldName, "password").values.push(value);
    } else if (type === "file") {
      field(fieldName, "file");
    } else {
      field(fieldName, NUMBER_TYPES.has(type) ? "number" : TEXT_TYPES.has(type) ? "text" : "text").values.push(value);
    }
  }
  return forms;
}
