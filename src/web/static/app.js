// Progressive enhancement only: every page works without this file.
// A province <select data-communes="ID"> refills the commune <select id=ID> when it changes,
// so the "update the commune list" button needed without JavaScript can be hidden.
document.addEventListener('change', async (ev) => {
  const sel = ev.target;
  if (!(sel instanceof HTMLSelectElement) || !sel.dataset.communes) return;
  const target = document.getElementById(sel.dataset.communes);
  if (!target) return;
  const res = await fetch(`/api/v1/geo/provinces/${encodeURIComponent(sel.value)}/communes`);
  const list = res.ok ? await res.json() : { items: [] };
  const first = target.options[0];
  target.replaceChildren(first, ...list.items.map((c) => new Option(c.name, c.code)));
});
document.documentElement.classList.add('js');
