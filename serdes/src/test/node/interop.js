'use strict';
// Independent interop check driven by NodeInteropTest: kafkajs' Confluent Schema Registry client
// (not written here) registers, encodes and decodes against our embedded registry.
//   node interop.js encode <registryUrl> <subject> <schema.json> <record.json>  -> {"id":N,"hex":"..."}
//   node interop.js decode <registryUrl> <hex>                                  -> the record as JSON
const fs = require('fs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

async function main([command, host, ...rest]) {
  const registry = new SchemaRegistry({ host });
  if (command === 'encode') {
    const [subject, schemaFile, recordFile] = rest;
    const schema = fs.readFileSync(schemaFile, 'utf8');
    const record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
    const encoded = await registry.encode(id, record);
    return { id, hex: encoded.toString('hex') };
  }
  if (command === 'decode') {
    const [hex] = rest;
    return registry.decode(Buffer.from(hex, 'hex'));
  }
  throw new Error(`unknown command ${command}`);
}

main(process.argv.slice(2))
  .then((out) => process.stdout.write(JSON.stringify(out) + '\n'))
  .catch((err) => {
    process.stderr.write(`interop failed: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
