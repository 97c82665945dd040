/** What went wrong with the last submit, shown above the form; the card escapes it. */
export interface FormNotice {
  text: string;
  /** attention: refused or failed; warning: may or may not have happened. */
  tone: 'attention' | 'warning';
}
