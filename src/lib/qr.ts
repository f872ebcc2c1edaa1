import QRCode from 'qrcode';

/**
 * A QR code of a URL as SVG markup, made at build time (no request to any QR service), for
 * sharing a page into WeChat, which most Chinese readers use.
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  // Only the <svg> element, without the XML prolog, to inline in the page.
  return svg.slice(svg.indexOf('<svg'));
}
