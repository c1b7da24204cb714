'use strict';
// Ties the TextMate grammar to the real lexer (dsl-grammar/.../Plan.g4) and to every .plan file
// the repository holds: a keyword or token class added to the lexer without a place in the
// grammar fails here, as does any example or formatter fixture the grammar cannot scope.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { tokenize } = require('./tokenize');

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const LEXER = path.join(REPO, 'dsl-grammar', 'src', 'main', 'antlr4', 'dev', 'planc', 'grammar', 'Plan.g4');

/** The lexer rules of Plan.g4 (fragments left out): name -> literal for keywords, else the rule text. */
function lexerRules() {
  const text = fs.readFileSync(LEXER, 'utf8');
  const rules = new Map();
  for (const m of text.matchAll(/^([A-Z][A-Z0-9_]*)\s*:\s*(.*?)\s*;/gms)) {
    rules.set(m[1], m[2]);
  }
  return rules;
}

function keywords() {
  const result = [];
  for (const [name, body] of lexerRules()) {
    const m = /^'([a-z_]+)'$/.exec(body);
    if (m) {
      result.push({ name, word: m[1] });
    }
  }
  return result;
}

/** The innermost scope of the token at (line, column), both 1-based, for the token text expected. */
async function scopeOf(text, line, word, occurrence = 1) {
  const lines = await tokenize(text);
  const source = text.split('\n')[line - 1];
  let from = -1;
  for (let i = 0; i < occurrence; i++) {
    from = source.indexOf(word, from + 1);
  }
  assert.ok(from >= 0, `${word} not in ${source}`);
  const token = lines[line - 1].find((t) => t.column - 1 <= from && from < t.column - 1 + t.text.length);
  return token.scopes;
}

const KEYWORD_SCOPE = {
  PLAN: 'storage.type.plan.plan',
  CALENDAR: 'keyword.other.attribute.plan', // inside a block it is an attribute
  RESOURCE: 'storage.type.resource.plan',
  TEAM: 'storage.type.team.plan',
  TASK: 'storage.type.task.plan',
  MILESTONE: 'storage.type.milestone.plan',
  GOAL: 'storage.type.goal.plan',
  METRIC: 'storage.type.metric.plan',
  CONTINGENCY: 'storage.type.contingency.plan',
  CONTINGENT: 'storage.modifier.contingent.plan',
  INCLUDE: 'keyword.control.import.plan',
  WHEN: 'keyword.control.when.plan',
  THEN: 'keyword.control.then.plan',
  ONCE: 'keyword.control.once.plan',
  NOTIFY: 'keyword.other.action.notify.plan',
  ACTIVATE: 'keyword.other.action.activate.plan',
  ESCALATE: 'keyword.other.action.escalate.plan',
  OR: 'keyword.operator.logical.or.plan',
  AND: 'keyword.operator.logical.and.plan',
  NOT: 'keyword.operator.logical.not.plan',
  TRUE: 'constant.language.boolean.true.plan',
  FALSE: 'constant.language.boolean.false.plan',
};

test('every keyword of the lexer is highlighted as one where a keyword stands', async () => {
  const all = keywords();
  assert.ok(all.length >= 50, `only ${all.length} keywords read from ${LEXER}`);
  for (const { name, word } of all) {
    const expected = KEYWORD_SCOPE[name] || 'keyword.other.attribute.plan';
    let scopes;
    if (['OR', 'AND', 'NOT', 'TRUE', 'FALSE'].includes(name)) {
      scopes = await scopeOf(`contingency c { when x == ${word} }`, 1, word);
    } else {
      scopes = await scopeOf(`task t {\n  ${word}\n}`, 2, word);
    }
    assert.equal(scopes[scopes.length - 1], expected, `${name} ('${word}'): ${scopes.join(' ')}`);
  }
});

test('every keyword of the lexer may name a task, and is a name where a name stands', async () => {
  for (const { name, word } of keywords()) {
    const decl = `task ${word} { duration 1d }`;
    let scopes = await scopeOf(decl, 1, word, decl.slice(0, decl.indexOf('{')).split(word).length - 1); // the id, not `task`
    assert.equal(scopes[scopes.length - 1], 'entity.name.function.task.plan', `task ${word}: ${scopes.join(' ')}`);
    for (const use of [`after ${word}`, `after a.${word}.b, ${word}`, `assign ${word}:2`]) {
      const text = `task t { ${use} }`;
      const lines = await tokenize(text);
      const firstName = text.indexOf(use) + use.indexOf(' ') + 1; // past the attribute keyword
      const named = lines[0].filter((t) => t.text === word && t.column > firstName);
      assert.ok(named.length > 0, text);
      for (const t of named) {
        assert.equal(t.scopes[t.scopes.length - 1], 'variable.other.plan', `${name} in "${text}": ${t.scopes.join(' ')}`);
      }
    }
    const expr = `contingency c { when x.${word} > 1 }`;
    scopes = await scopeOf(expr, 1, word, expr.split(word).length - 1);
    assert.match(scopes[scopes.length - 1], /^(variable\.other|support\.variable\.property)\./, `x.${word}: ${scopes.join(' ')}`);
  }
});

