//! Signing in and out, and the language of the pages.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use iiz_app::AppError;
use iiz_app::authz::Denied;
use iiz_app::sessions::SignInAttempt;
use iiz_domain::Language;
use serde::Deserialize;

use super::WebState;
use super::errors::WebError;
use super::forms::{FormErrors, Posted, done, local_path};
use super::page::{Chrome, render, show};
use super::visitor::{LANGUAGE_COOKIE, Visitor};
use crate::auth::{expired_session_cookie, foreign_origin, session_cookie};

#[derive(Debug, Default, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub next: String,
}

#[derive(Debug, Deserialize)]
pub struct Next {
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "signin.html")]
pub struct SignInPage {
    pub chrome: Chrome,
    pub email: String,
    pub next: String,
    pub errors: FormErrors,
}

/// `GET /signin`.
pub async fn sign_in_page(
    visitor: Visitor,
    Query(query): Query<Next>,
) -> Result<Response, WebError> {
    if visitor.principal().is_some() {
        return Ok(Redirect::to(&local_path(query.next.as_deref().unwrap_or("/"))).into_response());
    }
    let chrome = Chrome::new(&visitor, "signin", visitor.tr.t("signin-title")).await?;
    let page = SignInPage {
        chrome,
        email: String::new(),
        next: query.next.map(|next| local_path(&next)).unwrap_or_default(),
        errors: FormErrors::none(),
    };
    show(&page, &visitor)
}

/// `POST /signin`: a wrong e-mail and a wrong password are answered alike;
/// too many attempts are answered 429 with the wait, in the visitor's
/// words. Refused from pages of other sites, on top of the form token.
pub async fn sign_in(
    State(state): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Posted { visitor, form }: Posted<SignInForm>,
) -> Result<Response, WebError> {
    if foreign_origin(&headers, state.public_origin.as_deref()) {
        return Err(WebError::new(
            super::errors::Failure::FormExpired,
            visitor.tr,
            &visitor.request_id,
        ));
    }
    let attempt = SignInAttempt {
        email: form.email.trim(),
        password: &form.password,
        address: Some(peer.ip()),
        replaces: visitor
            .session
            .as_ref()
            .map(|session| session.token.as_str()),
    };
    match visitor.app.sign_in_attempt(attempt).await {
        Ok(signed_in) => {
            let mut response = Redirect::to(&local_path(if form.next.is_empty() {
                "/"
            } else {
                &form.next
            }))
            .into_response();
            let cookie = session_cookie(
                &signed_in.session_token,
                signed_in.expires_at,
                visitor.secure_cookies,
            );
            if let Ok(cookie) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(AppError::Denied(Denied::Unauthenticated)) => {
            let chrome = Chrome::new(&visitor, "signin", visitor.tr.t("signin-title")).await?;
            let page = SignInPage {
                chrome,
                email: form.email,
                next: local_path(&form.next),
                errors: FormErrors::field("password", visitor.tr.t("signin-failed")),
            };
            render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(AppError::TooManyAttempts {
            retry_after_seconds,
        }) => {
            let chrome = Chrome::new(&visitor, "signin", visitor.tr.t("signin-title")).await?;
            let minutes = retry_after_seconds.div_ceil(60);
            let page = SignInPage {
                chrome,
                email: form.email,
                next: local_path(&form.next),
                errors: FormErrors::field(
                    "password",
                    visitor
                        .tr
                        .t1("signin-too-many-attempts", "minutes", minutes),
                ),
            };
            let mut response = render(&page, &visitor, StatusCode::TOO_MANY_REQUESTS)?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_seconds));
            Ok(response)
        }
        Err(error) => Err(visitor.fail(error)),
    }
}

#[derive(Debug, Deserialize)]
pub struct SignOutForm {}

/// `POST /signout`: ends this session.
pub async fn sign_out(Posted { visitor, .. }: Posted<SignOutForm>) -> Result<Response, WebError> {
    if let Some(session) = &visitor.session {
        visitor
            .app
            .sign_out(&session.token)
            .await
            .map_err(|error| visitor.fail(error))?;
    }
    let mut response = done("/signin", "notice-signed-out");
    if let Ok(cookie) = HeaderValue::from_str(&expired_session_cookie(visitor.secure_cookies)) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    pub language: String,
    #[serde(default)]
    pub back: String,
}

/// `POST /language`: the profile's language when signed in (so e-mails
/// follow), else a cookie; then back to the page.
pub async fn switch_language(
    Posted { visitor, form }: Posted<LanguageForm>,
) -> Result<Response, WebError> {
    let language = match form.language.as_str() {
        "de" => Language::De,
        "fr" => Language::Fr,
        "it" => Language::It,
        _ => {
            return Err(visitor.refuse(super::errors::Failure::BadRequest));
        }
    };
    if visitor.principal().is_some() {
        visitor
            .caller()
            .choose_language(language)
            .await
            .map_err(|error| visitor.fail(error))?;
    }
    let mut response = Redirect::to(&local_path(&form.back)).into_response();
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        form.language
    );
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}
