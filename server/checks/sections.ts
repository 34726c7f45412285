import type { CheckResult } from "../../shared/api/checks.ts";
import { readSectionStatuses, sectionsOf, settledByAll, statusOf } from "../../shared/sections/sections.ts";
import { type CheckInput, passed } from "./Check.ts";

const ID = "sections.unsettled";

/** An agreement's sections not settled by every party, one result each (params: title and each party's status). */
export function unsettledSections({ kind, parties, doc }: CheckInput): CheckResult[] {
  if (kind !== "agreement") return [];
  const statuses = readSectionStatuses(doc);
  const failing = sectionsOf(doc)
    .filter((s) => !settledByAll(statuses.get(s.id), parties))
    .map(
      (s): CheckResult => ({
        id: ID,
        ok: false,
        message: `section not settled by both parties: ${s.title}`,
        params: {
          title: s.title,
          ...Object.fromEntries(parties.map((orgId) => [`status:${orgId}`, statusOf(statuses.get(s.id), orgId)])),
        },
        where: { kind: "section", id: s.id },
      }),
    );
  return failing.length > 0 ? failing : [passed(ID, "every section is settled by both parties")];
}
