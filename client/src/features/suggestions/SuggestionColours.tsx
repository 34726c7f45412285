import { useDocument } from "../../lib/DocumentContext.tsx";
import { useOrganisations } from "../../lib/Organisations.tsx";

/**
 * Underlines and strikes through each organisation's suggestions in its colour (the marks
 * carry `data-org`), from the document's parties and the organisation table: the stylesheet names none.
 * Ids are escaped for the selector and colours are plain hex (schema), so nothing else gets in.
 */
export function SuggestionColours() {
  const { doc } = useDocument();
  const { list } = useOrganisations();
  const orgs = [
    ...doc.parties.map((p) => p.organisation),
    ...list.filter((o) => !doc.parties.some((p) => p.orgId === o.id)),
  ];
  const rules = orgs.map((o) => {
    const org = `[data-org="${CSS.escape(o.id)}"]`;
    return `.editor-content ins${org}, .editor-content del${org} { text-decoration-color: ${o.colour}; }`;
  });
  return <style>{rules.join("\n")}</style>;
}
