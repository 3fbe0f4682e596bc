import { z } from 'zod';

export const emailSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.org'))
});

export const codeSchema = z.object({
  code: z
    .string()
    // People paste codes with spaces ("123 456"); the code itself is 6 digits.
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'Enter the 6-digit code from the email')
        .regex(/^\d{6}$/, 'The code must be 6 digits, like 123456')
    )
});
