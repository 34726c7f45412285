import { describeNeeding } from "../../../tests/helpers/needsServices.ts";
import { describeStoreContract } from "../storeContract.ts";
import { pgTestStores } from "./pgTestStores.ts";

const describeOnPostgres = await describeNeeding("postgres");

describeOnPostgres("PgStore", () => {
  const stores = pgTestStores("accord_test");
  describeStoreContract("PgStore", stores.fresh, stores.rawSql);
});
