/**
 * The bare Temporal baseline of the fan-out benchmark: a parent that starts
 * the same number of children as a cycle (one per department), in the same
 * batches and with the same parent-close policy, children that do nothing.
 */
import {
  ParentClosePolicy,
  condition,
  defineSignal,
  defineUpdate,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';

export async function benchNoopChild(): Promise<void> {
  // Nothing: the cost of a child workflow itself.
}

export async function benchFanOutBaseline({ children, batch }: { children: number; batch: number }): Promise<number> {
  const parentId = workflowInfo().workflowId;
  const handles = [];
  for (let i = 0; i < children; i += batch) {
    const size = Math.min(batch, children - i);
    handles.push(
      ...(await Promise.all(
        Array.from({ length: size }, (_, j) =>
          startChild(benchNoopChild, {
            workflowId: `${parentId}/child/${i + j}`,
            parentClosePolicy: ParentClosePolicy.TERMINATE,
          }),
        ),
      )),
    );
  }
  await Promise.all(handles.map((h) => h.result()));
  return handles.length;
}

/** The bare baseline of the submissions benchmark: a workflow whose Update does nothing, one per department. */
export const benchNoopUpdate = defineUpdate<void, [string]>('benchNoop');

export async function benchUpdateTarget(): Promise<void> {
  let stopped = false;
  setHandler(benchNoopUpdate, () => undefined);
  setHandler(benchStopSignal, () => void (stopped = true));
  await condition(() => stopped);
}

export const benchStopSignal = defineSignal('benchStop');
