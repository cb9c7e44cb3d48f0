// ruleid: JS-DANGEROUSLY-SET-HTML
return <div dangerouslySetInnerHTML={{ __html: comment.body }} />;
// ok: JS-DANGEROUSLY-SET-HTML
return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />;
