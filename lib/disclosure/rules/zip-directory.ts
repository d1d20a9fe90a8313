// Reads the entry names from a zip file's central directory — the container of DOCX, XLSX
// and OFD files — so attachment-type.ts can tell them apart. Nothing is decompressed.
// The central directory (at the end of the file) is what unzip tools trust, so that is
// what is read, not the local headers at the front. Every offset is bounds-checked: the
// bytes are untrusted.

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;

/** Entry names in central-directory order, or null if the file is not a well-formed zip. */
export function readZipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  const u16 = (off: number) => view.getUint16(off, true);
  const u32 = (off: number) => view.getUint32(off, true);
  const u64 = (off: number) => {
    const high = u32(off + 4);
    return high === 0 ? u32(off) : Number.POSITIVE_INFINITY; // beyond any accepted upload
  };

  const eocd = findEndOfCentralDirectory(view, len);
  if (eocd === null) return null;
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let start = u32(eocd + 16);

  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR_SIGNATURE) return null;
    const record = u64(locator + 8);
    if (record + 56 > eocd || u32(record) !== ZIP64_EOCD_SIGNATURE) return null;
    count = u64(record + 32);
    size = u64(record + 40);
    start = u64(record + 48);
  }
  if (start + size > len) return null;

  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  let off = start;
  for (let i = 0; i < count; i++) {
    if (off + CENTRAL_HEADER_SIZE > start + size || u32(off) !== CENTRAL_SIGNATURE) return null;
    const nameLen = u16(off + 28);
    const extraLen = u16(off + 30);
    const commentLen = u16(off + 32);
    const nameEnd = off + CENTRAL_HEADER_SIZE + nameLen;
    if (nameEnd > start + size) return null;
    names.push(decoder.decode(bytes.subarray(off + CENTRAL_HEADER_SIZE, nameEnd)));
    off = nameEnd + extraLen + commentLen;
  }
  return names;
}

// The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB;
// scanning back from the end finds the real one before any look-alike in the comment. Its
// comment must end exactly at the end of the file: editors never write bytes after it,
// and appended data is a classic way to smuggle a second file inside a document.
function findEndOfCentralDirectory(view: DataView, len: number): number | null {
  const lowest = Math.max(0, len - EOCD_SIZE - MAX_COMMENT);
  for (let off = len - EOCD_SIZE; off >= lowest; off--) {
    if (view.getUint32(off, true) !== EOCD_SIGNATURE) continue;
    const commentLen = view.getUint16(off + 20, true);
    if (off + EOCD_SIZE + commentLen === len) return off;
  }
  return null;
}
