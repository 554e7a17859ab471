import { z } from 'zod';

/**
 * The field shapes every record of the model is built from. Bounds are far
 * above anything real and far below what would hurt: they exist so a
 * hostile backup or IPC payload is refused rather than held.
 */
export const idSchema = z.string().min(1).max(512);
/** Milliseconds since the epoch. */
export const timeSchema = z.number().finite();
/** A UTF-16 offset into a plain text. */
export const offsetSchema = z.number().int().min(0);
/** Titles, names, aliases: anything that is not a whole document. */
export const shortTextSchema = z.string().max(100_000);
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');
/** ISO 8601, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD. */
export const isoPartialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)');
