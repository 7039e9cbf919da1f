/** The largest value of PostgreSQL's `integer` (int4): ids and counters of this schema. */
export const INT4_MAX = 2_147_483_647;
