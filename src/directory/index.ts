export type { DirectoryChanges, KindChanges, Person, Role, Unit, Viewer } from './types';
export { ROLES } from './types';
export { UnitTree, type UnitTreeProblem } from './unit-tree';
export { canSeePerson, canSeeUnit, visibleUnits } from './access';
export type { DirectoryRepository } from './directory-repository';
export {
  assertValidDirectory,
  checkDirectory,
  diffDirectory,
  samePerson,
  sameUnit,
  toUnit,
  type DirectoryColumn,
  type DirectoryIssue,
  type DirectoryProblem,
  type PersonCandidate,
  type UnitCandidate,
} from './directory-rules';
export {
  PERSON_COLUMNS,
  UNIT_COLUMNS,
  validateDirectoryImport,
  type DirectoryImport,
  type ImportFile,
  type ImportIssue,
  type ImportProblem,
  type ImportRow,
  type ImportTable,
  type SheetIssue,
} from './import-validation';
export { MemoryDirectoryRepository } from './memory-directory-repository';
export {
  summarizeChanges,
  type ChangeSummary,
  type ChangeSummaryOptions,
  type FieldChange,
  type KindSummary,
  type ListedChange,
  type ListedChanges,
} from './change-summary';
