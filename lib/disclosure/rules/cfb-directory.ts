// Reads the entry names of an OLE2 Compound File Binary ([MS-CFB]) — the container of
// Word 97 (.doc) and Excel 97 (.xls) files — so attachment-type.ts can tell which one a
// file is. Only the header, the FAT (through the DIFAT) and the directory chain are read;
// streams are never opened. Every offset is bounds-checked and every chain is walked at
// most once per sector: the bytes are untrusted, and a crafted loop must end, not hang.

const HEADER_SIZE = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const DIR_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;

/** Names of the storages and streams in the directory, or null if the file is malformed. */
export function readCfbEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < HEADER_SIZE) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (off: number) => view.getUint16(off, true);
  const u32 = (off: number) => view.getUint32(off, true);

  if (u16(0x1c) !== 0xfffe) return null; // byte-order mark
  const sectorShift = u16(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  // The header occupies the first sector's worth of bytes; sector n starts at (n + 1) * size.
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const sectorOffset = (sector: number): number | null => {
    const off = (sector + 1) * sectorSize;
    return sector >= 0 && sector < sectorCount && off + sectorSize <= bytes.length ? off : null;
  };

  // The FAT's own sectors: the first 109 are listed in the header, the rest in a chain of
  // DIFAT sectors (needed for .doc files above ~7 MB with 512-byte sectors).
  const fatSectorCount = u32(0x2c);
  if (fatSectorCount > sectorCount) return null;
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatSectorCount, HEADER_DIFAT_ENTRIES); i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  const perDifat = sectorSize / 4 - 1;
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    const off = difat === END_OF_CHAIN || hops > sectorCount ? null : sectorOffset(difat);
    if (off === null) return null;
    for (let i = 0; i < perDifat && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(off + i * 4));
    difat = u32(off + perDifat * 4);
  }

  const perFat = sectorSize / 4;
  const nextSector = (sector: number): number | null => {
    const fatSector = fatSectors[Math.floor(sector / perFat)];
    if (fatSector === undefined) return null;
    const off = sectorOffset(fatSector);
    return off === null ? null : u32(off + (sector % perFat) * 4);
  };

  const names: string[] = [];
  const visited = new Set<number>();
  for (let sector = u32(0x30); sector !== END_OF_CHAIN;) {
    if (sector === FREE_SECTOR || visited.has(sector)) return null;
    visited.add(sector);
    const off = sectorOffset(sector);
    if (off === null) return null;
    for (let e = off; e < off + sectorSize; e += DIR_ENTRY_SIZE) {
      const type = bytes[e + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue; // unused slot
      const nameBytes = u16(e + 0x40); // includes the UTF-16 terminator
      if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) return null;
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(u16(e + i));
      names.push(name);
    }
    const next = nextSector(sector);
    if (next === null) return null;
    sector = next;
  }
  return names;
}
