import { strFromU8, strToU8, unzipSync } from "fflate";
import { zipDeterministic } from "../zipDeterministic.ts";
import { rewriteXml } from "./xmlRewrite.ts";

/** The library's own relationship ids are "rId<n>"; any other (its hyperlinks' nanoids) is random. */
const isCounted = (id: string) => /^rId\d+$/.test(id);

/** Relationship ids in every .rels part that the library made random, in order of appearance. */
function randomRelationshipIds(parts: Record<string, Uint8Array>): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [name, bytes] of Object.entries(parts)) {
    if (!name.endsWith(".rels")) continue;
    rewriteXml(strFromU8(bytes), {
      attribute: (element, attribute, value) => {
        if (element === "Relationship" && attribute === "Id" && !isCounted(value) && !renamed.has(value))
          renamed.set(value, `rIdLink${renamed.size + 1}`);
        return value;
      },
    });
  }
  return renamed;
}

/**
 * U+FFFE and U+FFFF: no XML characters (XML 1.0, production Char), so not in any part a
 * parser reads, yet the docx library passes them from a text or a comment. They cannot
 * occur as markup, so replacing each with U+FFFD (one UTF-16 unit, as they are) is exact.
 */
const NON_XML = /[\uFFFE\uFFFF]/g;

/**
 * The docx library stamps docProps/core.xml (created, modified) and every zip entry with
 * the current time, and gives each hyperlink a random relationship id, with no option to
 * set either. The parts are rewritten with an XML parser and serializer (`rewriteXml`): the
 * dates become `date`, the random ids "rIdLink1", … in order of appearance (in the .rels
 * and wherever an attribute names them), and the package is zipped with `date`, so two
 * exports of one version are the same bytes (issue 11). Only our own packer's output
 * comes here, never a file from outside. Characters XML has not are replaced first (NON_XML).
 */
export function repack(docx: Uint8Array, date: string): Uint8Array {
  const parts = unzipSync(docx);
  for (const [name, bytes] of Object.entries(parts)) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    const text = strFromU8(bytes);
    if (NON_XML.test(text)) parts[name] = strToU8(text.replace(NON_XML, "\uFFFD"));
    NON_XML.lastIndex = 0;
  }
  const renamed = randomRelationshipIds(parts);
  for (const [name, bytes] of Object.entries(parts)) {
    const core = name === "docProps/core.xml";
    if (!core && renamed.size === 0) continue;
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    parts[name] = strToU8(
      rewriteXml(strFromU8(bytes), {
        attribute: (_element, _name, value) => renamed.get(value) ?? value,
        text: (element, text) =>
          core && (element === "dcterms:created" || element === "dcterms:modified") ? date : text,
      }),
    );
  }
  return zipDeterministic(parts, date);
}
