/**
 * What one CEL evaluation may cost, per record. cel-js has parse-time limits (AST size, depth)
 * but none at run time: three nested comprehensions over a 1,000-element list take 10^9 steps.
 * So a meter counts the work we can see, and stops the evaluation as soon as it goes over:
 * - comprehension steps: one per element visited by all/exists/exists_one/map/filter, nested
 *   ones multiplied, as they run;
 * - characters given to `matches` (RE2 is linear, so its cost is the text's length);
 * - and a time backstop for the rest (work inside one step that the meter cannot see, such as
 *   strings concatenated and searched in a loop), checked between steps.
 */
export interface CelLimits {
  comprehensionSteps: number;
  regexChars: number;
  /**
   * Time for one record (the lesser of wall and process CPU time), checked every few hundred steps
   * or `matches` calls: twice the stream's 1 s of CPU for one record.
   */
  wallMs: number;
}

export const CEL_LIMITS: CelLimits = { comprehensionSteps: 50_000, regexChars: 10_000_000, wallMs: 2_000 };

/** Thrown inside cel-js to unwind an evaluation that went over; the filter turns it into a FilterError. */
export class CelCostError extends Error {
  override name = 'CelCostError';
}

/** How often (in charges) the clocks are read: ~15 ns a step, and steps that take long are checked soon. */
const CLOCK_EVERY = 64;
/** The first reading comes early, so the first check already measures CPU time. */
const FIRST_READING = 8;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * One meter per thread: evaluation is synchronous, so the evaluation running now is the only one
 * charging it. Once over, it stays over until the next `start`: cel-js's exists/all catch an error
 * from one element and go on to the next, and every later charge must fail again at once.
 */
export class CostMeter {
  private limits: CelLimits = CEL_LIMITS;
  private steps = 0;
  private chars = 0;
  private charges = 0;
  private started = 0;
  /** Wall time and process CPU time at the first clock reading, or null before it. */
  private firstReading: { wall: number; cpu: number } | null = null;
  exceeded: string | null = null;

  start(limits: CelLimits): void {
    this.limits = limits;
    this.steps = 0;
    this.chars = 0;
    this.charges = 0;
    this.started = performance.now();
    this.firstReading = null;
    this.exceeded = null;
  }

  step(): void {
    if (this.exceeded) throw new CelCostError(this.exceeded);
    if (++this.steps > this.limits.comprehensionSteps) {
      this.over(`more than ${this.limits.comprehensionSteps.toLocaleString('en-US')} comprehension steps`);
    }
    this.tick();
  }

  scan(chars: number): void {
    if (this.exceeded) throw new CelCostError(this.exceeded);
    this.chars += chars;
    if (this.chars > this.limits.regexChars) {
      this.over(`more than ${this.limits.regexChars.toLocaleString('en-US')} characters through matches()`);
    }
    this.tick();
  }

  /**
   * The time this evaluation has taken is the lesser of wall time (which a busy machine inflates)
   * and process CPU time (which other threads inflate): a filter that really used that long is
   * over by both, and load alone rarely inflates both. Process CPU is read from the first check on
   * (not per record: the call costs about a microsecond), the time before it counted as wall time.
   */
  private tick(): void {
    if (++this.charges % CLOCK_EVERY !== 0 && this.charges !== FIRST_READING) return;
    const wall = performance.now() - this.started;
    if (!this.firstReading) {
      this.firstReading = { wall, cpu: cpuMs() };
      return;
    }
    const cpu = this.firstReading.wall + (cpuMs() - this.firstReading.cpu);
    if (Math.min(wall, cpu) > this.limits.wallMs) this.over(`more than ${this.limits.wallMs} ms`);
  }

  private over(what: string): never {
    this.exceeded = what;
    throw new CelCostError(what);
  }
}

export const meter = new CostMeter();
