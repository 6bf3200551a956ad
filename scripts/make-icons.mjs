// Regenerates the PNG and ICO icons in public/ from public/icon.svg: `node scripts/make-icons.mjs` (run from the repo root).
import sharp from 'sharp';
import { readFileSync, writeFileSync } from 'node:fs';
const svg = readFileSync('public/icon.svg');
// Apple touch icon: full bleed, no transparency (iOS adds its own rounding).
const square = Buffer.from(svg.toString().replace('rx="14"', 'rx="0"'));
await sharp(square, { density: 400 }).resize(180, 180).flatten({ background: '#0b4ea2' }).png().toFile('public/apple-touch-icon.png');
for (const s of [192, 512]) await sharp(svg, { density: 600 }).resize(s, s).png().toFile(`public/icon-${s}.png`);
await sharp(square, { density: 600 }).resize(512, 512).png().toFile('public/icon-maskable-512.png');
// favicon.ico holding one 32x32 PNG (the ICO format allows PNG entries).
const png = await sharp(svg, { density: 300 }).resize(32, 32).png().toBuffer();
const head = Buffer.alloc(22);
head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(1, 4);
head.writeUInt8(32, 6); head.writeUInt8(32, 7); head.writeUInt8(0, 8); head.writeUInt8(0, 9);
head.writeUInt16LE(1, 10); head.writeUInt16LE(32, 12); head.writeUInt32LE(png.length, 14); head.writeUInt32LE(22, 18);
writeFileSync('public/favicon.ico', Buffer.concat([head, png]));
