//! The web pages: server-rendered HTML for every user group, in German,
//! French and Italian. Pages call the same `app` layer as GraphQL (one
//! authorization function, the same typed errors) and never import
//! `crate::graphql`; they share only the HTTP pieces of [`crate::auth`].
//!
//! Every core action works without JavaScript: forms with a token,
//! POST-redirect-GET, the error next to its field. htmx (vendored) only
//! enhances. Full pages are `*Page`, parts answered to htmx `*Fragment`.

mod account;
mod account_links;
mod admin;
mod assets;
mod bodies;
mod charts;
mod concerns;
mod errors;
mod format;
mod forms;
mod home;
mod i18n;
mod inbox;
mod meetings;
mod monitoring;
mod page;
mod panorama;
mod profile;
mod recommendations;
mod refusal;
mod resolutions;
mod throttle;
mod visitor;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};
use iiz_app::App;
use tower_http::set_header::SetResponseHeaderLayer;

/// What the pages' handlers share.
#[derive(Debug, Clone)]
pub struct WebState {
    pub app: App,
    pub secure_cookies: bool,
    /// The rate limit the pages' POSTs count against.
    pub throttle: crate::throttle::Throttle,
    /// The configured public origin: the sign-in form is refused from
    /// pages of any other ([`crate::auth::foreign_origin`]).
    pub public_origin: Option<String>,
}

/// Pages may load only what `iiz` serves itself; nothing may frame them.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// The routes of the pages.
pub fn routes(
    app: App,
    secure_cookies: bool,
    throttle: crate::throttle::Throttle,
    public_origin: Option<String>,
) -> Router {
    let state = WebState {
        app,
        secure_cookies,
        throttle,
        public_origin,
    };
    Router::new()
        .route("/", get(home::page))
        .route("/signin", get(account::sign_in_page).post(account::sign_in))
        .route("/signout", post(account::sign_out))
        .route("/language", post(account::switch_language))
        .merge(account_links::routes())
        .merge(recommendations::routes())
        .merge(meetings::routes())
        .merge(bodies::routes())
        .merge(resolutions::routes())
        .merge(concerns::routes())
        .merge(monitoring::routes())
        .merge(admin::routes())
        .merge(inbox::routes())
        .merge(profile::routes())
        .merge(panorama::routes())
        .fallback(errors::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            throttle::posts,
        ))
        .with_state(state)
        .layer(axum::middleware::from_fn(forms::form_token))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .route("/assets/{file}", get(assets::serve))
}
