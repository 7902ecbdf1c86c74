/** Where a progress bar draws: a terminal redraws one line, anything else gets plain lines. */
export interface ProgressOutput {
  readonly isTTY: boolean;
  write(text: string): void;
}

const width = 30;

/**
 * A progress bar for long commands. On a terminal it redraws one line in place (at most ten
 * times a second); in logs and pipes it prints a line every tenth of the way instead of
 * control characters.
 */
export class ProgressBar {
  readonly #output: ProgressOutput;
  readonly #label: string;
  readonly #started = Date.now();
  #lastDraw = 0;
  #lastDecile = -1;
  #drawn = false;

  constructor(output: ProgressOutput, label: string) {
    this.#output = output;
    this.#label = label;
  }

  update(done: number, total: number): void {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    if (this.#output.isTTY) {
      const now = Date.now();
      if (now - this.#lastDraw < 100 && fraction < 1) return;
      this.#lastDraw = now;
      const filled = Math.round(fraction * width);
      const rate = done / Math.max(0.001, (now - this.#started) / 1000);
      this.#output.write(
        `\r${this.#label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(fraction * 100)}% ${Math.round(rate)}/s\x1b[K`,
      );
      this.#drawn = true;
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile === this.#lastDecile) return;
    this.#lastDecile = decile;
    this.#output.write(`${this.#label}: ${done}/${total} (${decile * 10}%)\n`);
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (this.#drawn) this.#output.write('\n');
    this.#drawn = false;
  }
}
