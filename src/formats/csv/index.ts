export { readCsvRecords, maxCsvLineBytes, type CsvRecord, type CsvReadOptions } from './read-csv-records.js';
