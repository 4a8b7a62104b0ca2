// Loaded into a server process by test/server/recovery.test.ts (node --import), never by the
// server itself: kills the process with SIGKILL inside a turn's crash window — the turn played
// and its new views sent to the seats, its record not yet committed (see maybeResolve in
// server/room.ts and the group commit in server/store.ts).
//   CRASH_AT=batch:N   the kill comes before the group commit holding turn N's record commits
//                      (that commit also holds the last "end turn" the turn was played on);
//   CRASH_AT=record:N  that commit goes through without turn N's record (every order action of
//                      the turn is written), then the kill.
import { TableStore } from '../../server/store.ts';

type Batch = { write: { kind: string; row: unknown[] } }[];
const proto = TableStore.prototype as unknown as { flush(batch: Batch): Promise<void> };
const flush = proto.flush;
const [mode, at] = (process.env.CRASH_AT ?? '').split(':');
const turn = Number(at);

if ((mode === 'batch' || mode === 'record') && Number.isInteger(turn)) {
  console.log(`crash point armed: ${mode} of turn ${turn}`);
  const kill = (): never => {
    console.log(`crash point: killed at the ${mode} of turn ${turn}`);
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable');
  };
  proto.flush = async function (this: TableStore, batch: Batch): Promise<void> {
    const record = (b: Batch[number]) => b.write.kind === 'turn' && b.write.row[1] === turn;
    if (!batch.some(record)) return flush.call(this, batch);
    if (mode === 'batch') kill();
    await flush.call(
      this,
      batch.filter((b) => !record(b)),
    );
    kill();
  };
}
