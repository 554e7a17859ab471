import { z } from 'zod';
import caseFile from './case.json';
import entities from './entities.json';
import relations from './relations.json';
import notes from './notes.json';
import { seedCaseSchema, seedEntitySchema, seedNoteSchema, seedRelationSchema } from './schema';
import type { SeedCaseFile, SeedEntity, SeedNote, SeedRelation } from './schema';

/**
 * The seed files, parsed against their schemas: a malformed seed fails
 * loudly on first run (and in tests/shared/seed.test.ts) instead of writing
 * bad records.
 */
export function loadSeedFiles(): { caseFile: SeedCaseFile; entities: SeedEntity[]; relations: SeedRelation[]; notes: SeedNote[] } {
  return {
    caseFile: seedCaseSchema.parse(caseFile),
    entities: z.array(seedEntitySchema).parse(entities),
    relations: z.array(seedRelationSchema).parse(relations),
    notes: z.array(seedNoteSchema).parse(notes) as SeedNote[],
  };
}
