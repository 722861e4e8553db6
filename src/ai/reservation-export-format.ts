/** The formats `clef ai reservations export` writes the reservations in. */
export const reservationExportFormats = ['tdmrep', 'aipref', 'cawg', 'csv'] as const;
