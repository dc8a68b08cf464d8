// Makes a large signed PDF for benchmarks and the end-to-end test of the hashing worker:
//
//   node make-big-pdf.mjs OUT.pdf [MB=100]
//
// A one-page PDF padded with an uncompressed stream of MB megabytes, signed with
// `openssl cms -sign` (adbe.pkcs7.detached, SHA-256 with signed attributes, the person-cccd test key and
// certificate from tests/fixtures/certs): the ByteRange covers the whole file but the
// /Contents hex string, as a PDF signer writes it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const certs = resolve(here, '..', 'fixtures', 'certs');
const out = process.argv[2];
const mb = Number(process.argv[3] || 100);
if (!out) {
  console.error('usage: node make-big-pdf.mjs OUT.pdf [MB]');
  process.exit(1);
}

const SIG_HEX = 16384; // room for the CMS, in hex digits
const padLen = Math.round(mb * 1024 * 1024);
const parts = [];
const offsets = [];
let length = 0;
const push = (b) => {
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1');
  parts.push(buf);
  length += buf.length;
};
const obj = (n, body) => {
  offsets[n] = length;
  push(`${n} 0 obj\n`);
  push(body);
  push('\nendobj\n');
};
push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
obj(1, '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>');
obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >>');
// Page content followed by a long comment-free padding the content stream carries.
const content = Buffer.alloc(padLen, 0x20);
Buffer.from('BT /F1 12 Tf 72 770 Td (kyso benchmark) Tj ET\n', 'latin1').copy(content, 0);
offsets[4] = length;
push(`4 0 obj\n<< /Length ${content.length} >>\nstream\n`);
push(content);
push('\nendstream\nendobj\n');
obj(5, '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Sig1) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 6 0 R >>');
// The signature dictionary: fixed-width ByteRange placeholder, then /Contents.
offsets[6] = length;
push('6 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (D:20260101000000Z) ');
const brAt = length + '/ByteRange ['.length;
push(`/ByteRange [0000000000 0000000000 0000000000 0000000000] /Contents `);
const contentsAt = length;
push('<' + '0'.repeat(SIG_HEX) + '>');
const contentsEnd = length;
push(' >>\nendobj\n');
const xrefAt = length;
let xref = `xref\n0 7\n0000000000 65535 f \n`;
for (let n = 1; n <= 6; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
push(xref);
push(`trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
const pdf = Buffer.concat(parts);

const br = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
const brText = br.map((v) => String(v).padStart(10, '0')).join(' ');
pdf.write(brText, brAt, 'latin1');
const tmp = mkdtempSync(join(tmpdir(), 'kyso-big-'));
try {
  const data = join(tmp, 'signed-ranges.bin');
  writeFileSync(data, Buffer.concat([pdf.subarray(0, contentsAt), pdf.subarray(contentsEnd)]));
  const sig = join(tmp, 'sig.der');
  execFileSync('openssl', [
    'cms', '-sign', '-binary', '-md', 'sha256', '-outform', 'DER', '-nosmimecap',
    '-in', data, '-out', sig,
    '-signer', join(certs, 'person-cccd.pem'), '-inkey', join(certs, 'keys', 'person-cccd.key.pem'),
  ]);
  const hex = readFileSync(sig).toString('hex');
  if (hex.length > SIG_HEX) throw new Error('signature too large for the placeholder');
  pdf.write(hex, contentsAt + 1, 'latin1');
  writeFileSync(out, pdf);
  console.log(`${out}: ${(pdf.length / 1048576).toFixed(1)} MB, ByteRange [${br.join(' ')}]`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
