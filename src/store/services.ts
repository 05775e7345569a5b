// What a store works with besides its state, given when it is made: `createAppStore({
// textSearch })`. Each store has its own (the app's, and a fresh one in every test), so nothing
// is shared through a module.
import { CurrentTextSearch } from '../model/filter/textSearchOf';

export interface StoreServices {
  /** The text search of the dataset on show; showing another stops the previous one's workers. */
  textSearch: CurrentTextSearch;
}

export function defaultServices(given: Partial<StoreServices> = {}): StoreServices {
  return { textSearch: given.textSearch ?? new CurrentTextSearch() };
}
