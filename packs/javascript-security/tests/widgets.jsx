import React from "react";
import DOMPurify from "dompurify";

export function Comment({ comment }) {
  return (
    <div
      // ruleid: JS-DANGEROUSLY-SET-HTML
      dangerouslySetInnerHTML={{
        __html: comment.html,
      }}
    />
  );
}

export function Raw({ html }) {
  // ruleid: JS-DANGEROUSLY-SET-HTML
  return React.createElement("div", { dangerouslySetInnerHTML: { __html: html } });
}

export function Static() {
  // ok: JS-DANGEROUSLY-SET-HTML
  return <div dangerouslySetInnerHTML={{ __html: "<b>Welcome</b>" }} />;
}

export function Help() {
  // ok: JS-DANGEROUSLY-SET-HTML
  return <p title="dangerouslySetInnerHTML={{ __html: x }}">Avoid raw HTML</p>;
}

export function Safe({ html }) {
  // ok: JS-DANGEROUSLY-SET-HTML
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}
