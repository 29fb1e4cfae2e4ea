// Numbers, clocks and CPU accounting for the benchmark.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Wall-clock milliseconds with sub-ms resolution, comparable across processes on one machine. */
export const now = () => performance.timeOrigin + performance.now();

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

export const round = (value, digits = 0) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
export const fmtInt = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
export const fmtMs = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

// ---------------------------------------------------------------------------------------------
// CPU: how busy the whole machine was during a phase, and how much of that was ours
// ---------------------------------------------------------------------------------------------

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

function machineTicks() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest is already counted in user)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return null;
  }
}

function processTicks(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

const INFRA_COMMANDS = new Set(['postgres', 'redis-server']);

/** Pids of PostgreSQL and Redis server processes (shared with anyone else using those servers). */
function infraPids() {
  const pids = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (INFRA_COMMANDS.has(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function ticksOf(pids) {
  return new Map(pids.map((pid) => [pid, processTicks(pid)]));
}

function delta(before, after) {
  let sum = 0;
  for (const [pid, ticks] of after) sum += Math.max(0, ticks - (before.get(pid) ?? 0));
  return sum;
}

/**
 * Starts measuring; `stop()` returns the cores busy on the whole machine over the interval, split
 * into the bench (`processes()`: pid → name of this process and the ones it started, also per
 * name), PostgreSQL + Redis server processes (ours and anybody else's), and everything else
 * ("others": e.g. someone's test run). Processes that end inside the interval are not counted,
 * so the split is approximate.
 */
export function cpuMeter(processes) {
  const names = new Map(processes());
  const start = { at: now(), machine: machineTicks(), own: ticksOf([...names.keys()]), infra: ticksOf(infraPids()) };
  return {
    stop() {
      const seconds = (now() - start.at) / 1000;
      const machine = machineTicks();
      for (const [pid, name] of processes()) names.set(pid, name);
      const cores = (ticks) => ticks / TICKS_PER_SECOND / seconds;
      const byProcess = {};
      let own = 0;
      for (const [pid, name] of names) {
        const ticks = Math.max(0, processTicks(pid) - (start.own.get(pid) ?? 0));
        own += ticks;
        byProcess[name] = round((byProcess[name] ?? 0) + cores(ticks), 2);
      }
      const infra = delta(start.infra, ticksOf(infraPids()));
      if (!machine || !start.machine || seconds <= 0) return null;
      const busy = cores(machine.busy - start.machine.busy);
      return {
        busyCores: round(busy, 2),
        benchCores: round(cores(own), 2),
        byProcess,
        pgRedisCores: round(cores(infra), 2),
        otherCores: round(Math.max(0, busy - cores(own) - cores(infra)), 2),
      };
    },
  };
}

/** Cores busy on the machine over `ms` while the bench itself sits idle: what others are using. */
export async function idleLoad(ms = 1500) {
  const meter = cpuMeter(() => new Map([[process.pid, 'bench']]));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return meter.stop();
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((value) => round(value, 2)),
  };
}
