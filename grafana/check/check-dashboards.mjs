// Type-checks every dashboard under grafana/dashboards against Grafana's own TypeScript types
// (@grafana/schema, the version of the Grafana image in docker-compose.yml): each JSON file is
// written out as a TypeScript object literal typed `Dashboard`, so a misspelt or unknown field, a
// wrong type or a missing required field fails `tsc --strict`. Run by GrafanaDashboardsTest in
// `./mvnw -B verify` (after `npm ci` from the committed lock file); exits non-zero on any error.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldColorModeId, MappingType, SpecialValueMatch, ThresholdsMode } from '@grafana/schema';

// String enums of the schema: TypeScript does not accept a string literal where a string enum is
// declared, so these fields are written as the enum member that has the JSON's value (and an
// unknown value fails here instead).
const ENUMS = [
  { parent: 'thresholds', key: 'mode', name: 'ThresholdsMode', values: ThresholdsMode },
  { parent: 'color', key: 'mode', name: 'FieldColorModeId', values: FieldColorModeId },
  { parent: 'mappings[]', key: 'type', name: 'MappingType', values: MappingType },
  { parent: 'options', key: 'match', name: 'SpecialValueMatch', values: SpecialValueMatch },
];

function literal(value, parent, file) {
  if (Array.isArray(value)) {
    return `[${value.map((v) => literal(v, `${parent}[]`, file)).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => {
      const e = ENUMS.find((x) => x.parent === parent && x.key === k && typeof v === 'string');
      if (e) {
        const member = Object.entries(e.values).find(([, val]) => val === v);
        if (!member) {
          throw new Error(`${file}: ${parent}.${k} = ${JSON.stringify(v)} is not a ${e.name}`);
        }
        return `${JSON.stringify(k)}: ${e.name}.${member[0]}`;
      }
      return `${JSON.stringify(k)}: ${literal(v, k, file)}`;
    });
    return `{${fields.join(', ')}}`;
  }
  return JSON.stringify(value);
}

const here = dirname(fileURLToPath(import.meta.url));
const dashboards = join(here, '..', 'dashboards');
const generated = join(here, 'generated');
rmSync(generated, { recursive: true, force: true });
mkdirSync(generated);

const files = readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no dashboards in ${dashboards}`);
  process.exit(1);
}
for (const file of files) {
  const json = JSON.parse(readFileSync(join(dashboards, file), 'utf8'));
  const source = `import { type Dashboard, ${ENUMS.map((e) => e.name).join(', ')} } from '@grafana/schema';\n\n`
    + `export const dashboard: Dashboard = ${literal(json, '', file)};\n`;
  writeFileSync(join(generated, file.replace(/\.json$/, '.ts')), source);
}
writeFileSync(join(generated, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler',
    skipLibCheck: true, types: [],
  },
  include: ['*.ts'],
}, null, 2));

try {
  execFileSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', generated],
    { stdio: 'inherit' });
} catch (e) {
  console.error(`dashboards do not match @grafana/schema (see the errors above)`);
  process.exit(1);
}
console.log(`${files.length} dashboards match @grafana/schema: ${files.join(', ')}`);
