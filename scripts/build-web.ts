/**
 * Builds the web UI into web/dist (`npm run build`), then writes a .gz and a .br beside every
 * text asset so the server sends them precompressed. With --if-missing it does nothing when a
 * build is already there, which is what `npm start` uses.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "vite";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "web/dist");

if (process.argv.includes("--if-missing") && fs.existsSync(path.join(dist, "index.html"))) process.exit(0);

process.stdout.write("Building the web UI...\n");
await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });

let compressed = 0;
for (const file of fs.readdirSync(dist, { recursive: true }).map(String)) {
  const full = path.join(dist, file);
  if (!/\.(js|css|html|svg|json|txt|ico)$/.test(file) || !fs.statSync(full).isFile()) continue;
  const bytes = fs.readFileSync(full);
  if (bytes.length < 1024) continue;
  fs.writeFileSync(`${full}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  compressed += 1;
}
process.stdout.write(`Built web/dist (${compressed} files precompressed).\n`);
