/** Grader and author text marks code with backticks: render those spans as <code> instead of showing the backticks. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split("`");
  // An odd number of backticks leaves the last one unmatched: keep it literal.
  if (parts.length % 2 === 0) return <>{text}</>;
  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
