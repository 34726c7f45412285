import type { JSONContent } from "@tiptap/core";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { type ExportMeta, footerLine, metaLines, plainText, safeHref, ZWSP } from "./meta.ts";

/** Characters that would start Markdown syntax inside running text. */
const escapeText = (s: string) => s.replace(/([\\`*_[\]#<>|~])/g, "\\$1");

function inline(nodes: readonly JSONContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === "hardBreak") return "  \n";
      const text = (node.text ?? "").replace(ZWSP, "");
      if (!text) return "";
      const names = new Set((node.marks ?? []).map((m) => m.type));
      let out = names.has("code") ? `\`${text.replace(/`/g, "'")}\`` : escapeText(text);
      if (names.has("bold")) out = `**${out}**`;
      if (names.has("italic")) out = `*${out}*`;
      if (names.has("strike") || names.has("deletion")) out = `~~${out}~~`;
      if (names.has("insertion")) out = `<ins>${out}</ins>`;
      const link = node.marks?.find((m) => m.type === "link");
      const href = safeHref(link?.attrs?.href);
      if (href) out = `[${out}](<${href.replace(/[<>]/g, "")}>)`;
      return out;
    })
    .join("");
}

const cellText = (cell: JSONContent) =>
  (cell.content ?? [])
    .map((p) => inline(p.content ?? []))
    .join("<br>")
    .replace(/\n/g, " ")
    .replace(/\|/g, "\\|") || " ";

function table(node: JSONContent): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(cellText));
  const width = Math.max(1, ...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill(" ")];
  const [head = [], ...body] = rows;
  const line = (cells: string[]) => `| ${pad(cells).join(" | ")} |`;
  return [line(head), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n");
}

function block(node: JSONContent, indent = ""): string {
  switch (node.type) {
    case "paragraph":
      return indent + inline(node.content ?? []);
    case "heading":
      return `${"#".repeat(clampedAttribute(node, "level", 1))} ${inline(node.content ?? [])}`;
    case "bulletList":
    case "orderedList": {
      const start = clampedAttribute(node, "start", 1);
      return (node.content ?? [])
        .map((item, i) => {
          const marker = node.type === "bulletList" ? "- " : `${start + i}. `;
          const [first, ...rest] = (item.content ?? []).map((c) => block(c, " ".repeat(marker.length)).trimStart());
          return [
            `${indent}${marker}${first ?? ""}`,
            ...rest.map((r) => `${indent}${" ".repeat(marker.length)}${r}`),
          ].join("\n");
        })
        .join("\n");
    }
    case "blockquote":
      return (node.content ?? []).map((c) => `> ${block(c)}`).join("\n>\n");
    case "codeBlock":
      return `\`\`\`\n${plainText(node).replace(/```/g, "'''")}\n\`\`\``;
    case "horizontalRule":
      return "---";
    case "table":
      return table(node);
    default:
      return (node.content ?? []).map((c) => block(c, indent)).join("\n\n");
  }
}

/** CommonMark with GFM tables: a title, the version's data as a quote block, the text, the hash again at the end. */
export function markdownOf(doc: JSONContent, meta: ExportMeta): string {
  const cover = metaLines(meta)
    .map((line) => `> ${escapeText(line)}`)
    .join("  \n");
  const body = (doc.content ?? []).map((n) => block(n)).join("\n\n");
  return `# ${escapeText(meta.title)}\n\n${cover}\n\n${body}\n\n---\n\n${escapeText(footerLine(meta))}\n`;
}
