// rt webb: filters by organisation, bedömning and words over a page's list of
// goals, as an addition. Without this script every page shows everything.
// No requests, no storage: works from a folder as from a web server.
"use strict";
document.querySelectorAll("form.filter").forEach((form) => {
  const list = document.getElementById(form.dataset.for);
  if (!list) return;
  const items = Array.from(list.querySelectorAll("[data-org]"));
  const counter = form.querySelector(".antal");
  const fold = (text) => text.toLocaleLowerCase("sv").normalize("NFC");
  const texts = items.map((item) => fold(item.dataset.text || item.textContent));
  const params = new URLSearchParams(window.location.search);
  for (const field of form.elements) {
    if (field.name && params.has(field.name)) field.value = params.get(field.name);
  }
  const apply = () => {
    const org = form.elements.org ? form.elements.org.value : "";
    const grade = form.elements.bedomning ? form.elements.bedomning.value : "";
    const words = form.elements.q ? fold(form.elements.q.value).split(/\s+/).filter(Boolean) : [];
    let shown = 0;
    items.forEach((item, index) => {
      const match = (!org || item.dataset.org === org) && (!grade || item.dataset.bedomning === grade) &&
        words.every((word) => texts[index].includes(word));
      item.hidden = !match;
      if (match) shown += 1;
    });
    counter.textContent = `${shown} av ${items.length} visas.`;
  };
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
  form.hidden = false;
  apply();
});
