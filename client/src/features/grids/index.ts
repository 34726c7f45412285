export { FinancePanel } from "./FinancePanel.tsx";
export { GridInsertMenu } from "./GridInsertMenu.tsx";
