import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinker, type Linker, type LinkerEntry } from '../shared/linking';

const ALIASES = 10_000;
const LARGE_ALIASES = 100_000;
const TEXT_BYTES = 10 * 1024 * 1024;
const RUNS = 5;

// mulberry32, so names and prose are the same on every run (an LCG's low
// bits repeat too soon for `% n` picks).
let seed = 7;
const next = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
};
const pick = <T>(items: readonly T[]): T => items[next() % items.length]!;

const FIRST = ['John', 'Maria', 'Wei', 'Ahmed', 'Olga', 'José', 'Anne', 'Li', 'Carlos', 'Fatima', 'Dmitri', 'Sarah', 'Ivan', 'Chen', 'Luis', 'Elena', 'Hassan', 'Ana', 'Peter', 'Mei', 'Joaquín', 'Rafael', 'Vanda', 'Miguel', 'Sofia', 'Omar', 'Yuki', 'Grace', 'Tomás', 'Nadia', 'Kwame', 'Zhang', 'Igor', 'Laura', 'Samuel', 'Aisha', 'Pablo', 'Helen', 'Jorge', 'Irina', 'Daniel', 'Leila', 'Marco', 'Ruth', 'Ovidio', 'Diana', 'Felix', 'Rosa', 'Andrés', 'Hugo'];
const LAST = ['Smith', 'García', 'Wang', 'Khan', 'Petrova', 'Méndez', 'Milgram', 'Zhou', 'Guzmán', "O'Brien", 'Felbab-Brown', 'Lopez', 'Ivanov', 'Liu', 'Hernández', 'Nakamura', 'Okafor', 'Schmidt', 'Rossi', 'Cohen', 'Silva', 'Kowalski', 'Novak', 'Jensen', 'Haddad', 'Ramírez', 'Torres', 'Yang', 'Zambada', 'Caro Quintero', 'Fuentes', 'Morales', 'Becker', 'Dubois', 'Moreau', 'Castro', 'Ortiz', 'Vargas', 'Reyes', 'Chang', 'Huang', 'Sato', 'Park', 'Kim', 'Singh', 'Patel', 'MacDonald', 'Van der Berg', 'De la Cruz', 'St. John'];
const PLACES = ['Sinaloa', 'Jalisco', 'Wuhan', 'Manzanillo', 'Culiacán', 'Guangzhou', 'Tijuana', 'Shanghai', 'Lázaro Cárdenas', 'Hong Kong', 'Michoacán', 'Nogales', 'San Diego', 'El Paso', 'Vancouver', 'Rotterdam', 'Hamburg', 'Antwerp', 'Panama City', 'Colón', 'Hubei', 'Zhejiang', 'Mexico City', 'Phoenix', 'Chicago'];
const ORG_KINDS = ['Cartel', 'Chemical Co., Ltd.', 'Pharmaceutical Group', 'Trading Company', 'Logistics S.A. de C.V.', 'Customs Office', 'Police Department', 'Holdings Inc.', 'Biotech', 'Import-Export LLC', 'Port Authority', 'Ministry of Public Security', 'Brokerage'];
const PROSE = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'was', 'for', 'on', 'with', 'as', 'by', 'from', 'shipment', 'precursor', 'broker', 'customs', 'invoice', 'warehouse', 'chemical', 'sanctions', 'Treasury', 'fentanyl', 'laboratory', 'container', 'said', 'according', 'officials', 'payment', 'company', 'records', 'investigators', 'seized', 'pills', 'powder', 'tons', 'network', 'money', 'laundering', 'idea', 'ideas', 'market', 'supply', 'chain', 'border', 'agents', 'report', 'court', 'documents', 'show', 'million', 'dollars', 'which', 'were', 'had', 'been', 'after', 'before', 'during', 'under', 'federal', 'indictment'];

