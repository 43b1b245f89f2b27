/** A NUMERIC column (read back by pg as an exact decimal string) as a JS number for display and arithmetic. */
export const numberOrNull = (value: string | null | undefined): number | null => (value == null ? null : Number(value));
