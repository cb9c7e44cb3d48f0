async fn proxy(Query(params): Query<Params>, State(state): State<AppState>) -> Result<String> {
    // ruleid: OWASP-A10-RS-REQUEST-URL
    let body = reqwest::get(&params.url).await?.text().await?;
    // ok: OWASP-A10-RS-REQUEST-URL
    let body = reqwest::get(&state.upstream).await?.text().await?;
    // ruleid: OWASP-A10-RS-REQUEST-URL
    let resp = reqwest::blocking::get(payload.callback.as_str())?;
    // ok: OWASP-A10-RS-REQUEST-URL
    let page = cache::get(&params.url);
    // ok: OWASP-A10-RS-REQUEST-URL
    let note = "reqwest::get(&params.url)";
    // ok: OWASP-A10-RS-REQUEST-URL
    // let body = reqwest::get(&params.url).await?;
    Ok(body)
}
