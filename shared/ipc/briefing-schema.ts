import { briefingModelSchema as modelSchema } from '../briefing/model';

/**
 * The briefing model as main accepts it from the renderer: the model
 * (shared/briefing/model.ts) less the page numbers only the PDF service
 * fills in. Note documents are checked without recursion by the model's own
 * note-document schema, so a deeply nested payload cannot overflow the stack.
 */
export const briefingModelSchema = modelSchema.omit({ pageNumbers: true });
