// Query windows on the data's clock: [ref - span, ref] with the end made inclusive of ref itself.
export function windowEnding(ref, spanMs) {
  const to = new Date(new Date(ref).getTime() + 1);
  const from = new Date(to.getTime() - spanMs);
  return { from: from.toISOString(), to: to.toISOString() };
}
