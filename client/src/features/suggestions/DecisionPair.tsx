/** Accepting or rejecting suggestions, in the order their buttons stand. */
const DECISIONS = ["accept", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Accepting is the primary action; rejecting the quiet one beside it. */
const BUTTON_CLASS: Record<Decision, string> = {
  accept: "button button--small",
  reject: "button button--small button--quiet",
};

/** The label and test id of one button. */
export interface DecisionButton {
  label: string;
  testId: string;
}

interface DecisionPairProps {
  /** Left out when the user may not accept (or reject) what the pair decides on. */
  accept?: DecisionButton;
  reject?: DecisionButton;
  onDecide: (decision: Decision) => void;
  /** Quiet link buttons (one organisation's suggestions) instead of small buttons. */
  links?: boolean;
}

/** An accept and a reject button for one suggestion or a group of them. */
export function DecisionPair({ accept, reject, onDecide, links = false }: DecisionPairProps) {
  const buttons = { accept, reject };
  return DECISIONS.map((decision) => {
    const button = buttons[decision];
    if (!button) return null;
    return (
      <button
        key={decision}
        type="button"
        className={links ? "link-button" : BUTTON_CLASS[decision]}
        data-testid={button.testId}
        onClick={() => onDecide(decision)}
      >
        {button.label}
      </button>
    );
  });
}
