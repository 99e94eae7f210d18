// Prints where `cdk synth` wrote each template and each access report, so the user knows
// what to open. Usage: node print-outputs.js <cdk.out>
const fs = require('fs');
const path = require('path');

const outdir = path.resolve(process.argv[2] || 'cdk.out');
const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));

for (const [name, artifact] of Object.entries(manifest.artifacts || {})) {
  if (artifact.type !== 'aws:cloudformation:stack') { continue; }
  const templatePath = path.join(outdir, artifact.properties.templateFile);
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
  const entries = Object.values(template.Resources || {}).filter((r) => r.Type === 'AWS::EKS::AccessEntry');
  console.log(`Stack ${name}: ${entries.length} access entries`);
  console.log(`  template: ${templatePath}`);
}
for (const file of fs.readdirSync(outdir).filter((f) => f.startsWith('eks-access-report.')).sort()) {
  console.log(`Access report: ${path.join(outdir, file)}`);
}
