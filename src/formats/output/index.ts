export { csvCell } from './csv-cell.js';
export { writeOutputFile, writeOutputStream } from './write-output-file.js';
