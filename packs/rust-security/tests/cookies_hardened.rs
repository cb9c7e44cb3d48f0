use cookie::{Cookie, SameSite};

fn session(sid: String, https: bool) -> Cookie<'static> {
    // ok: RS-COOKIE-INSECURE
    let c = Cookie::build(("session", sid))
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Lax)
        .build();
    // ok: RS-COOKIE-INSECURE
    let mut theme = Cookie::new("theme", "dark");
    // ok: RS-COOKIE-INSECURE
    theme.set_secure(https);
    c
}