// One sample per non-keyword lexer rule, with the scope its text gets.
const TOKEN_SAMPLES = {
  DATETIME: ['task t { start >= 2027-01-04T09:30 }', '2027-01-04T09:30', 'constant.numeric.datetime.plan'],
  DATE: ['task t { deadline 2027-01-04 }', '2027-01-04', 'constant.numeric.date.plan'],
  TIME: ['calendar c { hours 9:00-17:00 }', '17:00', 'constant.numeric.time.plan'],
  PERCENT: ['resource r { capacity 12.5% }', '12.5', 'constant.numeric.percentage.plan'],
  DURATION_LIT: ['task t { duration 30min }', '30', 'constant.numeric.duration.plan'],
  BAD_UNIT: ['task t { duration 3days }', '3days', 'invalid.illegal.unknown-unit.plan'],
  NUMBER: ['task t { priority 500 }', '500', 'constant.numeric.decimal.plan'],
  ID: ['task t { assign alice }', 'alice', 'variable.other.plan'],
  STRING: ['task t "A \\"title\\"" { }', 'A ', 'string.quoted.double.plan'],
  UNTERMINATED_STRING: ['task t { note "never closed', 'never', 'string.quoted.double.plan'],
  DOTDOT: ['resource r { leave 2027-01-04..2027-01-08 }', '..', 'keyword.operator.range.plan'],
  DOT: ['task t { after a.b }', '.', 'punctuation.accessor.plan'],
  COMMA: ['task t { after a, b }', ',', 'punctuation.separator.comma.plan'],
  COLON: ['task t { assign a:2 }', ':', 'punctuation.separator.key-value.plan'],
  SEMI: ['task t { duration 1d; }', ';', 'punctuation.terminator.statement.plan'],
  LBRACE: ['task t { }', '{', 'punctuation.section.block.begin.plan'],
  RBRACE: ['task t { }', '}', 'punctuation.section.block.end.plan'],
  LPAREN: ['contingency c { when (a) }', '(', 'punctuation.section.parens.begin.plan'],
  RPAREN: ['contingency c { when (a) }', ')', 'punctuation.section.parens.end.plan'],
  LE: ['contingency c { when a <= b }', '<=', 'keyword.operator.comparison.plan'],
  GE: ['task t { start >= 2027-01-04 }', '>=', 'keyword.operator.comparison.plan'],
  LT: ['contingency c { when a < b }', '<', 'keyword.operator.comparison.plan'],
  GT: ['contingency c { when a > b }', '>', 'keyword.operator.comparison.plan'],
  EQ: ['contingency c { when a == b }', '==', 'keyword.operator.comparison.plan'],
  NE: ['contingency c { when a != b }', '!=', 'keyword.operator.comparison.plan'],
  PLUS: ['task t { after a + 2d }', '+', 'keyword.operator.arithmetic.plan'],
  MINUS: ['task t { after a - 2d }', '-', 'keyword.operator.arithmetic.plan'],
  STAR: ['contingency c { when a * 2 > b }', '*', 'keyword.operator.arithmetic.plan'],
  SLASH: ['resource r { rate 80 EUR/h }', '/', 'keyword.operator.arithmetic.plan'],
  LINE_COMMENT: ['task t { } # task u { }', ' task u { }', 'comment.line.number-sign.plan'],
  BLOCK_COMMENT: ['/* task u { } */ task t { }', ' task u { } ', 'comment.block.plan'],
  UNTERMINATED_COMMENT: ['/* task u {', ' task u {', 'comment.block.plan'],
  WS: null, // skipped by the lexer, nothing to highlight
  ERROR_CHAR: ['task t { assign @a }', '@', 'invalid.illegal.character.plan'],
};

test('every other token class of the lexer has its scope', async () => {
  const names = [...lexerRules().keys()].filter((n) => !keywords().some((k) => k.name === n));
  for (const name of names) {
    assert.ok(name in TOKEN_SAMPLES, `lexer rule ${name} has no sample here: give it a scope in the grammar and a sample`);
    const sample = TOKEN_SAMPLES[name];
    if (sample === null) {
      continue;
    }
    const [text, word, expected] = sample;
    const scopes = await scopeOf(text, 1, word);
    assert.equal(scopes[scopes.length - 1], expected, `${name} in "${text}": ${scopes.join(' ')}`);
  }
});

function planFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      planFiles(p, out);
    } else if (/\.(plan|formatted)$/.test(entry.name)) {
      out.push(p);
    }
  }
  return out;
}

test('every example and formatter fixture is scoped throughout, with nothing marked invalid', async () => {
  const files = [
    ...planFiles(path.join(REPO, 'examples')),
    ...planFiles(path.join(REPO, 'compiler', 'src', 'test', 'resources', 'format')),
  ];
  assert.ok(files.length >= 20, `only ${files.length} files found under ${REPO}`);
  for (const file of files) {
    const lines = await tokenize(fs.readFileSync(file, 'utf8'));
    for (const tokens of lines) {
      for (const t of tokens) {
        const where = `${path.relative(REPO, file)}:${t.line}:${t.column} \`${t.text}\``;
        assert.ok(!t.scopes.some((s) => s.startsWith('invalid.')), `${where} is marked ${t.scopes.join(' ')}`);
        if (t.text.trim() !== '') {
          const named = t.scopes.filter((s) => s !== 'source.plan' && !s.startsWith('meta.'));
          assert.ok(named.length > 0, `${where} has no scope: ${t.scopes.join(' ')}`);
        }
      }
    }
  }
});

test('keywords in strings and comments stay string and comment in every fixture', async () => {
  const words = new Set(keywords().map((k) => k.word));
  for (const file of planFiles(path.join(REPO, 'compiler', 'src', 'test', 'resources'))) {
    const lines = await tokenize(fs.readFileSync(file, 'utf8'));
    for (const tokens of lines) {
      for (const t of tokens) {
        const inner = t.scopes.filter((s) => s.startsWith('string.') || s.startsWith('comment.'));
        if (inner.length > 0) {
          assert.ok(!t.scopes.some((s) => /^(keyword|storage|constant|variable|entity)\./.test(s) && !s.startsWith('constant.character.escape.')),
            `${path.relative(REPO, file)}:${t.line}:${t.column} \`${t.text}\`: ${t.scopes.join(' ')}`);
        }
      }
    }
  }
  assert.ok(words.size > 0);
});
