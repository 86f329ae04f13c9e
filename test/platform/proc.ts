/**
 * Running the real app as a child process, the way an operator does (`npm start` is
 * `node --import tsx src/main.ts start`), and looking at the processes it leaves behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface AppProcess {
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the output once it matches, rejects on timeout or early exit. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
  /** Sends a signal and waits for the exit, killing it hard after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
  /** Ctrl-C in a terminal: SIGINT to the whole process group (the database server too). */
  ctrlC(timeoutMs?: number): Promise<number | string>;
  /** Waits for the process to end by itself; kills it and rejects after `timeoutMs`. */
  waitExit(timeoutMs?: number): Promise<number | string>;
}

/** Environment for a child: the parent's minus what would change the app's behaviour. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  return { ...base, ...env };
}

/**
 * Starts `node --import tsx src/main.ts <args>` in the project root with exactly `env`
 * (or another entry, such as the build's `dist/main.js`).
 */
export function runMain(
  args: string[],
  env: Record<string, string>,
  entry = ['--import', 'tsx', 'src/main.ts'],
): AppProcess {
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: root,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a terminal gives it
  });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let ended = false;
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      for (const w of waiters) w();
      resolve(code ?? signal ?? -1);
    }),
  );
  const waitFor = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (re.test(out)) done(() => resolve(out));
        else if (ended) done(() => reject(new Error(`process exited before ${re}:\n${out}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out waiting for ${re}:\n${out}`))),
        timeoutMs,
      );
      const done = (f: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000, group = false) => {
    if (!ended) {
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  const waitExit = async (timeoutMs = 30_000) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`process did not exit within ${timeoutMs} ms:\n${out}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const ctrlC = (timeoutMs?: number) => stop('SIGINT', timeoutMs, true);
  return { child, output: () => out, waitFor, exited, stop: (s, ms) => stop(s, ms), ctrlC, waitExit };
}

/** Pids of running postgres server processes whose command line names `dataDir`. */
export function postgresFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z' && /postgres$/.test(cmd[0]) && cmd.some((a) => a.startsWith(dataDir)))
        pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `cond()` holds, polling; false on timeout. */
export async function eventually(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return true;
    await sleep(100);
  }
  return cond();
}
