'use strict';
// Snapshot test of the grammar over the repository's example plans (examples/*.plan): each
// example is tokenized and compared with test/snap/NAME.plan.snap. The examples are copied
// into out/snap/ because vscode-tmgrammar-snap keeps a snapshot beside its source file.
//
//   node scripts/snap.js                   compare (fails on any difference or missing snapshot)
//   node scripts/snap.js --updateSnapshot  rewrite test/snap/*.snap after a deliberate change
//                                          (of the grammar or of an example); review the diff

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const examples = path.resolve(root, '..', '..', 'examples');
const snaps = path.join(root, 'test', 'snap');
const work = path.join(root, 'out', 'snap');
const update = process.argv.includes('--updateSnapshot');

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
fs.mkdirSync(snaps, { recursive: true });

const plans = fs.readdirSync(examples).filter((f) => f.endsWith('.plan')).sort();
if (plans.length === 0) {
  console.error(`snap: no .plan files in ${examples}`);
  process.exit(1);
}
const missing = [];
for (const plan of plans) {
  fs.copyFileSync(path.join(examples, plan), path.join(work, plan));
  const snap = path.join(snaps, `${plan}.snap`);
  if (fs.existsSync(snap)) {
    fs.copyFileSync(snap, path.join(work, `${plan}.snap`));
  } else if (!update) {
    missing.push(path.relative(root, snap));
  }
}
if (missing.length > 0) {
  console.error(`snap: no snapshot for ${missing.join(', ')}: run \`npm run test:snap:update\` in editors/vscode and review it`);
  process.exit(1);
}

const cli = require.resolve('vscode-tmgrammar-test/dist/snapshot.js');
const args = [cli, '-g', path.join(root, 'syntaxes', 'plan.tmLanguage.json'), '-s', 'source.plan',
  ...(update ? ['--updateSnapshot'] : []), path.join(work, '*.plan')];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
if (run.status !== 0) {
  console.error('snap: the grammar no longer scopes examples/*.plan as test/snap/*.snap records. If the change is '
    + 'meant (a grammar fix or an edited example), run `npm run test:snap:update` in editors/vscode and review the diff.');
  process.exit(run.status === null ? 1 : run.status);
}
if (update) {
  for (const plan of plans) {
    fs.copyFileSync(path.join(work, `${plan}.snap`), path.join(snaps, `${plan}.snap`));
  }
  for (const stale of fs.readdirSync(snaps).filter((f) => !plans.includes(f.replace(/\.snap$/, '')))) {
    fs.rmSync(path.join(snaps, stale));
  }
  console.log(`snap: wrote ${plans.length} snapshots to ${path.relative(root, snaps)}`);
}
