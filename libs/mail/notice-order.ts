/**
 * A department's assignment (填报任务) is always its first mail. The cycle
 * mails assignments per group of started departments, retried while the mail
 * server is away; a department's own notices (a reminder, a digest, a request
 * for input) may be queued before its assignment has gone. Such a notice
 * waits in the outbox until the assignment has been dealt with (sent, found
 * undeliverable, or dropped). The bureau's own mail never waits, nor mail to
 * a department that leads nothing in the cycle (it has no assignment).
 */

/** SQL: the notice row aliased `n` waits for its department's assignment. */
export function awaitsAssignment(n: string): string {
  return `(${n}.event <> 'assignment' AND ${n}.audience <> 'bureau'
    AND EXISTS (SELECT 1 FROM work_item w WHERE w.cycle_id = ${n}.cycle_id AND w.department = ${n}.department)
    AND NOT EXISTS (SELECT 1 FROM notice a WHERE a.cycle_id = ${n}.cycle_id AND a.department = ${n}.department
                      AND a.event = 'assignment' AND a.status <> 'pending'))`;
}
