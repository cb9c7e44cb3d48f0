// ruleid: OWASP-A10-RS-REQUEST-URL
let body = reqwest::get(&params.url).await?.text().await?;
// ok: OWASP-A10-RS-REQUEST-URL
let body = reqwest::get(&state.upstream).await?.text().await?;
