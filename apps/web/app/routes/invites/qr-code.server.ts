// QR codes for invite letters and posters, drawn on the server as inline SVG (no script, no image
// request, sharp on paper at any size).
import QRCode from "qrcode";

export async function renderQrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  // Decorative for assistive technology: the surrounding element carries the label.
  return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ');
}
