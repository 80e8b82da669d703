// `npx tsx bench/cpu-profile.ts <file.cpuprofile> [top]`: self time of a V8 CPU profile (from
// `node --cpu-prof`) by package or module and by function, to see where a process spends its CPU.
// Profile the engine as the CLI runs it, e.g.
//   node --max-semi-space-size=8 --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx electron/cli/main.ts migrate-collection alerts --json
// Sample times are wall time on the CPU the thread had: on a loaded machine a function that was
// descheduled looks dearer than it is, so compare profiles taken side by side.
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** A package (node_modules), a Node built-in module, a source folder of this project, or the native frame's name. */
function groupOf(url: string, functionName: string): string {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.startsWith('file://')) return url.replace(/^.*?\/(electron|bench|shared|scripts)\//, '$1/').split('/').slice(0, 2).join('/');
  return functionName || '(native)';
}

function selfTimes(profile: Profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byGroup = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(electron|bench|shared|scripts)\//, '$1/');
    const key = `${functionName || '(anonymous)'}  ${where || '(native)'}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byGroup.set(groupOf(url, functionName), (byGroup.get(groupOf(url, functionName)) ?? 0) + us);
    total += us;
  });
  return { byFunction, byGroup, total };
}

const [file, top = '30'] = process.argv.slice(2);
if (!file) throw new Error('Usage: npx tsx bench/cpu-profile.ts <file.cpuprofile> [top]');
const { byFunction, byGroup, total } = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profile);
const idle = byGroup.get('(idle)') ?? 0;
byGroup.delete('(idle)');
byFunction.delete('(idle)  (native):1');
console.log(`${(total / 1e6).toFixed(2)} s sampled, ${((total - idle) / 1e6).toFixed(2)} s busy`);
const print = (title: string, times: Map<string, number>, count: number) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${(us / 1e3).toFixed(0).padStart(7)} ms ${((100 * us) / (total - idle || 1)).toFixed(1).padStart(5)}%  ${name}`);
  }
};
print('By package or module (share of busy time):', byGroup, 20);
print('By function:', byFunction, Number(top));
