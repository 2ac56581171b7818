// What the cron trigger puts on the JOBS queue: one message per tenant and job (jobs/scheduled.ts);
// the queue handler (jobs/consumer.ts) runs it (jobs/run-job.ts).

export const JOB_NAMES = ["digest", "retention", "care"] as const;
export type JobName = (typeof JOB_NAMES)[number];

export function isJobName(value: unknown): value is JobName {
  return typeof value === "string" && (JOB_NAMES as readonly string[]).includes(value);
}

export interface JobMessage {
  job: JobName;
  /** The tenant's slug. */
  tenant: string;
  /** The hour the cron fired for, UTC: "2026-12-01T07" (with the job, the key of its job_runs row). */
  period: string;
  /** The cron's scheduled time (ms): the job's "now". */
  scheduledTime: number;
}
