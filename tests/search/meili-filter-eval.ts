/**
 * A small evaluator of Meilisearch filter expressions over plain documents, for tests: it parses what filters.ts
 * writes (and refuses anything else) and applies Meilisearch's documented semantics, so the translation can be
 * compared with the Postgres engine's SQL on the same documents without a Meilisearch server.
 *
 * Semantics modelled (https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference):
 *  - `a = v` on an array is true when any element equals v; on a boolean, v is `true`/`false`;
 *  - `a IN [x, y]` is true when any element equals one of them;
 *  - `a >= n` (and >, <=, <) compares numbers only;
 *  - `NOT e` is the complement of e (documents without the attribute included);
 *  - AND binds tighter than OR; parentheses group.
 * The parser is strict: an empty `IN []`, an unbalanced parenthesis or a dangling operator is an error, as it would
 * be (or might be) for Meilisearch.
 */

type Token = { kind: "word"; value: string } | { kind: "string"; value: string } | { kind: "punct"; value: string };

type Node =
  | { op: "and" | "or"; parts: Node[] }
  | { op: "not"; part: Node }
  | { op: "cmp"; attr: string; cmp: "=" | "!=" | ">=" | "<=" | ">" | "<"; value: string }
  | { op: "in"; attr: string; values: string[] };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === " ") {
      i++;
    } else if (c === '"') {
      // Meilisearch unescapes only \" inside quotes; any other backslash stays literally.
      let value = "";
      i++;
      for (;;) {
        if (i >= input.length) throw new SyntaxError(`unterminated string in ${input}`);
        const d = input[i]!;
        if (d === "\\" && input[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (d === "\\") {
          if (i + 1 >= input.length) throw new SyntaxError("dangling backslash");
          value += d + input[i + 1]!;
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: "string", value });
    } else if ("()[],".includes(c)) {
      tokens.push({ kind: "punct", value: c });
      i++;
    } else if (c === ">" || c === "<" || c === "!" || c === "=") {
      const two = input.slice(i, i + 2);
      if (two === ">=" || two === "<=" || two === "!=") {
        tokens.push({ kind: "punct", value: two });
        i += 2;
      } else if (c === "!") {
        throw new SyntaxError("lone !");
      } else {
        tokens.push({ kind: "punct", value: c });
        i++;
      }
    } else {
      const m = /^[A-Za-z0-9_.\-]+/.exec(input.slice(i));
      if (!m) throw new SyntaxError(`unexpected ${JSON.stringify(c)} at ${i} in ${input}`);
      tokens.push({ kind: "word", value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseFilter(input: string): Node {
  const tokens = tokenize(input);
  let p = 0;
  const peek = () => tokens[p];
  const isWord = (w: string) => peek()?.kind === "word" && peek()!.value === w;
  const isPunct = (v: string) => peek()?.kind === "punct" && peek()!.value === v;
  const expect = (v: string) => {
    if (!isPunct(v)) throw new SyntaxError(`expected ${v} at token ${p} in ${input}`);
    p++;
  };
  const value = (): string => {
    const t = peek();
    if (!t || t.kind === "punct") throw new SyntaxError(`expected a value at token ${p} in ${input}`);
    p++;
    return t.value;
  };

  function or(): Node {
    const parts = [and()];
    while (isWord("OR")) {
      p++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : { op: "or", parts };
  }
  function and(): Node {
    const parts = [not()];
    while (isWord("AND")) {
      p++;
      parts.push(not());
    }
    return parts.length === 1 ? parts[0]! : { op: "and", parts };
  }
  function not(): Node {
    if (isWord("NOT")) {
      p++;
      return { op: "not", part: not() };
    }
    return primary();
  }
  function primary(): Node {
    if (isPunct("(")) {
      p++;
      const inner = or();
      expect(")");
      return inner;
    }
    const attr = peek();
    if (attr?.kind !== "word") throw new SyntaxError(`expected an attribute at token ${p} in ${input}`);
    p++;
    if (isWord("IN")) {
      p++;
      expect("[");
      const values = [value()];
      while (isPunct(",")) {
        p++;
        values.push(value());
      }
      expect("]");
      return { op: "in", attr: attr.value, values };
    }
    const op = peek();
    if (op?.kind !== "punct" || !["=", "!=", ">=", "<=", ">", "<"].includes(op.value)) throw new SyntaxError(`expected an operator at token ${p} in ${input}`);
    p++;
    return { op: "cmp", attr: attr.value, cmp: op.value as "=", value: value() };
  }

  const node = or();
  if (p !== tokens.length) throw new SyntaxError(`trailing tokens from ${p} in ${input}`);
  return node;
}

type Doc = object;

function valuesOf(doc: Doc, attr: string): unknown[] {
  const v = (doc as Record<string, unknown>)[attr];
  if (v == null) return [];
  return Array.isArray(v) ? v : [v];
}

function equals(x: unknown, v: string): boolean {
  if (typeof x === "boolean") return String(x) === v.toLowerCase();
  if (typeof x === "number") return v.trim() !== "" && Number(v) === x;
  return typeof x === "string" && x.toLowerCase() === v.toLowerCase();
}

function evaluate(node: Node, doc: Doc): boolean {
  switch (node.op) {
    case "and":
      return node.parts.every((n) => evaluate(n, doc));
    case "or":
      return node.parts.some((n) => evaluate(n, doc));
    case "not":
      return !evaluate(node.part, doc);
    case "in":
      return valuesOf(doc, node.attr).some((x) => node.values.some((v) => equals(x, v)));
    case "cmp": {
      const xs = valuesOf(doc, node.attr);
      if (node.cmp === "=") return xs.some((x) => equals(x, node.value));
      if (node.cmp === "!=") return !xs.some((x) => equals(x, node.value));
      const n = Number(node.value);
      if (!Number.isFinite(n)) throw new SyntaxError(`not a number: ${node.value}`);
      return xs.some((x) => typeof x === "number" && (node.cmp === ">=" ? x >= n : node.cmp === "<=" ? x <= n : node.cmp === ">" ? x > n : x < n));
    }
  }
}

/** The documents a filter keeps, as Meilisearch would keep them. */
export function applyFilter<D extends Doc>(filter: string, docs: readonly D[]): D[] {
  const node = parseFilter(filter);
  return docs.filter((d) => evaluate(node, d));
}
