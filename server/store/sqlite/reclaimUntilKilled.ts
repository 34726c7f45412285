import { openReclaiming } from "./reclaimFixture.ts";

// Child process of DiskReclaim.test.ts: reclaims the file given as argument one page per
// step and says "step" after each, until the test kills it with SIGKILL.
const file = process.argv[2] ?? "";
await openReclaiming(file, { idleMs: 20, stepPages: 1, onStep: () => process.stdout.write("step\n") });
setInterval(() => {}, 1000); // stay alive until killed
