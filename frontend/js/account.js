// The profile and admin pages' browser side: copying a token shown once, asking before a form
// that cannot be undone is sent, and dropping a notice that a later action makes old news (a
// cluster "added" once it is checked again). The pages work without it, only less kindly.

import { copyText } from './clipboard.js';

document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy-from]');
  if (!button) return;
  const field = document.getElementById(button.dataset.copyFrom);
  field.select();
  await copyText(field.value);
  button.textContent = 'Copied';
});

document.addEventListener('submit', (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

document.addEventListener('click', (event) => {
  if (event.target.closest('[data-dismisses-notice]')) document.querySelector('main .notice')?.remove();
});
