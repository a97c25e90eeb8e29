//! What every page has around its content: the header with the language
//! switcher and the person signed in, the main navigation for the
//! person's roles, the breadcrumb, a one-time notice and the footer.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use iiz_domain::{Language, TenantRole};

use super::assets;
use super::errors::{Failure, WebError};
use super::forms::FLASH_COOKIE;
use super::i18n::{OFFERED, Tr};
use super::visitor::Visitor;

/// One entry of the main navigation.
#[derive(Debug, Clone)]
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// One step of the breadcrumb.
#[derive(Debug, Clone)]
pub struct Crumb {
    pub href: String,
    pub label: String,
}

/// A language the page can be switched to.
#[derive(Debug, Clone)]
pub struct LanguageChoice {
    pub code: &'static str,
    pub label: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// The language switcher of the header: a form that comes back to `back`.
#[derive(Debug, Clone)]
pub struct LanguageSwitcher {
    pub csrf: String,
    pub back: String,
    pub languages: Vec<LanguageChoice>,
}

impl LanguageSwitcher {
    pub fn new(tr: Tr, csrf: &str, back: &str) -> Self {
        Self {
            csrf: csrf.to_owned(),
            back: back.to_owned(),
            languages: OFFERED
                .iter()
                .map(|language| {
                    let (code, label, name) = match language {
                        Language::Fr => ("fr", "FR", "Français"),
                        Language::It => ("it", "IT", "Italiano"),
                        Language::De | Language::Rm => ("de", "DE", "Deutsch"),
                    };
                    LanguageChoice {
                        code,
                        label,
                        name,
                        current: code == tr.lang(),
                    }
                })
                .collect(),
        }
    }
}

/// The frame of a page.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub tr: Tr,
    /// The page's title (translated), also its `<h1>` unless the page says otherwise.
    pub title: String,
    pub signed_in: bool,
    pub person_name: String,
    /// Unread notifications of the person signed in (the header's badge).
    pub unread: u64,
    pub nav: Vec<NavLink>,
    pub breadcrumb: Vec<Crumb>,
    pub csrf: String,
    pub notice: Option<String>,
    pub switcher: LanguageSwitcher,
    pub css: String,
    pub script: String,
    pub htmx: String,
    pub icon: String,
}

/// The main navigation: where a person in these roles goes.
fn navigation(visitor: &Visitor, section: &str) -> Vec<NavLink> {
    let tr = visitor.tr;
    let Some(principal) = visitor.principal() else {
        return Vec::new();
    };
    let any = |role: TenantRole| principal.roles.iter().any(|(_, held)| *held == role);
    let mut links = vec![
        ("/", "nav-home", "home"),
        ("/concerns", "nav-concerns", "concerns"),
    ];
    if any(TenantRole::Office) {
        links.push(("/queue", "nav-queue", "queue"));
    }
    links.push(("/recommendations", "nav-recommendations", "recommendations"));
    links.push(("/meetings", "nav-meetings", "meetings"));
    links.push(("/bodies", "nav-bodies", "bodies"));
    links.push(("/monitoring", "nav-monitoring", "monitoring"));
    links.push(("/panorama", "nav-panorama", "panorama"));
    if principal.platform_admin || any(TenantRole::TenantAdmin) {
        links.push(("/admin", "nav-admin", "admin"));
    }
    links
        .into_iter()
        .map(|(href, key, name)| NavLink {
            href,
            label: tr.t(key),
            current: name == section,
        })
        .collect()
}

impl Chrome {
    /// The frame for `visitor`'s page `title` in `section` of the navigation.
    pub async fn new(visitor: &Visitor, section: &str, title: String) -> Result<Self, WebError> {
        let tr = visitor.tr;
        // The two reads of the header do not depend on each other.
        let (person_name, unread) = match visitor.principal() {
            Some(principal) => {
                let caller = visitor.caller();
                tokio::try_join!(
                    async {
                        caller
                            .person(principal.person)
                            .await
                            .map(|person| person.name.to_string())
                    },
                    caller.inbox_unread_count(),
                )
                .map_err(|error| visitor.fail(error))?
            }
            None => (String::new(), 0),
        };
        Ok(Self {
            tr,
            title,
            signed_in: visitor.principal().is_some(),
            person_name,
            unread,
            nav: navigation(visitor, section),
            // The home and sign-in pages are where a breadcrumb would start.
            breadcrumb: if matches!(section, "home" | "signin") {
                Vec::new()
            } else {
                vec![Crumb {
                    href: "/".to_owned(),
                    label: tr.t("nav-home"),
                }]
            },
            csrf: visitor.csrf.clone(),
            notice: visitor
                .notice
                .as_deref()
                .filter(|key| tr.has(key))
                .map(|key| tr.t(key)),
            switcher: LanguageSwitcher::new(tr, &visitor.csrf, &visitor.path),
            css: assets::url("iiz.css"),
            script: assets::url("enhance.js"),
            htmx: assets::url("htmx.js"),
            icon: assets::url("icon.svg"),
        })
    }

    /// Adds a step to the breadcrumb (the page itself comes last, unlinked).
    pub fn crumb(mut self, href: impl Into<String>, label: impl Into<String>) -> Self {
        self.breadcrumb.push(Crumb {
            href: href.into(),
            label: label.into(),
        });
        self
    }
}

/// A rendered page, with status `200`, or `422` when it shows a refused form.
pub fn render(
    page: &impl Template,
    visitor: &Visitor,
    status: StatusCode,
) -> Result<Response, WebError> {
    let html = page.render().map_err(|error| {
        tracing::error!(%error, request_id = visitor.request_id, "page did not render");
        visitor.refuse(Failure::Internal)
    })?;
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    // Signed-in pages are personal: never cached by proxies or kept.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if visitor.notice.is_some()
        && let Ok(expired) = HeaderValue::from_str(&format!(
            "{FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
        ))
    {
        headers.append(header::SET_COOKIE, expired);
    }
    Ok(response)
}

/// A page that shows `page` with status 200.
pub fn show(page: &impl Template, visitor: &Visitor) -> Result<Response, WebError> {
    render(page, visitor, StatusCode::OK)
}
