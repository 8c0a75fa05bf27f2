// Every word a person reads goes through the message catalogues (web/src/*/messages.ts), so the
// German app is complete: text between JSX tags, string literals and templates written as JSX
// children, and the attributes people read or hear (title, label, aria-label...) are refused
// when they hold a letter. Punctuation, symbols and numbers between tags are not words.

const readAttributes = new Set([
  'title',
  'label',
  'legend',
  'aria-label',
  // The phone layout shows it as the cell's heading.
  'data-label',
  'aria-description',
  'placeholder',
  'alt',
  'hint',
  'what',
  'trigger',
  'confirm',
  'caption',
  'description',
  'empty',
  'summary',
]);

const hasWord = (text) => /\p{L}{2,}/u.test(text);

export const wordsInCatalogues = {
  meta: {
    type: 'problem',
    docs: { description: 'Words people read come from the message catalogues' },
    messages: {
      literal: 'Words people read come from the message catalogues, not “{{text}}”: use t(…).',
    },
    schema: [],
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    // The texts an expression can show: a literal, a template, either side of `a ? b : c` or
    // `a && b`, `a ?? b`.
    const literalText = (node) => {
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked).join(' ');
      if (node.type === 'ConditionalExpression')
        return [literalText(node.consequent), literalText(node.alternate)].join(' ');
      if (node.type === 'LogicalExpression')
        return [literalText(node.left), literalText(node.right)].join(' ');
      return '';
    };
    return {
      JSXText(node) {
        if (hasWord(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent.type !== 'JSXElement' && node.parent.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (hasWord(text)) report(node, text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXNamespacedName' ? node.name.name.name : node.name.name;
        if (!readAttributes.has(name) || !node.value) return;
        const text =
          node.value.type === 'Literal'
            ? node.value.value
            : node.value.type === 'JSXExpressionContainer'
              ? literalText(node.value.expression)
              : undefined;
        if (typeof text === 'string' && hasWord(text)) report(node, text);
      },
    };
  },
};
