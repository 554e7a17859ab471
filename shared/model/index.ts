export * from './provenance';
export * from './case';
export * from './note';
export * from './source';
export * from './entity';
export * from './relation';
export * from './mention';
export * from './citation';
