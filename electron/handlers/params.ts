/** Parameter schemas several handler files share. */
import { z } from 'zod';

/** A method without parameters: exactly `{}`, nothing more. */
export const noParams = z.object({}).strict();
