export { daysInMonth, isCalendarDate, isIsoDate, isIsoMonth } from './iso-date.js';
