/**
 * An Aho–Corasick automaton over folded UTF-16 code units, all in typed
 * arrays so a 10 MB text scans without allocating per character.
 *
 * - Alphabet: only the code units that occur in some pattern get a class
 *   (1…alphabetSize-1, in code-unit order); every other unit is class 0,
 *   which no pattern contains, so it sends the automaton back to the root.
 * - States are numbered breadth-first. The children of a state are then
 *   consecutive states (`childStart[s]` … `childStart[s + 1]`), sorted by
 *   their incoming class, so the trie needs no edge arrays at all.
 * - The shallowest `denseCount` states (as many as the memory budget allows,
 *   usually all of them) get a full transition row with failures already
 *   resolved: one array read per character. Deeper states beyond the budget
 *   search their children and follow failure links, which keeps 100,000
 *   aliases in tens of megabytes instead of hundreds.
 * - Transitions hold the target's row offset (`state * alphabetSize`), not
 *   its number, which takes a multiplication off the scan's critical path
 *   (states without a row get the offsets after the last row, see `rowOf`);
 *   one whose target ends a pattern is stored negated (high bit set), so the
 *   scan tests for matches with a sign check instead of another read.
 * - Whitespace runs: patterns hold single spaces, and a state entered on a
 *   space stays where it is on another space, so a run of whitespace in the
 *   text (all mapped to the space class) acts as one space without the scan
 *   tracking runs.
 */
export interface Automaton {
  /** Classes including class 0 (not in any pattern). */
  readonly alphabetSize: number;
  /** Folded code unit → class. */
  readonly classOfUnit: Uint16Array;
  /** Class of " ", or 0 when no pattern has a space. */
  readonly spaceClass: number;
  readonly stateCount: number;
  /** States `0 … denseCount - 1` have a row in `delta`. */
  readonly denseCount: number;
  /** `delta[rowOf(state) + class]`: `rowOf(next state)`, `| HAS_OUTPUT` when it ends a pattern. */
  readonly delta: Int32Array;
  /** `stateCount + 1` entries: the children of `s` are states `childStart[s]` up to `childStart[s + 1]`. */
  readonly childStart: Int32Array;
  /** Class of the edge into each state. */
  readonly inClass: Uint16Array;
  readonly fail: Int32Array;
  /** Pattern that ends exactly at the state, or -1. */
  readonly outPattern: Int32Array;
  /** First state on the failure chain (itself included) that ends a pattern, or -1. */
  readonly outHead: Int32Array;
  /** Length in folded code units of each pattern. */
  readonly patternLength: Int32Array;
  readonly maxPatternLength: number;
}

export const HAS_OUTPUT = 0x80000000 | 0;
export const STATE_MASK = 0x7fffffff;

/** Default memory for dense rows: 32 MB. */
const DENSE_BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * Builds the automaton for `patterns` (folded, distinct, non-empty); a
 * pattern's id is its index. Construction sorts the patterns and builds the
 * trie from their common prefixes, so it needs no hash map of edges.
 */
export function buildAutomaton(patterns: readonly string[], denseBudgetBytes = DENSE_BUDGET_BYTES): Automaton {
  const { classOfUnit, alphabetSize } = buildAlphabet(patterns);
  const trie = buildBreadthFirstTrie(patterns, classOfUnit);
  const stateCount = trie.inClass.length;
  const denseCount = Math.max(1, Math.min(stateCount, Math.floor(denseBudgetBytes / 4 / alphabetSize)));
  const delta = new Int32Array(denseCount * alphabetSize);
  const fail = new Int32Array(stateCount);
  const outHead = new Int32Array(stateCount).fill(-1);
  const { childStart, inClass, outPattern } = trie;
  const spaceClass = classOfUnit[0x20]!;
  const automaton: Automaton = {
    alphabetSize,
    classOfUnit,
    spaceClass,
    stateCount,
    denseCount,
    delta,
    childStart,
    inClass,
    fail,
    outPattern,
    outHead,
    patternLength: Int32Array.from(patterns, (p) => p.length),
    maxPatternLength: patterns.reduce((max, p) => Math.max(max, p.length), 0),
  };

  // Breadth-first: a state's failure target is shallower, so its row and
  // links are complete before they are needed.
  for (let state = 0; state < stateCount; state++) {
    const firstChild = childStart[state]!;
    const endChild = childStart[state + 1]!;
    for (let child = firstChild; child < endChild; child++) {
      const target = state === 0 ? 0 : stateOf(automaton, step(automaton, fail[state]!, inClass[child]!) & STATE_MASK);
      fail[child] = target;
      outHead[child] = outPattern[child]! >= 0 ? child : outHead[target]!;
    }
    if (state < denseCount) {
      const row = state * alphabetSize;
      const failRow = fail[state]! * alphabetSize;
      if (state !== 0) delta.copyWithin(row, failRow, failRow + alphabetSize);
      for (let child = firstChild; child < endChild; child++) {
        delta[row + inClass[child]!] = encode(automaton, child);
      }
      // Never an output here: no pattern ends with a space.
      if (spaceClass !== 0 && state !== 0 && inClass[state] === spaceClass) delta[row + spaceClass] = row;
    }
  }
  return automaton;
}

/**
 * How the scan holds a state: its row offset in `delta` when it has a row,
 * else a number past the last row. Either way far below 2^31, so the high
 * bit stays free for `HAS_OUTPUT`.
 */
