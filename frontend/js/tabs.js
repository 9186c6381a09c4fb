// Tabs as the WAI-ARIA tabs pattern has them: only the selected tab is in the Tab order, and the
// left and right arrows (Home and End too) move to the other tabs of its list and choose them.
// Choosing a tab is the page's own work: a click, which its click handler answers.

export function markSelected(tabs, isSelected) {
  tabs.forEach((tab) => {
    const selected = isSelected(tab);
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  });
}

const KEYS = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];

document.addEventListener('keydown', (event) => {
  const tab = event.target.closest?.('[role="tablist"] > [role="tab"]');
  if (!tab || !KEYS.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const tabs = [...tab.parentElement.querySelectorAll(':scope > [role="tab"]')];
  const at = tabs.indexOf(tab);
  const next = {
    ArrowLeft: tabs[(at - 1 + tabs.length) % tabs.length],
    ArrowRight: tabs[(at + 1) % tabs.length],
    Home: tabs[0],
    End: tabs[tabs.length - 1],
  }[event.key];
  event.preventDefault();
  next.click();
  // after the click: the YAML tab's click puts the caret in its text, but the keys stay on the tabs
  next.focus();
});
