/** What a person may do and see: see `canSeeUnit` and `canSeePerson`. */
export type Role = 'official' | 'manager' | 'admin';

/** Every role, in the order used in messages. */
export const ROLES: readonly Role[] = ['official', 'manager', 'admin'];

/** One node of the organisation: a city, a department or commune, a division... */
export interface Unit {
  /** Stable code chosen by the organisation, unique in the directory (e.g. `CT-SNV`). */
  code: string;
  /** Display name, e.g. `Sở Nội vụ`. */
  name: string;
  /** The unit directly above; absent for a root (the city itself). */
  parentCode?: string;
}

/** A person the bot knows, mapped from the channel's user id. */
export interface Person {
  /** The channel's user id: Teams `aadObjectId`, otherwise `from.id`. Unique. */
  userId: string;
  fullName: string;
  email: string;
  /** The one unit the person belongs to. */
  unitCode: string;
  role: Role;
}

/** Whoever asks to see something: only these fields matter to the access rules. */
export type Viewer = Pick<Person, 'userId' | 'unitCode' | 'role'>;

/** Keys (unit codes or user ids) added, changed and removed by one import, each sorted. */
export interface KindChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What `replaceAll` did (or, for a dry run, would do). */
export interface DirectoryChanges {
  units: KindChanges;
  people: KindChanges;
}
