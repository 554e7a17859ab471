import { z } from 'zod';
import { sourceQuoteSchema } from './entity';
import { idSchema, timeSchema } from './fields';

/**
 * Relation types read "from <type> to": e.g. `located_in` reads
 * "Yuancheng Group is located in Wuhan". Keep the list closed so the
 * inspector can label both directions and the FtM export can map each.
 */
export const RELATION_TYPES = {
  located_in: { forward: 'located in', backward: 'location of' },
  part_of: { forward: 'part of', backward: 'includes' },
  works_for: { forward: 'works for', backward: 'employs' },
  formerly_worked_for: { forward: 'formerly worked for', backward: 'former employer of' },
  leads: { forward: 'leads', backward: 'led by' },
  spoke_at: { forward: 'spoke at', backward: 'heard from' },
  /** A person gave a statement or testimony (an Event). */
  gave: { forward: 'gave', backward: 'given by' },
  testified_at: { forward: 'testified at', backward: 'heard testimony from' },
  held: { forward: 'held', backward: 'held by' },
  announced: { forward: 'announced', backward: 'announced by' },
  conducted: { forward: 'conducted', backward: 'conducted by' },
  participated_in: { forward: 'took part in', backward: 'involved' },
  charged: { forward: 'charged', backward: 'charged by' },
  sanctioned: { forward: 'sanctioned', backward: 'sanctioned by' },
  target_of: { forward: 'target of', backward: 'targeted' },
  supplies: { forward: 'supplies', backward: 'supplied by' },
  traffics: { forward: 'traffics', backward: 'trafficked by' },
  produces: { forward: 'produces', backward: 'produced by' },
  operates_in: { forward: 'operates in', backward: 'area of operation of' },
  seized: { forward: 'seized', backward: 'seized by' },
  reported: { forward: 'reported', backward: 'reported by' },
  measures: { forward: 'measures', backward: 'measured by' },
  caused: { forward: 'caused', backward: 'caused by' },
  followed: { forward: 'followed', backward: 'followed by' },
  visited: { forward: 'visited', backward: 'visited by' },
  responded_to: { forward: 'responded to', backward: 'response' },
  criticized: { forward: 'criticized', backward: 'criticized by' },
  controls: { forward: 'controls', backward: 'controlled by' },
  related_to: { forward: 'related to', backward: 'related to' },
} as const satisfies Record<string, { forward: string; backward: string }>;
export type RelationType = keyof typeof RELATION_TYPES;

export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as [RelationType, ...RelationType[]];

export const relationSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  type: z.enum(RELATION_TYPE_NAMES),
  fromId: idSchema,
  toId: idSchema,
  /** ISO 8601, possibly partial. */
  date: z.string().max(64).optional(),
  description: z.string().optional(),
  quotes: z.array(sourceQuoteSchema),
  createdAt: timeSchema,
});
export type Relation = z.infer<typeof relationSchema>;
