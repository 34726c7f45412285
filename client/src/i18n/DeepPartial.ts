/** Every key optional, at every depth: a translation may be incomplete and fall back to German. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
