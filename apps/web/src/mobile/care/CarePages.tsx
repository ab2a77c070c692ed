import './care.css';
/** The carrier's phone pages in one chunk: once the round has loaded, logging a visit needs no network at all. */
export { RoutePage } from './RoutePage';
export { VisitPage } from './VisitPage';
export { FamilyPage } from './FamilyPage';
