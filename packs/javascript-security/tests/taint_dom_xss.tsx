// JS-DOM-XSS in a React component (TSX): the URL fragment in dangerouslySetInnerHTML.
import React from "react";
import DOMPurify from "dompurify";

export function Announcement(): JSX.Element {
  const message: string = decodeURIComponent(window.location.hash.substring(1));
  const html = `<strong>${message}</strong>`;
  // ruleid: JS-DANGEROUSLY-SET-HTML, JS-DOM-XSS
  const unsafe = <p dangerouslySetInnerHTML={{ __html: html }} />;
  // ok: JS-DOM-XSS, JS-DANGEROUSLY-SET-HTML
  const safe = <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
  // ruleid: JS-DOM-XSS, JS-DANGEROUSLY-SET-HTML
  const viaProps = React.createElement("p", { dangerouslySetInnerHTML: { __html: html } });
  // ok: JS-DOM-XSS
  const textOnly = React.createElement("p", { title: html }, message);
  return <div>{unsafe}{safe}{viaProps}{textOnly}</div>;
}

export function setBanner(el: HTMLElement): void {
  const ref = document.referrer as string;
  // ruleid: JS-DOM-XSS, JS-INNERHTML
  (el as HTMLDivElement).innerHTML = `<a href="${ref}">back</a>`;
  // ruleid: JS-INNERHTML
  // ok: JS-DOM-XSS
  el.innerHTML = `<a href="${encodeURIComponent(ref)}">back</a>`;
}
