// The small part of the "qrcode" package we use (it ships no types): an SVG string, made on the server.
declare module "qrcode" {
  export interface QRCodeToStringOptions {
    type: "svg";
    errorCorrectionLevel?: "L" | "M" | "Q" | "H";
    margin?: number;
    width?: number;
    color?: { dark?: string; light?: string };
  }
  export function toString(text: string, options: QRCodeToStringOptions): Promise<string>;
  const QRCode: { toString: typeof toString };
  export default QRCode;
}
