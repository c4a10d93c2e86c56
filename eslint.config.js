import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.output/**', '**/.wxt/**', '**/dist/**', 'companion/.build/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  // The panel's React: hooks used by the rules, and every control named and reachable (house style,
  // "Accessible by construction"), with jsx-a11y's recommended rules.
  {
    files: ['extension/**/*.tsx', 'test/unit/extension/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable <pre> must take focus to scroll by keyboard (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['pre'], roles: ['tabpanel'], allowExpressionValues: true }],
      // A list of buttons may move focus among them with arrow keys, handled once on the list.
      'jsx-a11y/no-noninteractive-element-interactions': [
        'error',
        { ...jsxA11y.flatConfigs.recommended.rules['jsx-a11y/no-noninteractive-element-interactions'][1], ol: ['onKeyDown'], ul: ['onKeyDown'] },
      ],
    },
  },
  { files: ['extension/src/ui/use-*.ts'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  // Import boundaries (design.md §2): shared imports only zod; companion and extension import shared,
  // never each other; only companion/src/kafka imports kafkajs; only extension/src/bridge opens sockets.
  restrict(['shared/**'], ['**/companion/**', '**/extension/**', 'kafkajs', 'fastify', 'ws', 'react', 'node:*'], 'shared imports only its schema library'),
  restrict(['companion/**'], ['**/extension/**', '@kafka-inspector/extension'], 'companion never imports the extension'),
  restrict(['companion/src/**'], ['kafkajs', 'kafkajs/*', '**/extension/**'], 'only companion/src/kafka imports kafkajs'),
  { files: ['companion/src/kafka/**'], rules: { 'no-restricted-imports': 'off' } },
  restrict(['extension/**'], ['**/companion/**', '@kafka-inspector/companion', 'kafkajs', 'ws'], 'the extension never imports the companion or Kafka'),
  {
    files: ['extension/src/**'],
    ignores: ['extension/src/bridge/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'WebSocket', message: 'only extension/src/bridge opens sockets' }],
    },
  },
);
