import type { OutboxMessage } from "../../shared/api/accountSchemas.ts";
import { forbidden } from "../errors.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { MailOutboxStore } from "../store/ports/MailOutboxStore.ts";
import { administers, isInstanceAdmin } from "./administration.ts";

/**
 * The local outbox as the actor may read it: an instance administrator every message (or
 * one organisation's), an organisation administrator those to their organisation's people,
 * except mail to instance administrators: a reset link read there would let them take over
 * an account that administers more than they do.
 */
export async function readOutbox(
  store: MailOutboxStore & Pick<AccountStore, "listUsersOf">,
  actor: UserRow,
  orgId: string | undefined,
  limit: number,
): Promise<OutboxMessage[]> {
  const strip = ({ userId: _, ...m }: Awaited<ReturnType<MailOutboxStore["listMail"]>>[number]) => m;
  if (isInstanceAdmin(actor)) return (await store.listMail(orgId === undefined ? null : [orgId], limit)).map(strip);
  const own = orgId ?? actor.orgId;
  if (!administers(actor, own)) throw forbidden("you do not administer this organisation");
  const admins = new Set((await store.listUsersOf([own])).filter((u) => u.instanceRole === "admin").map((u) => u.id));
  return (await store.listMail([own], limit)).filter((m) => m.userId === null || !admins.has(m.userId)).map(strip);
}
