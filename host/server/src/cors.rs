//! Cross-origin requests from browsers: allowed only from the origins the operator lists
//! (`--cors-origin`), none by default. Preflights are answered before authentication (a
//! browser sends them without credentials); the actual request is still authenticated.

use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// How long a browser may cache a preflight answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// Whether `origin` is a valid origin to list: `scheme://host[:port]` as a browser sends it
/// (http or https, no user info, path, query or fragment), parsed as a URI.
pub fn valid_origin(origin: &str) -> bool {
    let Ok(uri) = origin.parse::<axum::http::Uri>() else { return false };
    // (`Uri` shows an absent path as `/`, and drops a fragment: the text says which.)
    let bare = uri.path() == "/" && uri.query().is_none() && !origin.ends_with('/') && !origin.contains('#');
    let authority = uri.authority().is_some_and(|a| !a.host().is_empty() && !a.as_str().contains('@'));
    matches!(uri.scheme_str(), Some("http" | "https")) && authority && bare
}

/// The CORS layer for `origins`, or `None` when none are listed (no CORS headers at all).
pub(crate) fn layer(origins: &[String]) -> Option<CorsLayer> {
    let values: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    if values.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(values))
            .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::PUT, Method::DELETE])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, HeaderName::from_static(crate::auth::API_KEY_HEADER)])
            .expose_headers([HeaderName::from_static("x-request-id"), header::RETRY_AFTER])
            .max_age(PREFLIGHT_MAX_AGE),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bare_origins_are_accepted() {
        assert!(valid_origin("https://app.example.com"));
        assert!(valid_origin("http://localhost:3000"));
        assert!(valid_origin("http://[::1]:8080"));
        for bad in [
            "*",
            "app.example.com",
            "https://a.example/",
            "https://u@a.example",
            "ftp://a.example",
            "https://",
            "https://a.example?x",
            "https://a.example#f",
            "https://a b",
        ] {
            assert!(!valid_origin(bad), "{bad}");
        }
    }
}
