import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it, onTestFinished } from "vitest";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { awarenessMessage, syncStep1Message, updateMessage } from "../../server/sync/messages.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { liveFigures, rssKb, sleep, stateVectorOf } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MAX_MESSAGE_BYTES = 256 * 1024;
const FUZZED = "kip3-vereinbarung-so"; // Marco is a viewer there: nothing he sends may change it.
const EDITED = "kip3-konzept-so"; // Andrea types here all along; Lukas watches.

/** Valid messages to start from: a sync step 1, an update with real content, an awareness update. */
function templates(): Uint8Array[] {
  const doc = new Y.Doc();
  appendParagraph(doc, "Ein Absatz, der zum Fuzzen dient.");
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: "Fuzz", color: "#123456" }, cursor: null });
  return [
    syncStep1Message(doc),
    updateMessage(Y.encodeStateAsUpdate(doc)),
    awarenessMessage(awareness, [doc.clientID]),
  ];
}

/** Fuzzed frames: random bytes, truncated and mutated valid messages, huge length prefixes, oversize frames. */
function frameArbitrary(): fc.Arbitrary<Uint8Array> {
  const valid = fc.constantFrom(...templates());
  const hugeVarint = [0xff, 0xff, 0xff, 0xff, 0x0f]; // 2^32 - 1
  return fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    {
      weight: 3,
      arbitrary: valid.chain((m) => fc.nat(m.length).map((n) => m.subarray(0, n))),
    },
    {
      weight: 4,
      arbitrary: valid.chain((m) =>
        fc
          .array(fc.tuple(fc.nat(m.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
          .map((edits) => {
            const copy = Uint8Array.from(m);
            for (const [at, byte] of edits) copy[at] = byte;
            return copy;
          }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1]), fc.uint8Array({ maxLength: 16 }))
        .map(([head, tail]) => Uint8Array.from([...head, ...hugeVarint, ...tail])),
    },
    {
      weight: 1,
      arbitrary: fc.constant(null).map(() => new Uint8Array(MAX_MESSAGE_BYTES + 1)),
    },
  );
}

/** Opens a socket as `cookie`, optionally does a proper handshake, sends `frames`, then drops it. */
async function fuzzConnection(url: string, cookie: string, handshake: boolean, frames: Uint8Array[]): Promise<void> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/collab/${FUZZED}`, { headers: { cookie } });
  ws.on("error", () => {});
  const closed = new Promise<void>((resolve) => ws.once("close", () => resolve()));
  const opened = await Promise.race([
    new Promise<boolean>((resolve) => ws.once("open", () => resolve(true))),
    closed.then(() => false),
    sleep(5000).then(() => {
      throw new Error("the server did not answer an upgrade within 5 s");
    }),
  ]);
  if (opened) {
    if (handshake) ws.send(templates()[0] as Uint8Array);
    for (const frame of frames) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    await Promise.race([closed, sleep(30)]);
  }
  ws.terminate();
  await closed;
}

function storedRows(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT seq, hex(data) AS d FROM updates WHERE document_id = ? ORDER BY seq").all(FUZZED);
  } finally {
    db.close();
  }
}

describe("fuzzed frames against a live server", () => {
  it(`survives ${FRAMES} fuzzed frames: stays up, bounded memory, legit editing continues, fuzzed doc unchanged`, async () => {
    console.log(`fuzz: seed ${SEED} (rerun with FUZZ_SEED=${SEED}), ${FRAMES} frames`);
    const dataDir = tempDataDir();
    const server = await startChildServer(dataDir, {
      MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      MAX_CONNECTIONS_PER_USER: "100",
      MAX_CONNECTIONS_PER_ADDRESS: "200",
    });
    const pid = server.process.pid as number;
    const andrea = await login(server.url, "andrea.meier@so.ch");
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const marco = await login(server.url, "marco.rossi@sem.admin.ch");

    const before = connectClient(server.url, FUZZED, andrea, { reconnect: false });
    await before.synced;
    const contentBefore = Y.encodeStateAsUpdate(before.doc);
    const svBefore = stateVectorOf(before.doc);
    before.destroy();
    const rowsBefore = storedRows(path.join(dataDir, "accord.sqlite"));

    const writer = connectClient(server.url, EDITED, andrea);
    const peer = connectClient(server.url, EDITED, lukas);
    await Promise.all([writer.synced, peer.synced]);
    await sleep(300);
    const baselineKb = rssKb(pid);

    let fuzzing = true;
    let typed = 0;
    const typist = (async () => {
      while (fuzzing) {
        appendParagraph(writer.doc, `legit-${typed++}`);
        await sleep(50);
      }
    })();
    let peakKb = baselineKb;
    const sampler = setInterval(() => {
      peakKb = Math.max(peakKb, rssKb(pid));
    }, 100);

    const frames = fc.sample(frameArbitrary(), { seed: SEED, numRuns: FRAMES });
    const batches = fc.sample(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 8 })), {
      seed: SEED + 1,
      numRuns: FRAMES,
    });
    let next = 0;
    let printed = 0;
    let batch = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < frames.length) {
        const [handshake, count] = batches[batch++ % batches.length] as [boolean, number];
        const mine = frames.slice(next, next + count);
        next += count;
        try {
          await fuzzConnection(server.url, marco, handshake, mine);
        } catch (err) {
          console.log(
            "fuzz: hung after frames",
            mine.map((f) => Buffer.from(f.subarray(0, 40)).toString("hex")),
          );
          throw err;
        }
        if (next >= printed + 2500) {
          printed = next;
          console.log(`fuzz: ${next} frames, RSS ${rssKb(pid) >> 10} MB`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const fuzzMs = performance.now() - started;
    fuzzing = false;
    await typist;
    clearInterval(sampler);

    // The server is up and answering, and every legit edit arrived at the peer.
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await eventually(() => textOf(peer.doc).includes(`legit-${typed - 1}<`), "the last legit edit at the peer");
    for (let i = 0; i < typed; i++) expect(textOf(peer.doc)).toContain(`legit-${i}<`);
    expect(textOf(peer.doc)).toBe(textOf(writer.doc));
    // Memory stayed bounded.
    expect(peakKb).toBeLessThan(baselineKb + 300 * 1024);

    // The fuzzed document is exactly as it was: content, state vector and stored rows.
    const after = connectClient(server.url, FUZZED, andrea, { reconnect: false });
    await after.synced;
    expect(stateVectorOf(after.doc)).toEqual(svBefore);
    expect(Buffer.from(Y.encodeStateAsUpdate(after.doc))).toEqual(Buffer.from(contentBefore));
    expect(storedRows(path.join(dataDir, "accord.sqlite"))).toEqual(rowsBefore);
    // Every fuzz connection is gone: writer, peer and this reader are left.
    let figures = await liveFigures(server.url);
    const poll = setInterval(async () => {
      figures = await liveFigures(server.url);
    }, 50);
    onTestFinished(() => clearInterval(poll));
    await eventually(() => figures.connections === 3, "only the three legit connections left").catch(() => {});
    expect(figures.connections).toBe(3);
    console.log(
      `fuzz: ${frames.length} frames in ${(fuzzMs / 1000).toFixed(1)} s; RSS ${baselineKb >> 10} MB -> peak ${peakKb >> 10} MB; ${typed} legit edits all relayed`,
    );
  });
});
