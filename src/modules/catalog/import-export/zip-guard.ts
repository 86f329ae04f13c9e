import { inflateRawSync } from 'node:zlib';

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL = 0x02014b50;

/**
 * Whether a zip (an .xlsx) unpacks to at most `budget` bytes in all. A workbook of a few
 * megabytes can hide gigabytes of XML (a zip bomb); the spreadsheet reader would unpack it
 * all into memory. Each entry is inflated here with a cap, so a lying header cannot pass.
 */
export function unpacksWithin(zip: Buffer, budget: number): boolean {
  try {
    const end = zip.lastIndexOf(EOCD);
    if (end < 0) return false;
    const entries = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (zip.readUInt32LE(at) !== CENTRAL) return false;
      const method = zip.readUInt16LE(at + 10);
      const packed = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + packed);
      if (method !== 0 && method !== 8) return false;
      total +=
        method === 0 ? data.length : inflateRawSync(data, { maxOutputLength: budget - total + 1 }).length;
      if (total > budget) return false;
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return true;
  } catch {
    // Truncated headers, or more output than the budget allows.
    return false;
  }
}
