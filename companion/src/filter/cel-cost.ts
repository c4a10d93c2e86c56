/**
 * What one CEL evaluation may cost, per record. cel-js has parse-time limits (AST size, depth)
 * but none at run time: three nested comprehensions over a 1,000-element list take 10^9 steps.
 * So a meter counts the work we can see, and stops the evaluation as soon as it goes over:
 * - comprehension steps: one per element visited by all/exists/exists_one/map/filter, nested
 *   ones multiplied, as they run;
 * - characters given to `matches` (RE2 is linear, so its cost is the text's length);
 * - and a wall-clock backstop for the rest (work inside one step that the meter cannot see, such
 *   as strings concatenated and searched in a loop), checked between steps.
 */
export interface CelLimits {
  comprehensionSteps: number;
  regexChars: number;
  /** Checked every few steps and on each `matches`: twice the stream's 1 s of CPU for one record, so a busy machine is not the filter's fault. */
  wallMs: number;
}

export const CEL_LIMITS: CelLimits = { comprehensionSteps: 50_000, regexChars: 10_000_000, wallMs: 2_000 };

/** Thrown inside cel-js to unwind an evaluation that went over; the filter turns it into a FilterError. */
export class CelCostError extends Error {
  override name = 'CelCostError';
}

/** How often (in steps) the wall clock is read: cheap enough per step, and a few ms apart at most. */
const CLOCK_EVERY = 256;

/**
 * One meter per thread: evaluation is synchronous, so the evaluation running now is the only one
 * charging it. Once over, it stays over until the next `start`: cel-js's exists/all catch an error
 * from one element and go on to the next, and every later charge must fail again at once.
 */
export class CostMeter {
  private limits: CelLimits = CEL_LIMITS;
  private steps = 0;
  private chars = 0;
  private deadline = 0;
  exceeded: string | null = null;

  start(limits: CelLimits): void {
    this.limits = limits;
    this.steps = 0;
    this.chars = 0;
    this.deadline = performance.now() + limits.wallMs;
    this.exceeded = null;
  }

  step(): void {
    if (this.exceeded) throw new CelCostError(this.exceeded);
    if (++this.steps > this.limits.comprehensionSteps) {
      this.over(`more than ${this.limits.comprehensionSteps.toLocaleString('en-US')} comprehension steps`);
    }
    if (this.steps % CLOCK_EVERY === 0) this.checkClock();
  }

  scan(chars: number): void {
    if (this.exceeded) throw new CelCostError(this.exceeded);
    this.chars += chars;
    if (this.chars > this.limits.regexChars) {
      this.over(`more than ${this.limits.regexChars.toLocaleString('en-US')} characters through matches()`);
    }
    this.checkClock();
  }

  private checkClock(): void {
    if (performance.now() > this.deadline) this.over(`more than ${this.limits.wallMs} ms`);
  }

  private over(what: string): never {
    this.exceeded = what;
    throw new CelCostError(what);
  }
}

export const meter = new CostMeter();
