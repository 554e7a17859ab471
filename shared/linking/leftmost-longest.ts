/**
 * Chooses among overlapping candidate matches as they stream out of the
 * automaton: leftmost wins, then longest, the same result as sorting all
 * candidates by (start, -end) and taking each one that starts at or after
 * the end of the last one taken, but without holding or sorting them all.
 *
 * It relies on candidates arriving with non-decreasing ends (the scan
 * reports a match when it reaches its last character). Then a newcomer
 * either overlaps a kept span that starts before it (that span wins, the
 * newcomer is dropped) or covers every kept span that starts at or after it
 * (they are dropped). Kept spans stay sorted and disjoint.
 */
export class LeftmostLongest {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private patterns = new Int32Array(64);
  private count = 0;

  get length(): number {
    return this.count;
  }

  offer(start: number, end: number, pattern: number): void {
    const { starts, ends } = this;
    let keep = this.count;
    while (keep > 0 && starts[keep - 1]! >= start) keep--;
    if (keep > 0 && ends[keep - 1]! > start) return;
    if (keep === this.starts.length) this.grow();
    this.starts[keep] = start;
    this.ends[keep] = end;
    this.patterns[keep] = pattern;
    this.count = keep + 1;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  pattern(i: number): number {
    return this.patterns[i]!;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const widen = (from: Int32Array) => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.starts = widen(this.starts);
    this.ends = widen(this.ends);
    this.patterns = widen(this.patterns);
  }
}
