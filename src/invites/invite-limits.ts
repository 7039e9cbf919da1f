/** The longest note, in characters (the column is varchar(500)). */
export const NOTE_MAX_LENGTH = 500;
