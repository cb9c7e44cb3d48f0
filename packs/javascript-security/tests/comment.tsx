import DOMPurify from "dompurify";

type Props = { html: string };

export function Comment({ html }: Props): JSX.Element {
  // ruleid: JS-DANGEROUSLY-SET-HTML
  return <div dangerouslySetInnerHTML={{ __html: html as string }} />;
}

export function SafeComment({ html }: Props): JSX.Element {
  // ok: JS-DANGEROUSLY-SET-HTML
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

export function Banner(): JSX.Element {
  // ruleid: JS-EVAL
  const text = eval(localStorage.banner!) as string;
  // ok: JS-INNERHTML
  return <p title="el.innerHTML = text">{text}</p>;
}
