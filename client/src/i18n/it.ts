import { accountErrorsIt, accountsIt } from "./accounts.it.ts";
import type { DeepPartial } from "./DeepPartial.ts";
import type { Catalogue } from "./de.ts";

/** Italian UI texts; so far accounts and administration only, the rest falls back to German. */
export const it: DeepPartial<Catalogue> = { ...accountsIt, errors: accountErrorsIt };
