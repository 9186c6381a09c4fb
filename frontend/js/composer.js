// The composer's browser side: tabs, rows added and removed in place, fields shown by the
// select they depend on, the capability picker, copy, findings placed next to their fields
// and lines, and asking before work is replaced or left.
// The server renders everything; this only moves what is already on the page.

// One script, no imports: a module it imported would be fetched by a URL without the content
// hash that lets a browser keep it, and asked for again on every page load. It is loaded on
// every page (fragments/layout), so the copy buttons of the account pages are answered here too,
// first, before anything that only the composer's page has.

// Copying text to the clipboard: the preview's Copy, and a token or secret shown once.
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // no clipboard API outside secure contexts (plain http on another host): copy a selection the older way
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy-from]');
  if (!button) return;
  const field = document.getElementById(button.dataset.copyFrom);
  field.select();
  await copyText(field.value);
  button.textContent = 'Copied';
});

// Tabs as the WAI-ARIA tabs pattern has them: only the selected tab is in the Tab order, and the
// left and right arrows (Home and End too) move to the other tabs of its list and choose them.
// Choosing a tab is the page's own work: a click, which its click handler answers.
function markSelected(tabs, isSelected) {
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

const form = () => document.getElementById('compose-form');
const yamlForm = () => document.getElementById('yaml-form');
let previewTab = 'yaml';
let yamlCopied = null;
// When the page was last left on purpose (a start chip confirmed, a save or download sent), so
// that the question before leaving is not asked again.
let leftOnPurposeAt = 0;

// The pod holds changes: the server says so of a kept draft (data-changed), and any edit here does.
function hasChanges() {
  return document.getElementById('editor')?.dataset.changed === 'true';
}

function markChanged() {
  const editor = document.getElementById('editor');
  if (editor) editor.dataset.changed = 'true';
}

function showFormTab(name) {
  const onYaml = name === 'yaml';
  form().hidden = onYaml;
  yamlForm().hidden = !onYaml;
  markSelected(document.querySelectorAll('[data-tab]'), (tab) => tab.dataset.tab === name);
}

function switchToYaml() {
  const text = document.querySelector('#preview-yaml code').textContent;
  const area = document.getElementById('yaml-text');
  area.value = text;
  yamlCopied = text;
  showFormTab('yaml');
  showYamlMarkers();
  area.focus();
}

function switchToForm() {
  const area = document.getElementById('yaml-text');
  if (yamlCopied !== null && area.value === yamlCopied) {
    showFormTab('form');
    return;
  }
  htmx.trigger(yamlForm(), 'submit');
}

function showPreviewTab(name) {
  previewTab = name;
  markSelected(document.querySelectorAll('[data-preview-tab]'), (tab) => tab.dataset.previewTab === name);
  document.querySelectorAll('[data-preview]').forEach((pane) => {
    pane.hidden = pane.dataset.preview !== name;
  });
}

async function copyPreview(button) {
  const text = document.querySelector(`[data-preview="${previewTab}"] code`).textContent;
  await copyText(text);
  const label = button.textContent;
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = label; }, 1200);
}

function addRow(button) {
  const group = button.closest('.row-group');
  const rows = group.querySelector(':scope > [data-rows]');
  const template = group.querySelector(':scope > template[data-row-template]');
  const index = Number(rows.dataset.next || rows.children.length);
  rows.dataset.next = String(index + 1);
  const holder = document.createElement('div');
  holder.innerHTML = template.innerHTML.replaceAll('ROW_INDEX', String(index));
  const row = holder.firstElementChild;
  rows.append(row);
  applySwitches(row);
  row.querySelector('input, select, textarea')?.focus();
}

function removeRow(button) {
  const owner = button.closest('form');
  button.closest('.row').remove();
  htmx.trigger(owner, 'input');
}

// A [data-switch] shows the [data-case] elements that name the value of its first select.
function updateSwitch(container) {
  const select = container.querySelector('select');
  if (!select) return;
  container.querySelectorAll('[data-case]').forEach((element) => {
    if (element.closest('[data-switch]') !== container) return;
    element.hidden = !element.dataset.case.split(' ').includes(select.value);
  });
}

function applySwitches(root) {
  if (root.matches?.('[data-switch]')) updateSwitch(root);
  root.querySelectorAll('[data-switch]').forEach(updateSwitch);
}

function capabilityNames(field) {
  return [...field.querySelectorAll('[data-capability-picker] option')].map((o) => o.value).filter(Boolean);
}

function checkCapabilities(field) {
  const input = field.querySelector('[data-capability-input]');
  const known = new Set([...capabilityNames(field), 'ALL']);
  const unknown = input.value.split(/[\s,]+/).filter((name) => name && !known.has(name));
  const problem = field.querySelector('[data-capability-problem]');
  problem.hidden = unknown.length === 0;
  problem.textContent = unknown.map((name) => {
    const bare = name.toUpperCase().replace(/^CAP_/, '');
    return known.has(bare) ? `"${name}" should be written ${bare}` : `"${name}" is not a Linux capability`;
  }).join('; ');
  input.setAttribute('aria-invalid', String(unknown.length > 0));
}

