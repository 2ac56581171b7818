// What an admin sends to create or change a complex by hand (the fields are checked by checkComplexFields).
import { z } from "zod";

const text = (max: number) => z.union([z.string().max(max * 2), z.null()]).optional();

export const ZComplexInput = z.object({
  code: text(30),
  name: text(80),
  street: text(80),
  houseNumbers: text(20),
  postcode: text(10),
  /** The neighbourhood (slug) the complex belongs to; on a change, moves it there. */
  neighbourhood: text(80),
});
export type TComplexInput = z.infer<typeof ZComplexInput>;
