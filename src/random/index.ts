export { createSeededRandom, mixSeed } from './seeded-random.js';
