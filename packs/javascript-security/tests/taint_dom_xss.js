// JS-DOM-XSS: page URL, fragment, referrer or window name reaching an HTML sink (data-flow rule).
import DOMPurify from "dompurify";

function greeting(name) {
  return "<h2>Hello, " + name + "</h2>";
}

function fixedGreeting(name) {
  return "<h2>Hello!</h2>";
}

export function renderGreeting() {
  const params = new URLSearchParams(window.location.search);
  const name = params.get("name");
  const box = document.getElementById("greeting");
  // ruleid: JS-DOM-XSS, JS-INNERHTML
  box.innerHTML = greeting(name);
  // ruleid: JS-INNERHTML
  // ok: JS-DOM-XSS
  box.innerHTML = fixedGreeting(name);
  // ruleid: JS-INNERHTML
  // ok: JS-DOM-XSS
  box.innerHTML = DOMPurify.sanitize(greeting(name));
  // ok: JS-DOM-XSS, JS-INNERHTML
  box.textContent = name;
}

export function renderTab() {
  const tab = decodeURIComponent(location.hash.slice(1));
  const panel = document.querySelector("#panel");
  // ruleid: JS-DOM-XSS, JS-INNERHTML
  panel.innerHTML += `<section>${tab}</section>`;
  // ruleid: JS-DOM-XSS
  panel.insertAdjacentHTML("beforeend", "<b>" + tab + "</b>");
  // ok: JS-DOM-XSS
  panel.insertAdjacentHTML("beforeend", "<b>" + encodeURIComponent(tab) + "</b>");
  let label = tab;
  label = "Overview";
  // ruleid: JS-INNERHTML
  // ok: JS-DOM-XSS
  panel.outerHTML = "<div id='panel'>" + label + "</div>";
}

export function trackReferrer() {
  const from = document.referrer;
  // ruleid: JS-DOM-XSS, JS-DOCUMENT-WRITE
  document.write("<p>You came from " + from + "</p>");
  // ok: JS-DOM-XSS
  // ruleid: JS-DOCUMENT-WRITE
  document.write("<p>You came from " + escape(from) + "</p>");
  const state = { title: "Home", saved: window.name };
  const title = 1 > 2 ? state.saved : "Home";
  // ok: JS-DOM-XSS
  // ruleid: JS-DOCUMENT-WRITE
  document.write("<h1>" + title + "</h1>");
}
