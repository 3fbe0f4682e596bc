// Kept apart from the zod schemas so pages can list them without shipping zod.
/** The UK nations and English regions (ITL 1), the regions members work in. */
export const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
  'Wales',
  'Scotland',
  'Northern Ireland'
] as const;
