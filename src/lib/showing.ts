/** "Showing 50 of 120." under a list cut short, or null when it shows them all. */
export function showingText(shown: number, total: number | null | undefined): string | null {
  return total && total > shown ? `Showing ${shown} of ${total}.` : null;
}
