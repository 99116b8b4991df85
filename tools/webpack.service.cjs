// Bundles one service's own code and the workspace libraries into
// dist/services/<project>/main.js; npm packages stay external and are
// installed in the image from the lock file.
const path = require('node:path');
const nodeExternals = require('webpack-node-externals');
const TsconfigPathsPlugin = require('tsconfig-paths-webpack-plugin');

const root = path.resolve(__dirname, '..');

module.exports = (env) => {
  const project = env.project;
  return {
    mode: 'production',
    target: 'node',
    devtool: 'source-map',
    entry: path.join(root, 'services', project, 'src/main.ts'),
    output: {
      path: path.join(root, 'dist/services', project),
      filename: 'main.js',
      clean: true,
    },
    // Nest resolves classes by name in errors and logs; keep names readable.
    optimization: { minimize: false },
    externalsPresets: { node: true },
    externals: [nodeExternals({ modulesDir: path.join(root, 'node_modules') })],
    resolve: {
      extensions: ['.ts', '.js'],
      plugins: [
        new TsconfigPathsPlugin({
          configFile: path.join(root, 'tsconfig.base.json'),
        }),
      ],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: {
            transpileOnly: true,
            configFile: path.join(root, 'tsconfig.base.json'),
          },
        },
      ],
    },
    stats: 'errors-warnings',
  };
};
