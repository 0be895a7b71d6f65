import { z } from 'zod';

export const totpEnrolmentOutput = z.object({
  uri: z.string(),
  qrCode: z.string(),
  secret: z.string(),
});
