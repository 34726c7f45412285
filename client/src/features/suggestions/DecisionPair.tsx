/** Accepting or rejecting suggestions. */
export type Decision = "accept" | "reject";

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
  return (
    <>
      {accept && (
        <button
          type="button"
          className={links ? "link-button" : "button button--small"}
          data-testid={accept.testId}
          onClick={() => onDecide("accept")}
        >
          {accept.label}
        </button>
      )}
      {reject && (
        <button
          type="button"
          className={links ? "link-button" : "button button--small button--quiet"}
          data-testid={reject.testId}
          onClick={() => onDecide("reject")}
        >
          {reject.label}
        </button>
      )}
    </>
  );
}
