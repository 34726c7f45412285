import type { Context } from "hono";
import type { z } from "zod";
import { badRequest, invalidJson } from "../errors.ts";

/** Parses the JSON body against a shared zod schema: `invalid_json` or `bad_request` naming the fields. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw invalidJson();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw badRequest(`invalid request body (${fields})`);
  }
  return parsed.data;
}

/** Parses the query string against a shared zod schema: `bad_request` naming the parameters. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const params = parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ");
    throw badRequest(`invalid query (${params})`);
  }
  return parsed.data;
}
