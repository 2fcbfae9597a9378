#!/usr/bin/env node
/* plotly.js with only the traces the dashboard draws (issue 12, first load).
 *
 * `npm ci && npm run build` here writes ../../assets/plotly-bundle.min.js, which Dash loads
 * on every page before the charts (assets are loaded in name order, so before
 * plotly-locale-ru.js): dcc.Graph finds `window.Plotly` defined and does not load Dash's full
 * plotly.min.js. It also writes ../../assets/plotly-bundle.json: the plotly.js version, the
 * traces registered and the bundle's SHA-256, which the tests check against the figure
 * builders (a new trace type there fails them until it is added to TRACES below).
 *
 * The plotly.js version must be the one Dash ships (plotly.py's package_data/plotly.min.js);
 * package.json pins it and build.js refuses to build another.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

// Trace types on top of plotly.js/lib/core (which always registers `scatter`).
const TRACES = ['bar', 'choropleth', 'scattergeo'];

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'assets', 'plotly-bundle.min.js');
const MANIFEST = path.join(ROOT, 'assets', 'plotly-bundle.json');
const PLOTLY_PY = path.join(
    ROOT, '.venv', 'lib', 'python3.11', 'site-packages', 'plotly', 'package_data', 'plotly.min.js'
);

const version = require('plotly.js/package.json').version;

function shippedVersion() {
    if(!fs.existsSync(PLOTLY_PY)) return null;
    const head = fs.readFileSync(PLOTLY_PY, 'utf8').slice(0, 200);
    const match = head.match(/plotly\.js v(\d+\.\d+\.\d+)/);
    return match ? match[1] : null;
}

// maplibre-gl's stylesheet is required by plotly's registry for `map` subplots only; there are
// none here, so it is an empty module rather than a stylesheet inlined into the bundle.
const noMaplibreCss = {
    name: 'no-maplibre-css',
    setup(build) {
        build.onResolve({filter: /maplibre-gl\.css$/}, (args) => ({path: args.path, namespace: 'empty'}));
        build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: '', loader: 'js'}));
    },
};

async function main() {
    const shipped = shippedVersion();
    if(shipped && shipped !== version) {
        throw new Error(`plotly.js ${version} installed, but Dash ships ${shipped}: ` +
            'pin that version in package.json and run npm install');
    }
    const traces = ['scatter', ...TRACES].sort();
    const entry = [
        "'use strict';",
        "var Plotly = require('plotly.js/lib/core');",
        'Plotly.register([',
        ...TRACES.map((name) => `    require('plotly.js/lib/${name}'),`),
        ']);',
        'module.exports = Plotly;',
    ].join('\n');
    const banner = [
        '/**',
        `* plotly.js v${version} (custom bundle: ${traces.join(', ')})`,
        '* Copyright 2012-2026, Plotly, Inc. All rights reserved. Licensed under the MIT license.',
        '* Built by tools/plotly-bundle/build.js; do not edit.',
        '*/',
    ].join('\n');
    const result = await esbuild.build({
        stdin: {contents: entry, resolveDir: __dirname, sourcefile: 'plotly-bundle-entry.js'},
        bundle: true,
        minify: true,
        format: 'iife',
        globalName: 'Plotly',
        target: 'es2016',
        legalComments: 'eof',
        define: {global: 'window', 'define.amd': 'false'},
        alias: {stream: 'stream-browserify'},
        plugins: [noMaplibreCss],
        banner: {js: banner},
        footer: {js: 'window.Plotly = Plotly;'},
        write: false,
        logLevel: 'warning',
    });
    const code = Buffer.from(result.outputFiles[0].contents);
    fs.writeFileSync(OUT, code);
    const manifest = {
        file: path.basename(OUT),
        plotly_js: version,
        esbuild: esbuild.version,
        traces,
        bytes: code.length,
        sha256: crypto.createHash('sha256').update(code).digest('hex'),
        built_by: 'tools/plotly-bundle/build.js',
    };
    fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
    console.log(`${path.relative(ROOT, OUT)}: ${code.length} bytes, ${traces.join(', ')}, sha256 ${manifest.sha256}`);
}

main().catch((error) => {
    console.error(error.message || error);
    process.exit(1);
});
