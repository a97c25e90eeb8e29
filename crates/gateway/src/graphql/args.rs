//! Argument helpers every resolver shares: who calls, how pages are cut and
//! how plain arguments parse into domain values. A leaf of the GraphQL
//! module: it imports no type, query or mutation module, so each of them
//! may import it without closing a circle.

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{
    Context, CustomValidator, ErrorExtensions, ID, InputObject, InputType, InputValueError, Result,
};
use iiz_app::{App, Caller, MAX_PAGE, Page, input};
use iiz_domain::concern::Attachment;
use iiz_domain::text::FreeText;
use iiz_domain::{CantonCode, NetworkId, Party, TenantId, Title};

use super::context::RequestContext;
use super::error::{Code, coded};
use super::limits::{DEFAULT_PAGE, PerRequest};

/// A Relay page of `T`.
pub type Page1<T> = Connection<String, T, EmptyFields, EmptyFields>;

/// A `VALIDATION` error for input that does not parse.
pub fn invalid(message: impl Into<String>) -> async_graphql::Error {
    coded(Code::Validation, message)
}

/// Parses an id argument with the domain's parser.
pub fn parse_id<T, E: std::fmt::Display>(
    id: &ID,
    parse: impl Fn(&str) -> std::result::Result<T, E>,
) -> Result<T> {
    parse(id.as_str()).map_err(|error| invalid(error.to_string()))
}

/// The caller and what errors are reported with.
pub fn caller<'a>(ctx: &Context<'a>) -> Result<(Caller<'a>, &'a RequestContext, &'a App)> {
    let request = RequestContext::of(ctx)?;
    let app = ctx.data::<App>()?;
    let principal = request.principal.as_ref();
    // Within one HTTP request the caller's standing is read once.
    let caller = match ctx.data_opt::<PerRequest>() {
        Some(per_request) => app.caller_with(principal, &per_request.memo),
        None => app.caller(principal),
    };
    Ok((caller, request, app))
}

/// The page size a client asked for, within the app's bounds.
pub fn first(first: Option<i32>) -> Result<usize> {
    match first {
        None => Ok(DEFAULT_PAGE),
        Some(n) if n >= 1 && usize::try_from(n).is_ok_and(|n| n <= MAX_PAGE) => {
            Ok(usize::try_from(n).unwrap_or(DEFAULT_PAGE))
        }
        Some(n) => Err(invalid(format!(
            "first must be between 1 and {MAX_PAGE}, got {n}"
        ))),
    }
}

/// A Relay connection from a page: each edge's cursor continues after it.
pub fn connection<V, T: async_graphql::OutputType>(
    page: Page<V>,
    convert: impl Fn(V) -> T,
    had_cursor: bool,
) -> Page1<T> {
    let mut connection = Connection::new(had_cursor, page.next.is_some());
    connection.edges.extend(
        page.cursors
            .into_iter()
            .zip(page.items)
            .map(|(cursor, item)| Edge::new(cursor, convert(item))),
    );
    connection
}

/// Parses a tenant id (`CH` or a canton).
pub fn parse_tenant(id: &ID) -> Result<TenantId> {
    TenantId::parse(id.as_str()).map_err(|error| invalid(error.to_string()))
}

/// Parses a canton code.
pub fn canton(id: &ID) -> Result<CantonCode> {
    CantonCode::parse(id.as_str()).map_err(|error| invalid(error.to_string()))
}

/// Parses a network id.
pub fn network_id(id: &ID) -> Result<NetworkId> {
    parse_id(id, NetworkId::parse)
}

/// Parses an addressee code (`CH`, a canton or a partner).
pub fn party(code: &str) -> Result<Party> {
    Party::parse(code).map_err(|error| invalid(error.to_string()))
}

/// Parses a title.
pub fn title(text: &str) -> Result<Title> {
    input::title("title", text).map_err(field_error)
}

/// Parses a free text.
pub fn free_text(text: String) -> Result<FreeText> {
    FreeText::parse(text).map_err(|error| invalid(error.to_string()))
}

/// An input that does not parse, with the field it names, as
/// `extensions.field` (the rules are `iiz_app::input`'s, shared with the
/// pages).
pub fn field_error(error: input::FieldError) -> async_graphql::Error {
    let field = error.field.clone();
    invalid(error.message).extend_with(|_, extensions| extensions.set("field", field))
}

/// Refuses an input list longer than [`input::MAX_ITEMS`] before the
/// resolver runs: `VALIDATION` with the list's name in `extensions.field`
/// (`#[graphql(validator(custom = "MaxItems(\"basis.concerns\")"))]`).
#[derive(Debug, Clone, Copy)]
pub struct MaxItems(pub &'static str);

impl<T: InputType> CustomValidator<Vec<T>> for MaxItems {
    fn check(&self, value: &Vec<T>) -> std::result::Result<(), InputValueError<Vec<T>>> {
        input::at_most_max_items(self.0, value.len()).map_err(|error| {
            InputValueError::custom(format!("{}: {}", error.field, error.message))
                .with_extension("code", Code::Validation.as_str())
                .with_extension("field", error.field)
        })
    }
}

/// A link to a document kept elsewhere.
#[derive(Debug, Clone, InputObject)]
pub struct AttachmentInput {
    pub title: String,
    pub link: String,
}

/// Parses document links.
pub fn attachments(documents: Vec<AttachmentInput>) -> Result<Vec<Attachment>> {
    input::attachments(
        documents
            .into_iter()
            .map(|attachment| (attachment.title, attachment.link))
            .collect(),
    )
    .map_err(field_error)
}

/// A year argument, as a `VALIDATION` error when out of range.
pub fn panorama_year(value: i32) -> Result<iiz_domain::panorama::Year> {
    let value = u16::try_from(value).map_err(|_| invalid(format!("no year {value}")))?;
    iiz_app::panorama::year(value).map_err(|error| invalid(error.to_string()))
}

/// Canton codes, each parsed; at most the 26 cantons.
pub fn canton_set(ids: &[ID]) -> Result<std::collections::BTreeSet<CantonCode>> {
    if ids.len() > 26 {
        return Err(invalid("at most 26 cantons"));
    }
    ids.iter().map(canton).collect()
}
