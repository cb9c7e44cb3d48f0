use actix_web::cookie::{Cookie, SameSite};

// Neither flag is ever turned on in this file.
fn login(sid: String) -> HttpResponse {
    // ruleid: RS-COOKIE-INSECURE
    let cookie = Cookie::build("session", sid).path("/").finish();
    HttpResponse::Ok()
        // ruleid: RS-COOKIE-INSECURE
        .cookie(Cookie::new("theme", "dark"))
        .finish()
}

fn remember(sid: String) -> Cookie<'static> {
    // ruleid: RS-COOKIE-INSECURE
    let mut c = Cookie::build(("remember", sid))
        // ruleid: RS-COOKIE-INSECURE
        .secure(false)
        .build();
    // ruleid: RS-COOKIE-INSECURE
    c.set_http_only(false);
    // ok: RS-COOKIE-INSECURE
    let gone = Cookie::named("session");
    // ok: RS-COOKIE-INSECURE
    let doc = "Cookie::build(name, value).finish()";
    // ok: RS-COOKIE-INSECURE
    // let cookie = Cookie::build("session", sid).finish();
    c
}
