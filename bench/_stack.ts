import { spawnStack } from '../stack/spawn-stack.ts';
import { testPorts } from '../tests/port-offset.ts';

/**
 * The stack with the built app on the benches' own ports; resolves once it is ready.
 * `slot` 1 is a second stack beside the first (ports + 10), for benches that compare two.
 */
export function startBenchStack(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}, slot = 0) {
  const ports = { app: 3400, api: 28321, db: 28322, mailbox: 28324, postgrest: 28325 };
  const shifted = Object.fromEntries(
    Object.entries(ports).map(([k, v]) => [k, v + 10 * slot])
  ) as typeof ports;
  return spawnStack(testPorts(shifted), { args: extraArgs, env });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
