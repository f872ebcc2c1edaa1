/**
 * "/" or Ctrl/⌘-K opens search from any page: focuses the field on the search page, or goes
 * to the search page of the current language. Loads nothing else.
 */
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (!slash && !ctrlK) return;
  event.preventDefault();
  const field = document.querySelector<HTMLInputElement>('cittc-search input[type=search]');
  if (field) field.focus();
  else location.assign(document.querySelector<HTMLAnchorElement>('a.search-link')!.href);
});
