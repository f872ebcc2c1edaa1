import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../../src/build/qr';

/** What a phone's camera reads from the code: the SVG drawn at 400 px, decoded. */
async function scan(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg)).resize(400).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('qrSvg', () => {
  it.each([
    ['a page of the site', 'https://www.cittc.example.org/it/news/forum-2027-napoli/'],
    ['digits and capitals, which the library could have packed in other modes', 'https://WWW.CITTC.EXAMPLE.ORG/EN/CALLS/2027-0001-0002-0003/'],
    ['Chinese characters, as UTF-8 bytes', 'https://www.cittc.example.org/zh/news/中意技术转移中心-2027/'],
    ['a long address', `https://www.cittc.example.org/en/offers/${'graphene-membrane-water-treatment-'.repeat(4)}2027/`],
  ])('encodes %s so that a scanner reads the address back', async (_, url) => {
    const svg = await qrSvg(url);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(await scan(svg)).toBe(url);
  });
});
