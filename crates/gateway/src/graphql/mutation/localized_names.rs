//! Names in several languages, as bodies and networks carry them.

use async_graphql::{InputObject, Result};
use iiz_domain::text::LocalizedName;

use crate::graphql::args::invalid;
use crate::graphql::types::Language;

/// A name in one language.
#[derive(Debug, Clone, InputObject)]
pub struct LocalizedTextInput {
    pub language: Language,
    pub text: String,
}

pub(super) fn names(input: Vec<LocalizedTextInput>) -> Result<LocalizedName> {
    LocalizedName::parse(
        input
            .into_iter()
            .map(|entry| (entry.language.into(), entry.text)),
    )
    .map_err(|error| invalid(error.to_string()))
}