function pickCapability(picker) {
  const field = picker.closest('[data-capabilities]');
  const input = field.querySelector('[data-capability-input]');
  const names = input.value.split(/[\s,]+/).filter(Boolean);
  if (picker.value && !names.includes(picker.value)) names.push(picker.value);
  input.value = names.join(', ');
  picker.value = '';
  checkCapabilities(field);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

// What the server found, shown under the inputs it concerns: the form's problems and the
// validator's errors in red, its hints in amber. A finding inside a closed <details> also marks
// that section's summary, so that it is seen without opening every section.
function placeProblems() {
  document.querySelectorAll('[data-server-problem]').forEach((element) => element.remove());
  document.querySelectorAll('#compose-form [aria-invalid="true"]:not([data-capability-input])')
    .forEach((input) => input.removeAttribute('aria-invalid'));
  document.querySelectorAll('#preview .finding[data-field]').forEach((finding) => {
    const input = form()?.querySelector(`[name="${CSS.escape(finding.dataset.field)}"]`);
    if (!input) return;
    const warning = finding.classList.contains('warning');
    if (!warning) input.setAttribute('aria-invalid', 'true');
    // the capability inputs tell their unknown names themselves, as they are typed
    if (!input.matches('[data-capability-input]')) {
      const note = document.createElement('small');
      note.className = warning ? 'field-problem warning' : 'field-problem';
      note.dataset.serverProblem = '';
      note.textContent = finding.querySelector('[data-message]').textContent;
      // inside the field's label, so that the form's grid keeps its cells
      const outside = input.closest('.row, .resources');
      const label = input.closest('label');
      if (outside) outside.after(note);
      else if (label) label.append(note);
      else input.after(note);
    }
    flagSection(input.closest('details'), warning);
  });
}

function flagSection(details, warning) {
  const summary = details?.querySelector(':scope > summary');
  if (!summary) return;
  let flag = summary.querySelector(':scope > [data-server-problem]');
  if (!flag) {
    flag = document.createElement('span');
    flag.dataset.serverProblem = '';
    flag.dataset.count = '0';
    flag.className = 'section-flag warning';
    summary.append(flag);
  }
  flag.dataset.count = String(Number(flag.dataset.count) + 1);
  if (!warning) flag.classList.remove('warning');
  const count = Number(flag.dataset.count);
  flag.textContent = `${count} ${flag.classList.contains('warning') ? 'hint' : 'problem'}${count === 1 ? '' : 's'}`;
}

// The YAML tab lists the preview's findings by line: the preview describes the tab's text as it
// is typed, with its lines.
function showYamlMarkers() {
  const list = document.getElementById('yaml-markers');
  const area = document.getElementById('yaml-text');
  if (!list || !area) return;
  const findings = [...document.querySelectorAll('#preview .finding[data-line]')]
    .sort((a, b) => Number(a.dataset.line) - Number(b.dataset.line));
  list.replaceChildren(...findings.map((finding) => {
    const item = document.createElement('li');
    item.className = finding.classList.contains('warning') ? 'warning' : 'error';
    const jump = document.createElement('button');
    jump.type = 'button';
    jump.className = 'link-button mono';
    jump.dataset.yamlLine = finding.dataset.line;
    jump.textContent = `line ${finding.dataset.line}`;
    const message = document.createElement('span');
    message.textContent = finding.querySelector('[data-message]').textContent;
    item.append(jump, ' ', message);
    return item;
  }));
  list.hidden = findings.length === 0;
}

function selectLine(area, line) {
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1] || '').length);
}

// The badge and the hints stay open, or closed, while the preview is redrawn under them.
const sectionStates = new Map();

function selectErrorLine() {
  const area = document.getElementById('yaml-text');
  const line = Number(area?.dataset.errorLine || 0);
  if (!area || line < 1 || yamlForm().hidden) return;
  selectLine(area, line);
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-start], a[data-leave]');
  if (link) {
    if (link.hasAttribute('data-start') && hasChanges()
        && !window.confirm('Replace the pod you are working on? Your changes to it will be lost.')) {
      event.preventDefault();
      return;
    }
    leftOnPurposeAt = Date.now();
    return;
  }
  const target = event.target.closest('button');
  if (!target) return;
  if (target.dataset.tab === 'yaml' && yamlForm().hidden) switchToYaml();
  else if (target.dataset.tab === 'form' && form().hidden) switchToForm();
  else if (target.dataset.previewTab) showPreviewTab(target.dataset.previewTab);
  else if (target.hasAttribute('data-copy')) copyPreview(target);
  else if (target.hasAttribute('data-add-row')) addRow(target);
  else if (target.hasAttribute('data-remove-row')) removeRow(target);
  else if (target.dataset.yamlLine) selectLine(document.getElementById('yaml-text'), Number(target.dataset.yamlLine));
});

