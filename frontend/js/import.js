// The import page's browser side: a file over the server's limit is refused here, before it is
// sent, as the server would refuse the whole request and the pasted text with it.

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!form.dataset.maxBytes) return;
  const file = form.querySelector('input[type="file"]').files[0];
  const problem = form.querySelector('[data-size-problem]');
  const limit = Number(form.dataset.maxBytes);
  if (file && file.size > limit) {
    event.preventDefault();
    problem.textContent = `The file ${file.name} is larger than 1 MiB; import it in parts.`;
    problem.hidden = false;
  } else {
    problem.hidden = true;
  }
});