export function rowOf(automaton: Automaton, state: number): number {
  const { denseCount, alphabetSize } = automaton;
  return state < denseCount ? state * alphabetSize : denseCount * alphabetSize + (state - denseCount);
}

export function stateOf(automaton: Automaton, row: number): number {
  const { denseCount, alphabetSize } = automaton;
  const denseRows = denseCount * alphabetSize;
  return row < denseRows ? row / alphabetSize : denseCount + (row - denseRows);
}

/** A state as `delta` holds it: `rowOf`, with `HAS_OUTPUT` when it ends a pattern. */
function encode(automaton: Automaton, state: number): number {
  const row = rowOf(automaton, state);
  return automaton.outHead[state]! >= 0 ? row | HAS_OUTPUT : row;
}

/** One transition from state number `from` (not its row), encoded like `delta`. */
export function step(automaton: Automaton, from: number, cls: number): number {
  const { denseCount, delta, alphabetSize, childStart, inClass, fail, spaceClass } = automaton;
  if (from >= denseCount && cls === spaceClass && cls !== 0 && inClass[from] === cls) return rowOf(automaton, from);
  let state = from;
  for (;;) {
    if (state < denseCount) return delta[state * alphabetSize + cls]!;
    let lo = childStart[state]!;
    let hi = childStart[state + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const midClass = inClass[mid]!;
      if (midClass === cls) return encode(automaton, mid);
      if (midClass < cls) lo = mid + 1;
      else hi = mid - 1;
    }
    state = fail[state]!;
  }
}

/** Bytes held by the automaton's typed arrays. */
export function automatonBytes(automaton: Automaton): number {
  const a = automaton;
  return [a.classOfUnit, a.delta, a.childStart, a.inClass, a.fail, a.outPattern, a.outHead, a.patternLength].reduce((sum, arr) => sum + arr.byteLength, 0);
}

function buildAlphabet(patterns: readonly string[]): { classOfUnit: Uint16Array; alphabetSize: number } {
  const classOfUnit = new Uint16Array(0x10000);
  for (const pattern of patterns) for (let i = 0; i < pattern.length; i++) classOfUnit[pattern.charCodeAt(i)] = 1;
  let alphabetSize = 1;
  for (let unit = 0; unit < 0x10000; unit++) if (classOfUnit[unit] !== 0) classOfUnit[unit] = alphabetSize++;
  // The scan keeps the top of the 16-bit range for its own markers.
  if (alphabetSize > 0xff00) throw new Error(`Linker: ${alphabetSize} distinct characters in aliases is more than supported`);
  return { classOfUnit, alphabetSize };
}

interface BreadthFirstTrie {
  childStart: Int32Array;
  inClass: Uint16Array;
  outPattern: Int32Array;
}

/**
 * The trie of `patterns`, numbered breadth-first. First built depth-first
 * from the sorted patterns (each one shares its prefix with the one before),
 * then renumbered with a queue.
 */
function buildBreadthFirstTrie(patterns: readonly string[], classOfUnit: Uint16Array): BreadthFirstTrie {
  const order = patterns.map((_, i) => i).sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : 0));
  let totalUnits = 0;
  let maxLength = 0;
  for (const p of patterns) {
    totalUnits += p.length;
    maxLength = Math.max(maxLength, p.length);
  }

  // Depth-first: node ids in creation order; a node's children are created
  // in increasing class order because the patterns are sorted.
  const parent = new Int32Array(totalUnits + 1);
  const nodeClass = new Uint16Array(totalUnits + 1);
  const nodePattern = new Int32Array(totalUnits + 1).fill(-1);
  const path = new Int32Array(maxLength + 1);
  let nodes = 1;
  let previous = '';
  for (const id of order) {
    const pattern = patterns[id]!;
    let common = 0;
    while (common < previous.length && common < pattern.length && previous.charCodeAt(common) === pattern.charCodeAt(common)) common++;
    for (let depth = common; depth < pattern.length; depth++) {
      const node = nodes++;
      parent[node] = path[depth]!;
      nodeClass[node] = classOfUnit[pattern.charCodeAt(depth)]!;
      path[depth + 1] = node;
    }
    nodePattern[path[pattern.length]!] = id;
    previous = pattern;
  }

  // Children lists in depth-first ids (compressed rows), then a queue.
  const firstChildDf = new Int32Array(nodes + 1);
  for (let node = 1; node < nodes; node++) firstChildDf[parent[node]! + 1]!++;
  for (let node = 0; node < nodes; node++) firstChildDf[node + 1]! += firstChildDf[node]!;
  const childrenDf = new Int32Array(Math.max(0, nodes - 1));
  const filled = firstChildDf.slice(0, nodes);
  for (let node = 1; node < nodes; node++) childrenDf[filled[parent[node]!]!++] = node;

  const queue = new Int32Array(nodes);
  const childStart = new Int32Array(nodes + 1);
  let tail = 1;
  for (let head = 0; head < nodes; head++) {
    const node = queue[head]!;
    childStart[head] = tail;
    for (let c = firstChildDf[node]!; c < firstChildDf[node + 1]!; c++) queue[tail++] = childrenDf[c]!;
  }
  childStart[nodes] = nodes;

  const inClass = new Uint16Array(nodes);
  const outPattern = new Int32Array(nodes);
  for (let state = 0; state < nodes; state++) {
    inClass[state] = nodeClass[queue[state]!]!;
    outPattern[state] = nodePattern[queue[state]!]!;
  }
  return { childStart, inClass, outPattern };
}
