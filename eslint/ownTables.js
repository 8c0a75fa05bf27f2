// A domain writes only its own tables: `tx.insert(t)`, `tx.update(t)` and `tx.delete(t)` are
// refused when `t` comes from another domain's schema.ts. To change another domain's state,
// run its command, which appends that domain's events. Platform tables (src/platform/db) are
// the machinery every domain shares and are not covered; tests and the demo filler are exempt
// only where they seed data the way an operator would.
import path from 'node:path';

const srcRoot = path.resolve(import.meta.dirname, '..', 'src');

/** `members` for src/members/commands/x.ts; undefined outside src/. */
function domainOf(file) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0];
}

const writes = new Set(['insert', 'update', 'delete']);

export const ownTables = {
  meta: {
    type: 'problem',
    docs: { description: 'A domain writes only its own tables' },
    messages: {
      foreign:
        "{{domain}} writes {{table}}, a table of {{owner}}: run {{owner}}'s command instead, so that its events are appended.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const domain = domainOf(file);
    if (!domain || domain === 'platform' || domain === 'testing' || /\.test\.ts$/.test(file))
      return {};
    /** Local name of an imported table -> the domain whose schema.ts exports it. */
    const foreign = new Map();
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.') || !source.endsWith('schema.ts'))
          return;
        const owner = domainOf(path.resolve(path.dirname(file), source));
        if (!owner || owner === domain || owner === 'platform') return;
        for (const specifier of node.specifiers)
          if (specifier.type === 'ImportSpecifier') foreign.set(specifier.local.name, owner);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!writes.has(callee.property.name)) return;
        const [table] = node.arguments;
        if (table?.type !== 'Identifier' || !foreign.has(table.name)) return;
        context.report({
          node,
          messageId: 'foreign',
          data: { domain, table: table.name, owner: foreign.get(table.name) },
        });
      },
    };
  },
};
