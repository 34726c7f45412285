import { z } from "zod";
import { Organisation } from "../../../shared/api/schemas.ts";
import { request } from "./client.ts";

/** The active organisations of the deployment (GET /api/organisations), federal first. */
export const fetchOrganisations = (): Promise<Organisation[]> =>
  request("GET", "/organisations", z.array(Organisation));
