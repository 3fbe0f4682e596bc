import { spawnStack } from '../stack/spawn-stack.ts';
import { testPorts } from '../tests/port-offset.ts';

/** The stack with the built app on the benches' own ports; resolves once it is ready. */
export function startBenchStack(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return spawnStack(
    testPorts({ app: 3400, api: 28321, db: 28322, mailbox: 28324, postgrest: 28325 }),
    { args: extraArgs, env }
  );
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
