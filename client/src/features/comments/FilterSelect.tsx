interface FilterSelectProps<T extends string> {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  /** The select's accessible name. */
  label: string;
  testId: string;
}

/** A filter of the thread list: one of a few fixed choices. */
export function FilterSelect<T extends string>({ value, options, onChange, label, testId }: FilterSelectProps<T>) {
  return (
    <select
      value={value}
      onChange={(e) => {
        const chosen = options.find((o) => o.value === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
      aria-label={label}
      data-testid={testId}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
