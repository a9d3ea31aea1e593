export {
  bigramTerm,
  FOLDED_PREFIX,
  foldedTerm,
  VietnameseAnalyzer,
  type AnalyzeOptions,
} from './analyzer';
export { abbreviationKey, EMPTY_GLOSSARY, type Glossary, type GlossaryEntry } from './glossary';
export {
  canonicalSyllable,
  foldDiacritics,
  hasDiacritics,
  normalizeText,
  stripControls,
} from './normalize';
export { hasImpossibleMarks, hasImpossibleTone, isVietnameseSyllable, unifyIY } from './syllable';
export {
  askedPredicate,
  askingWords,
  asksDifference,
  asksHowTo,
  definedTerms,
  type DefinedTerm,
  isFunctionWord,
  isChatParticle,
  isScenario,
  looksLikeFollowUp,
  asksBareFigure,
  asksOwnQuestion,
  asksSource,
  withoutDocumentReference,
  namedLevels,
  namesLevel,
  comparedLevels,
  opensWithLevel,
  openingLevel,
  levelsOf,
  type NamedLevel,
  sentencesOf,
  stripAskerRole,
  stripFollowUpMarkers,
  stripQuestionFrames,
  tellsSituation,
} from './question';
export { incidentalWords } from './incidental';
export { mentionsPlace, namedPlaces, placeText, type NamedPlace } from './places';
export {
  askedFigure,
  askedSignerOf,
  endsYesOrNo,
  namedYears,
  namesDocument,
  namesYear,
  setsTarget,
  statesFigure,
  type AskedFigure,
  type FigureKind,
} from './figures';
export {
  DOCUMENT_KINDS,
  documentNumberKey,
  documentNumbers,
  lawNames,
  citedParts,
  projectNumbers,
  type DocumentReference,
} from './document-references';