document.addEventListener('change', (event) => {
  const select = event.target;
  if (select.matches('[data-capability-picker]')) {
    pickCapability(select);
    return;
  }
  const container = select.closest('[data-switch]');
  if (container && container.querySelector('select') === select) updateSwitch(container);
  if (select.matches('select[data-rerender]')) {
    form().querySelector('[data-op="refresh"]').click();
  }
});

// A container's or volume's card header is drawn by the server; between redraws it follows the
// name as it is typed.
function retitleCard(input) {
  const card = input.closest('[data-container], [data-volume]');
  if (!card || input.name !== `${card.dataset.container ?? card.dataset.volume}.name`) return;
  card.querySelector('.container-title, .volume-title').textContent = input.value.trim() || '(unnamed)';
}

// The security section's summary names the added capabilities, as typed, for a closed section.
function showAddedCapabilities(input) {
  if (!input.matches('[data-capability-input]') || !input.name.endsWith('.capabilitiesAdd')) return;
  const badge = input.closest('details')?.querySelector(':scope > summary [data-added-capabilities]');
  if (!badge) return;
  const names = input.value.split(/[\s,]+/).filter(Boolean);
  badge.hidden = names.length === 0;
  badge.textContent = `+${names.join(', ')}`;
}

// "Add a volume" has a mount path per container: the paths not typed in yet follow the one being
// typed, so that mounting at one path in every container stays one field.
function followMountPath(input) {
  if (!input.matches('[data-new-mount-path]')) return;
  input.dataset.typed = 'true';
  input.closest('.mount-into').querySelectorAll('[data-new-mount-path]:not([data-typed])')
    .forEach((other) => { other.value = input.value; });
}

document.addEventListener('input', (event) => {
  const field = event.target.closest('[data-capabilities]');
  if (field && event.target.matches('[data-capability-input]')) checkCapabilities(field);
  retitleCard(event.target);
  showAddedCapabilities(event.target);
  followMountPath(event.target);
  if (event.target.closest('#compose-form') || event.target.id === 'yaml-text') markChanged();
});

document.addEventListener('submit', (event) => {
  if (event.target.id === 'compose-form') leftOnPurposeAt = Date.now();
});

// Unsaved changes to a template are kept as a draft too, but leaving them is asked about.
window.addEventListener('beforeunload', (event) => {
  if (!document.querySelector('.template-bar') || !hasChanges() || Date.now() - leftOnPurposeAt < 2000) return;
  event.preventDefault();
  event.returnValue = '';
});

// Each change the page sends is numbered within this load of the page: the server keeps the draft
// of the latest, even when an earlier, slower request ends after it (ComposerDrafts).
const draftPage = self.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
let draftSequence = 0;

document.addEventListener('htmx:configRequest', (event) => {
  const op = event.detail.elt.dataset?.op;
  if (op) event.detail.parameters.op = op;
  if (event.detail.elt.closest?.('#compose-form, #yaml-form')) {
    draftSequence += 1;
    event.detail.parameters.draftPage = draftPage;
    event.detail.parameters.draftSequence = String(draftSequence);
  }
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) event.detail.headers[header.content] = token.content;
});

document.addEventListener('htmx:beforeSwap', () => {
  sectionStates.clear();
  document.querySelectorAll('#preview details[data-keep-state]')
    .forEach((details) => sectionStates.set(details.dataset.keepState, details.open));
});

// The form drawn from the YAML tab's text arrives out of band, and may arrive after the tab was
// left: it is shown or hidden as the tab now is.
document.addEventListener('htmx:oobAfterSwap', (event) => {
  if (event.detail.target?.id === 'compose-form') form().hidden = !yamlForm().hidden;
});

document.addEventListener('htmx:afterSwap', () => {
  document.querySelectorAll('#preview details[data-keep-state]').forEach((details) => {
    if (sectionStates.has(details.dataset.keepState)) details.open = sectionStates.get(details.dataset.keepState);
  });
  showPreviewTab(previewTab);
  placeProblems();
  showYamlMarkers();
});

function init(root) {
  applySwitches(root);
  root.querySelectorAll?.('[data-capabilities]').forEach(checkCapabilities);
  if (root.querySelector?.('#yaml-text')) {
    yamlCopied = null;
    selectErrorLine();
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => { init(document); placeProblems(); showYamlMarkers(); });
} else {
  init(document);
  placeProblems();
  showYamlMarkers();
}
document.addEventListener('htmx:load', (event) => init(event.detail.elt));
