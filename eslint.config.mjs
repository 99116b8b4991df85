import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      'test-output',
      'bench/results',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // A service never imports another service; libraries never import services.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:lib'],
            },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            {
              sourceTag: 'scope:reservation',
              onlyDependOnLibsWithTags: ['scope:reservation', 'scope:shared'],
            },
            {
              sourceTag: 'scope:payment',
              onlyDependOnLibsWithTags: ['scope:payment', 'scope:shared'],
            },
            {
              sourceTag: 'scope:cancellation',
              onlyDependOnLibsWithTags: ['scope:cancellation', 'scope:shared'],
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name=/^(skip|only)$/]',
          message: 'Tests are not switched off or focused on main.',
        },
      ],
    },
  },
  prettier,
];
