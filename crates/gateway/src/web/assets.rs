//! The pages' own files (style sheet, htmx, icon), compiled into the
//! binary and served by `iiz` itself: no CDN, no external font. Each is
//! addressed by a name with its content hash, so browsers keep it for a
//! year and a new release is fetched at once.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

struct Asset {
    /// The name templates ask for.
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const FILES: [Asset; 5] = [
    Asset {
        name: "iiz.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../assets/iiz.css"),
    },
    // The printable panorama's page breaks (web/panorama/report).
    Asset {
        name: "panorama-print.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../assets/panorama-print.css"),
    },
    Asset {
        name: "enhance.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/enhance.js"),
    },
    // htmx 2.0.11 from the npm package `htmx.org` (licence 0BSD), as
    // published; progressive enhancement only: every page works without it.
    Asset {
        name: "htmx.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/htmx-2.0.11.min.js"),
    },
    Asset {
        name: "icon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../../assets/icon.svg"),
    },
];

/// `iiz.css` → `iiz.3f2a…9c.css`.
fn hashed(asset: &Asset) -> String {
    let digest = hex::encode(Sha256::digest(asset.body));
    match asset.name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{}.{extension}", &digest[..16]),
        None => format!("{}.{}", asset.name, &digest[..16]),
    }
}

fn table() -> &'static [(String, &'static Asset)] {
    static TABLE: OnceLock<Vec<(String, &'static Asset)>> = OnceLock::new();
    TABLE.get_or_init(|| FILES.iter().map(|asset| (hashed(asset), asset)).collect())
}

/// The address of an asset, as pages link it.
pub fn url(name: &str) -> String {
    table()
        .iter()
        .find(|(_, asset)| asset.name == name)
        .map_or_else(
            || format!("/assets/{name}"),
            |(hashed, _)| format!("/assets/{hashed}"),
        )
}

/// `GET /assets/{file}`: only hashed names are served, immutable for a year.
pub async fn serve(Path(file): Path<String>) -> Response {
    let Some((_, asset)) = table().iter().find(|(hashed, _)| *hashed == file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        asset.body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_content_hash() {
        let css = url("iiz.css");
        assert!(css.starts_with("/assets/iiz."), "{css}");
        assert!(css.ends_with(".css"));
        assert_eq!(css.len(), "/assets/iiz..css".len() + 16);
        assert_ne!(url("htmx.js"), url("enhance.js"));
    }
}
