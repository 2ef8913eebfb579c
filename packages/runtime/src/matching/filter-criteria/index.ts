export {
  compileFilterCriteria,
  type FilterCriteria,
  type RecordFilter,
} from "./compile-filter-criteria.js";
export type { FilterSource } from "./record-views.js";
