// The deployment page's browser side: a log shows its last lines, at its end; "Follow" asks for
// the chosen container's log every 2 s. Without it the logs still refresh by hand.

const FOLLOW_MILLIS = 2000;

function following() {
  const follow = document.getElementById('follow-logs');
  return follow !== null && follow.checked;
}

setInterval(() => {
  const form = document.getElementById('logs-form');
  if (form && following() && !document.hidden) htmx.trigger(form, 'refresh');
}, FOLLOW_MILLIS);

document.addEventListener('htmx:afterSwap', (event) => {
  const output = document.getElementById('log-output');
  if (output && event.detail.target.id === 'log-output') output.scrollTop = output.scrollHeight;
});
