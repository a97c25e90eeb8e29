//! A browser without JavaScript for the page scenarios: it keeps cookies,
//! follows redirects, and fills and submits forms as they are on the page
//! (hidden fields, the CSRF token, selected options and checked boxes
//! included), so a test walks the pages exactly as a person would.

use anyhow::{Context, bail};
use scraper::{ElementRef, Html, Selector};

use crate::TestApp;

/// One person's browser.
#[derive(Debug, Clone)]
pub struct Browser {
    client: reqwest::Client,
    base: String,
}

/// A form's action, method and the (name, value) pairs it sends.
pub type FormValues = (String, String, Vec<(String, String)>);

/// A page as the browser received it.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: u16,
    /// The path the browser ended on (after redirects).
    pub path: String,
    pub html: String,
}

fn selector(css: &str) -> anyhow::Result<Selector> {
    Selector::parse(css).map_err(|error| anyhow::anyhow!("selector {css}: {error}"))
}

impl Browser {
    pub fn new(app: &TestApp) -> anyhow::Result<Self> {
        Ok(Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::limited(5))
                .build()?,
            base: app.base_url.clone(),
        })
    }

    /// A browser that sends `Accept-Language: language`.
    pub fn speaking(app: &TestApp, language: &str) -> anyhow::Result<Self> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::ACCEPT_LANGUAGE, language.parse()?);
        Ok(Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .default_headers(headers)
                .build()?,
            base: app.base_url.clone(),
        })
    }

    async fn page(&self, response: reqwest::Response) -> anyhow::Result<Page> {
        let status = response.status().as_u16();
        let url = response.url().clone();
        let path = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        };
        Ok(Page {
            status,
            path,
            html: response.text().await?,
        })
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Page> {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await?;
        self.page(response).await
    }

    /// Posts raw fields to `path` (what a forged or hand-made form sends).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<Page> {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await?;
        self.page(response).await
    }

    /// Signs in through the sign-in page; fails unless the home page follows.
    pub async fn sign_in(&self, email: &str, password: &str) -> anyhow::Result<Page> {
        let form = self.get("/signin").await?;
        let home = self
            .submit(
                &form,
                "form[action='/signin']",
                &[("email", email), ("password", password)],
            )
            .await?;
        if home.status != 200 || home.path != "/" {
            bail!(
                "sign-in as {email} ended on {} ({})",
                home.path,
                home.status
            );
        }
        Ok(home)
    }

    /// Submits the form `form_css` of `page` with `fields` changed (a field
    /// named several times replaces all the form's values of that name).
    pub async fn submit(
        &self,
        page: &Page,
        form_css: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<Page> {
        let (action, method, mut values) = page.form(form_css)?;
        for (name, _) in fields {
            values.retain(|(existing, _)| existing != name);
        }
        values.extend(
            fields
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned())),
        );
        let url = if action.starts_with('/') {
            format!("{}{action}", self.base)
        } else if action.is_empty() {
            format!("{}{}", self.base, page.path)
        } else {
            action
        };
        let response = if method.eq_ignore_ascii_case("get") {
            self.client.get(url).query(&values).send().await?
        } else {
            self.client.post(url).form(&values).send().await?
        };
        self.page(response).await
    }
}

impl Page {
    fn document(&self) -> Html {
        Html::parse_document(&self.html)
    }

    /// The texts of every element matching `css`, whitespace collapsed.
    pub fn texts(&self, css: &str) -> anyhow::Result<Vec<String>> {
        let selector = selector(css)?;
        Ok(self
            .document()
            .select(&selector)
            .map(|element| collapse(&element.text().collect::<String>()))
            .collect())
    }

    /// The text of the first element matching `css`.
    pub fn text(&self, css: &str) -> anyhow::Result<String> {
        self.texts(css)?
            .into_iter()
            .next()
            .with_context(|| format!("no {css} on {}", self.path))
    }

    pub fn has(&self, css: &str) -> anyhow::Result<bool> {
        Ok(self.document().select(&selector(css)?).next().is_some())
    }

    /// The values of attribute `name` of every element matching `css`.
    pub fn attrs(&self, css: &str, name: &str) -> anyhow::Result<Vec<String>> {
        let selector = selector(css)?;
        Ok(self
            .document()
            .select(&selector)
            .filter_map(|element| element.value().attr(name).map(str::to_owned))
            .collect())
    }

    /// Every link of the page that stays on the site.
    pub fn links(&self) -> anyhow::Result<Vec<String>> {
        Ok(self
            .attrs("a[href]", "href")?
            .into_iter()
            .filter(|href| href.starts_with('/') && !href.starts_with("//"))
            .collect())
    }

    /// The error shown next to `field`, if any.
    pub fn field_error(&self, field: &str) -> anyhow::Result<Option<String>> {
        Ok(self.texts(&format!("#{field}-error"))?.into_iter().next())
    }

    /// The `lang` of the page.
    pub fn lang(&self) -> anyhow::Result<String> {
        self.attrs("html", "lang")?
            .into_iter()
            .next()
            .context("no lang")
    }

    /// A form's action, method and the values it would send as it is.
    pub fn form(&self, css: &str) -> anyhow::Result<FormValues> {
        let document = self.document();
        let form = document
            .select(&selector(css)?)
            .next()
            .with_context(|| format!("no form {css} on {}", self.path))?;
        let action = form.value().attr("action").unwrap_or_default().to_owned();
        let method = form.value().attr("method").unwrap_or("get").to_owned();
        Ok((action, method, values_of(form)?))
    }
}

fn values_of(form: ElementRef<'_>) -> anyhow::Result<Vec<(String, String)>> {
    let mut values = Vec::new();
    for element in form.select(&selector("input, textarea, select")?) {
        let node = element.value();
        let Some(name) = node.attr("name") else {
            continue;
        };
        match node.name() {
            "input" => {
                let kind = node.attr("type").unwrap_or("text");
                let value = node.attr("value").unwrap_or_default();
                match kind {
                    "checkbox" | "radio" if node.attr("checked").is_none() => {}
                    "submit" | "button" | "image" | "reset" | "file" => {}
                    _ => values.push((name.to_owned(), value.to_owned())),
                }
            }
            "textarea" => values.push((name.to_owned(), element.text().collect())),
            "select" => {
                let options: Vec<ElementRef<'_>> = element.select(&selector("option")?).collect();
                let chosen = options
                    .iter()
                    .find(|option| option.value().attr("selected").is_some())
                    .or(options.first());
                if let Some(option) = chosen {
                    let value = option
                        .value()
                        .attr("value")
                        .map_or_else(|| option.text().collect(), str::to_owned);
                    values.push((name.to_owned(), value));
                }
            }
            _ => {}
        }
    }
    Ok(values)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
