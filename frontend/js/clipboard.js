// Copying text to the clipboard, for every page that offers a copy button.

export async function copyText(text) {
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
