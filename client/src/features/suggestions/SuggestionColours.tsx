import { useDocument } from "../../lib/DocumentContext.tsx";

/**
 * Underlines and strikes through each organisation's suggestions in its colour (the marks
 * carry `data-org`), from the organisations the server named: the stylesheet names none.
 * Ids are escaped for the selector and colours are plain hex (schema), so nothing else gets in.
 */
export function SuggestionColours() {
  const { doc } = useDocument();
  const rules = doc.organisations.map((o) => {
    const org = `[data-org="${CSS.escape(o.id)}"]`;
    return `.editor-content ins${org}, .editor-content del${org} { text-decoration-color: ${o.colour}; }`;
  });
  return <style>{rules.join("\n")}</style>;
}