function personName(): string {
  const roll = next() % 10;
  if (roll < 2) return `${pick(FIRST)} ${String.fromCharCode(65 + (next() % 26))}. ${pick(LAST)}`;
  if (roll < 3) return `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
  return `${pick(FIRST)} ${pick(LAST)}`;
}

function otherName(): string {
  const roll = next() % 10;
  if (roll < 5) return `${pick(roll < 3 ? PLACES : LAST)} ${pick(ORG_KINDS)}`;
  if (roll < 7) return `${pick(PLACES)} ${pick(['Province', 'port', 'airport', 'free trade zone', 'industrial park', 'border crossing'])}`;
  if (roll < 8) return `$${(next() % 1000) / 10} ${pick(['million', 'billion'])}`;
  if (roll < 9) return `${pick(['U.S.', 'U.N.', 'E.U.', 'P.R.C.'])} ${pick(['Treasury', 'Embassy', 'Consulate', 'Mission', 'Attaché', 'Liaison Office'])} in ${pick(PLACES)}`;
  return `Operation ${pick(LAST).replace(/ /g, '')} ${pick(['Storm', 'Shield', 'Hydra', 'Eagle', 'Tide', 'Lance'])}${next() % 3 === 0 ? ` ${next() % 100}` : ''}`;
}

/** `count` distinct aliases, about three people for every other kind of name. */
function generateAliases(count: number): string[] {
  const aliases = new Set<string>(['DEA', 'U.S.', 'Vanda Felbab-Brown', '$53.4 million', 'Sinaloa cartel', 'Sinaloa']);
  while (aliases.size < count) aliases.add(next() % 4 === 0 ? otherName() : personName());
  return [...aliases];
}

/** About `bytes` of prose with aliases sprinkled in, the seed article every megabyte. */
function generateText(aliases: readonly string[], bytes: number): string {
  const article = readFileSync('shared/seed/fentanyl-article.txt', 'utf8');
  const parts: string[] = [];
  let size = 0;
  let nextArticle = 0;
  while (size < bytes) {
    if (size >= nextArticle) {
      parts.push(article, '\n\n');
      size += article.length + 2;
      nextArticle += 1024 * 1024;
    }
    const words: string[] = [];
    for (let w = 0; w < 15; w++) {
      const roll = next() % 20;
      if (roll === 0) {
        const alias = pick(aliases);
        words.push(next() % 8 === 0 ? alias.toUpperCase() : next() % 8 === 1 ? `${alias}'s` : alias);
      } else words.push(pick(PROSE));
    }
    const sentence = words.join(' ') + (next() % 6 === 0 ? '.\n' : '. ');
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join('');
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;
const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1).padStart(6)} MB`;

function best(times: number[]): number {
  return Math.min(...times);
}

/** CPU seconds used by this process's finished children (Linux), or NaN. */
function childCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14, in clock ticks.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Timed {
  wall: number[];
  cpu: number[];
  matches: number;
}

function runGrep(dir: string): Timed {
  const timed: Timed = { wall: [], cpu: [], matches: 0 };
  for (let run = 0; run < RUNS; run++) {
    const cpu0 = childCpuMs();
    const t0 = performance.now();
    // Output into a pipe we count: GNU grep stops at the first match when its
    // output is /dev/null, which would time something else.
    const result = spawnSync('grep', ['-F', '-i', '-o', '-f', join(dir, 'aliases.txt'), join(dir, 'text.txt')], {
      env: { ...process.env, LC_ALL: 'C' },
      maxBuffer: 1024 * 1024 * 1024,
    });
    timed.wall.push(performance.now() - t0);
    timed.cpu.push(childCpuMs() - cpu0);
    if (result.error) throw result.error;
    timed.matches = 0;
    for (const byte of result.stdout) if (byte === 10) timed.matches++;
  }
  return timed;
}

function runLinker(linker: Linker, text: string): Timed {
  const timed: Timed = { wall: [], cpu: [], matches: 0 };
  for (let run = 0; run < RUNS; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    timed.matches = linker.find(text).length;
    timed.wall.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    timed.cpu.push((cpu.user + cpu.system) / 1000);
  }
  return timed;
}

function line(label: string, timed: Timed, textLength: number): string {
  const wall = best(timed.wall);
  const speed = (textLength / 1024 / 1024 / (wall / 1000)).toFixed(0).padStart(5);
  return `  ${label.padEnd(20)} ${ms(wall)}   ${speed} MB/s   cpu ${ms(best(timed.cpu))}   ${timed.matches.toLocaleString('en').padStart(8)} matches   runs: ${timed.wall.map((t) => t.toFixed(0)).join(', ')}`;
}

/**
 * Links 10 MB of text against 10,000 aliases and compares with GNU grep
 * (`LC_ALL=C grep -F -i -o`) on the same files in the same run. grep does
 * less (bytes, ASCII case only, no word boundaries or offsets back into
 * folded text), so its match count differs a little; the ratio is the figure.
 */
export async function main(): Promise<void> {
  console.log('\nEntity linker: 10 MB of text against 10,000 aliases, best of 5, vs LC_ALL=C grep -F -i -o:');
  const aliases = generateAliases(ALIASES);
  const text = generateText(aliases, TEXT_BYTES);
  const dir = mkdtempSync(join(tmpdir(), 'casebook-linker-'));
  try {
    writeFileSync(join(dir, 'aliases.txt'), aliases.join('\n') + '\n');
    writeFileSync(join(dir, 'text.txt'), text);
    const entries: LinkerEntry[] = aliases.map((alias, i) => ({ entityId: `e${i}`, alias }));

    const heapBefore = process.memoryUsage();
    const t0 = performance.now();
    const linker = createLinker(entries);
    const buildTime = performance.now() - t0;
    const heapAfter = process.memoryUsage();
    const stats = linker.stats;

    const linked = runLinker(linker, text);
    const grep = runGrep(dir);

    console.log(`  text                 ${mb(text.length)} (${text.length.toLocaleString('en')} UTF-16 units)`);
    console.log(`  patterns             ${stats.patterns.toLocaleString('en').padStart(11)}   states ${stats.states.toLocaleString('en')} (${stats.denseStates.toLocaleString('en')} dense), alphabet ${stats.alphabet}`);
    console.log(`  build                ${ms(buildTime)}`);
    console.log(`  memory               ${mb(stats.typedArrayBytes)} typed arrays, heap used ${mb(heapAfter.heapUsed - heapBefore.heapUsed)}, array buffers ${mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers)}`);
    console.log(line('linker.find', linked, text.length));
    console.log(line('grep -F -i -o', grep, text.length));
    const ratio = best(linked.wall) / best(grep.wall);
    const cpuRatio = best(linked.cpu) / best(grep.cpu);
    console.log(`\n  linker / grep: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× cpu   (goal: under 2×)`);
    console.log('  (grep counts matches inside words, e.g. "DEA" in "idea", and no accent-folded ones; the linker does the reverse)');

    const largeAliases = generateAliases(LARGE_ALIASES);
    const largeBefore = process.memoryUsage();
    const t2 = performance.now();
    const large = createLinker(largeAliases.map((alias, i) => ({ entityId: `e${i}`, alias })));
    const largeBuild = performance.now() - t2;
    const largeAfter = process.memoryUsage();
    const t3 = performance.now();
    const largeFound = large.find(text).length;
    const largeFind = performance.now() - t3;
    const s = large.stats;
    console.log(`\n  100,000 aliases: build ${ms(largeBuild)}, ${s.states.toLocaleString('en')} states (${s.denseStates.toLocaleString('en')} dense), alphabet ${s.alphabet}`);
    console.log(`                   ${mb(s.typedArrayBytes)} typed arrays, heap used ${mb(largeAfter.heapUsed - largeBefore.heapUsed)}, array buffers ${mb(largeAfter.arrayBuffers - largeBefore.arrayBuffers)}`);
    console.log(`                   find ${ms(largeFind)} (one run), ${largeFound.toLocaleString('en')} matches`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
