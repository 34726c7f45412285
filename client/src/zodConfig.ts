import { z } from "zod";

// The server's CSP forbids eval, so zod's compiled parsers cannot run anyway. Without this,
// zod probes with `new Function` while building schemas and the browser logs a CSP
// violation on every page load. Imported first in main.tsx: schemas are built at import time.
z.config({ jitless: true });
