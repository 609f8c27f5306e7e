//! The app's files from `dist/`, on the same origin as the API, with the headers the README's
//! Deployment section prescribes: brotli or gzip copies made at build time
//! (`scripts/precompress.mjs`) when the browser accepts them, `no-cache` for the files that name
//! a release, a year for hashed files, the app's Content-Security-Policy and the rest.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::middleware::{self, Next};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

/// The app's Content-Security-Policy, as in index.html plus `frame-ancestors` (a header only).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Files that say which release is current: never cached without asking.
const NO_CACHE: [&str; 3] = ["/index.html", "/sw.js", "/manifest.webmanifest"];

/// Serve `dist`: a file when there is one; `index.html` for an app route (a path whose last
/// part has no extension); 404 otherwise.
pub fn static_files(dist: &Path) -> Router {
    let index = dist.join("index.html");
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .fallback(AppRoute { index });
    Router::new().fallback_service(files)
}

/// The security headers on every response, API and pages included (see [`headers`]).
pub fn with_headers(router: Router) -> Router {
    router.layer(middleware::from_fn(headers))
}

/// The fallback: app routes get index.html (200), missing files 404.
#[derive(Clone)]
struct AppRoute {
    index: PathBuf,
}

impl tower::Service<Request<Body>> for AppRoute {
    type Response = Response<Body>;
    type Error = std::convert::Infallible;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>,
    >;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        let last = req
            .uri()
            .path()
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        let index = self.index.clone();
        Box::pin(async move {
            if last.contains('.') {
                let mut r = Response::new(Body::from("Not found"));
                *r.status_mut() = StatusCode::NOT_FOUND;
                return Ok(r);
            }
            let mut svc = ServeFile::new(index)
                .precompressed_br()
                .precompressed_gzip();
            let r = tower::ServiceExt::oneshot(&mut svc, req)
                .await
                .map(|r| r.map(Body::new));
            Ok(r.unwrap_or_else(|_| {
                let mut r = Response::new(Body::from("The app is not built"));
                *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                r
            }))
        })
    }
}

/// Cache-Control (unless the handler set its own), the CSP, HSTS, nosniff, the referrer and
/// permissions policies.
pub async fn headers(req: Request<Body>, next: Next) -> Response<Body> {
    let path = req.uri().path().to_string();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    let hashed = path.rsplit('/').next().is_some_and(|f| {
        f.contains('-') && (f.ends_with(".js") || f.ends_with(".wasm") || f.ends_with(".css"))
    });
    let extensionless = !path.rsplit('/').next().unwrap_or("").contains('.');
    if h.contains_key(header::CACHE_CONTROL) {
        // The handler knows best (the supervisor's pages are never stored).
    } else if path == "/api" || path.starts_with("/api/") {
        set(h, header::CACHE_CONTROL, "no-store");
    } else if NO_CACHE.contains(&path.as_str()) || extensionless {
        set(h, header::CACHE_CONTROL, "no-cache");
    } else if hashed {
        set(
            h,
            header::CACHE_CONTROL,
            "public, max-age=31536000, immutable",
        );
    } else {
        set(h, header::CACHE_CONTROL, "public, max-age=3600");
    }
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(self)",
    );
    res
}
