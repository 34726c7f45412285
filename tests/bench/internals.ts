import { measureMilestoneCost } from "./milestoneCost.ts";
import { measurePolicyCost } from "./policyCost.ts";
import { measureRedisHop } from "./redisHop.ts";
import { measureSuggestionCost } from "./suggestionCost.ts";

/** The in-process measurements of Accord's own costs (policy, suggestions, milestones, Redis hop). */
export async function runInternals(
  want: (scenario: string) => boolean,
  results: Record<string, unknown>,
): Promise<void> {
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  const ms = (v: number) => `${v.toFixed(1)} ms`;

  if (want("policyCost")) {
    console.log("Policy check per update on the KIP 3 concept ×1 and ×100 (shadow doc + validators)");
    measurePolicyCost(300); // warm-up
    const policyRows: Record<string, Record<string, string>> = {};
    for (const copies of [1, 100]) {
      const policy = measurePolicyCost(2000, copies);
      results[copies === 1 ? "policy" : `policy×${copies}`] = policy;
      const label = `×${copies} (${policy.blocks} blocks)`;
      policyRows[`${label} policy.evaluate`] = {
        median: us(policy.policy.median),
        p99: us(policy.policy.p99),
        max: us(policy.policy.max),
      };
      policyRows[`${label} Y.applyUpdate alone`] = {
        median: us(policy.applyOnly.median),
        p99: us(policy.applyOnly.p99),
        max: us(policy.applyOnly.max),
      };
    }
    console.table(policyRows);
  }

  if (want("suggestionCost")) {
    console.log("\nSuggester check per keystroke (policy.evaluate incl. suggestion rule) vs an editor's keystroke");
    measureSuggestionCost(1, 100); // warm-up
    const suggestionRows: Record<string, Record<string, string>> = {};
    const suggestion: Record<string, unknown> = {};
    for (const copies of [1, 10]) {
      const cost = measureSuggestionCost(copies);
      suggestion[`agreement×${copies}`] = cost;
      const label = `agreement ×${copies} (${cost.blocks} blocks, ${(cost.stateBytes / 1024).toFixed(0)} KiB)`;
      suggestionRows[`${label} suggester`] = {
        median: us(cost.suggester.median),
        p99: us(cost.suggester.p99),
        max: us(cost.suggester.max),
      };
      suggestionRows[`${label} editor`] = {
        median: us(cost.editor.median),
        p99: us(cost.editor.p99),
        max: us(cost.editor.max),
      };
    }
    results.suggestion = suggestion;
    console.table(suggestionRows);
  }

  if (want("milestoneCost")) {
    console.log("\nFreeze (Yjs → canonical JSON → hashes → SQLite) and export per format, demo agreement ×1 and ×10");
    const milestoneRows: Record<string, Record<string, string>> = {};
    const milestones: Record<string, unknown> = {};
    for (const copies of [1, 10]) {
      const cost = await measureMilestoneCost(copies);
      milestones[`agreement×${copies}`] = cost;
      milestoneRows[`×${copies} freeze`] = { median: ms(cost.freeze.median), max: ms(cost.freeze.max), size: "" };
      for (const [format, e] of Object.entries(cost.exports)) {
        milestoneRows[`×${copies} ${format}`] = {
          median: ms(e.time.median),
          max: ms(e.time.max),
          size: `${(e.bytes / 1024).toFixed(0)} KiB`,
        };
      }
      if (copies === 1) {
        console.log(`chain of the versions frozen (${cost.chainProblems} problems on verify):`);
        console.table(
          cost.chain.map((v) => ({
            seq: v.seq,
            id: v.id,
            content: v.contentHash.slice(0, 16),
            chain: v.chainHash.slice(0, 16),
            prev: v.prevHash?.slice(0, 16) ?? "–",
          })),
        );
      }
    }
    results.milestones = milestones;
    console.table(milestoneRows);
  }

  if (want("redisHop")) {
    console.log("\nRedis hop: keystroke from a writer on instance A to a reader on A and on B (PostgreSQL + Redis)");
    const hop = await measureRedisHop(300);
    results.redisHop = hop;
    console.table({
      "reader on A (same instance)": {
        p50: ms(hop.sameInstance.median),
        p99: ms(hop.sameInstance.p99),
        max: ms(hop.sameInstance.max),
      },
      "reader on B (via Redis)": {
        p50: ms(hop.otherInstance.median),
        p99: ms(hop.otherInstance.p99),
        max: ms(hop.otherInstance.max),
      },
      "added by the hop": {
        p50: ms(hop.otherInstance.median - hop.sameInstance.median),
        p99: ms(hop.otherInstance.p99 - hop.sameInstance.p99),
        max: "",
      },
    });
  }
}
