import { z } from "zod";

export const ZLoginInput = z.object({
  email: z.string().trim().toLowerCase().email("Vul een geldig e-mailadres in."),
  password: z.string().min(1, "Vul je wachtwoord in.").max(200, "Dit wachtwoord is te lang."),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;
