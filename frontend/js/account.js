// The profile and admin pages' browser side: asking before a form that cannot be undone is
// sent, and dropping a notice that a later action makes old news (a cluster "added" once it is
// checked again). The pages work without it, only less kindly. Copying a token shown once is
// composer.js's, which every page loads.

document.addEventListener('submit', (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

document.addEventListener('click', (event) => {
  if (event.target.closest('[data-dismisses-notice]')) document.querySelector('main .notice')?.remove();
});
