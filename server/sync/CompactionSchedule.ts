import type { Logger } from "../log.ts";
import { mergeThroughDoc } from "./compaction.ts";
import { historyRuns } from "./historyRuns.ts";
import type { UpdateLog } from "./UpdateLog.ts";
import { indexUpdates } from "./updateRanges.ts";

/**
 * When one open document's log is folded into a snapshot: once its tail (rows after the
 * snapshot, as far as this process knows) reaches the threshold, and when the room unloads,
 * so the next open is a single snapshot read. One fold at a time; a failure keeps the log.
 */
export class CompactionSchedule {
  private compacting = false;

  constructor(
    private readonly documentId: string,
    private readonly updates: Pick<UpdateLog, "compact">,
    private readonly log: Logger,
    private readonly threshold: number,
    /** Log rows after the snapshot when the room loaded. */
    private tail: number,
  ) {}

  /** `count` more rows were committed. */
  committed(count: number): void {
    this.tail += count;
    if (this.tail >= this.threshold && !this.compacting) setImmediate(() => void this.run());
  }

  /** Folds what is left, if anything (the room is unloading). */
  async finish(): Promise<void> {
    if (this.tail > 0) await this.run();
  }

  private async run(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      const folded = await this.updates.compact(this.documentId, mergeThroughDoc, indexUpdates, historyRuns);
      this.tail = Math.max(0, this.tail - folded);
      this.log.debug("compacted", { documentId: this.documentId, folded });
    } catch (err) {
      this.log.error("compaction failed; log kept", { documentId: this.documentId, error: String(err) });
    } finally {
      this.compacting = false;
    }
  }
}
