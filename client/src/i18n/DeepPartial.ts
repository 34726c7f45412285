/** Every key optional, at every depth. The catalogues are complete now (catalogues.test.ts); kept for feature files written against it. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
