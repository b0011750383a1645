// The walk through a session's blocks, and where a reloaded page stands in it.
// Pure functions of the session JSON: no DOM, no network (so the order is easy to reason about).

/** Key of one set slot: block label, position in the block (1 = A1) and 1-based set index. */
export function slotKey(block, position, setIndex) {
  return `${block}|${position}|${setIndex}`;
}

/**
 * The ordered steps of a workout: A1 -> transition rest -> A2 -> rest after the round -> ...
 * A "finisher" isolation is done only after the last compound round. After a pair's last
 * round the rest step asks for pump and exhaustion (a standalone feedback step when no rest
 * follows, i.e. the last block).
 */
export function buildSteps(session) {
  const steps = [];
  const blocks = session.blocks || [];
  blocks.forEach((block, blockIndex) => {
    const entries = block.entries || [];
    const isPair = entries.length > 1;
    const everyRound = entries.filter((e) => e.placement !== "finisher");
    const rounds = Math.max(1, ...everyRound.map((e) => e.sets));
    const done = new Map();
    for (let round = 1; round <= rounds; round += 1) {
      const slots = [];
      for (const entry of entries) {
        if (entry.placement === "finisher") {
          if (round === rounds) for (let s = 0; s < entry.sets; s += 1) slots.push(entry);
        } else if (round <= entry.sets) {
          slots.push(entry);
        }
      }
      slots.forEach((entry, k) => {
        const setIndex = (done.get(entry.position) || 0) + 1;
        done.set(entry.position, setIndex);
        steps.push({ kind: "set", block, entry, setIndex, key: slotKey(block.label, entry.position, setIndex) });
        if (k < slots.length - 1) {
          steps.push({ kind: "rest", rest: "transition", seconds: block.transition_rest_s || 0, block });
          return;
        }
        const lastRound = round === rounds;
        const lastOfWorkout = lastRound && blockIndex === blocks.length - 1;
        const feedbackFor = lastRound && isPair ? block.label : null;
        if (!lastOfWorkout) {
          steps.push({ kind: "rest", rest: "block", seconds: block.rest_after_s || 0, block, feedbackFor });
        } else if (feedbackFor) {
          steps.push({ kind: "feedback", block, feedbackFor });
        }
      });
    }
  });
  steps.push({ kind: "finish" });
  return steps;
}

/**
 * Where the walk stands given what is already logged (server sets + queued ones) and
 * which blocks already have feedback. `restEndedFor` is the slot key whose preceding
 * rest the lifter already ended (kept locally across a reload).
 */
export function resumeIndex(steps, loggedKeys, feedbackBlocks, restEndedFor) {
  let index = steps.findIndex((s) => s.kind === "set" && !loggedKeys.has(s.key));
  if (index === -1) {
    const pending = steps.findIndex((s) => s.kind === "feedback" && !feedbackBlocks.has(s.feedbackFor));
    return pending === -1 ? steps.length - 1 : pending;
  }
  const previous = steps[index - 1];
  if (previous && previous.kind === "rest" && restEndedFor !== steps[index].key) index -= 1;
  return index;
}
