'use strict';
// Prints each token of .plan files with its innermost scope (meta scopes left out), for
// reading the grammar's result by eye: node scripts/scopes.js FILE...
const fs = require('node:fs');
const { tokenize } = require('../test/unit/tokenize');

(async () => {
  for (const file of process.argv.slice(2)) {
    const lines = await tokenize(fs.readFileSync(file, 'utf8'));
    for (const tokens of lines) {
      const shown = tokens
        .filter((t) => t.text.trim() !== '')
        .map((t) => {
          const inner = t.scopes.filter((s) => !s.startsWith('meta.') && s !== 'source.plan');
          return `${t.text}〔${inner.length ? inner[inner.length - 1].replace(/\.plan$/, '') : '-'}〕`;
        });
      if (shown.length) console.log(`${tokens[0].line}: ${shown.join(' ')}`);
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
